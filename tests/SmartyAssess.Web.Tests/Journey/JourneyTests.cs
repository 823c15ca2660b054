using System.Net;
using Microsoft.EntityFrameworkCore;
using SmartyAssess.Data;
using SmartyAssess.Web.Tests.Infrastructure;
using static SmartyAssess.Web.Tests.Infrastructure.Journey;

namespace SmartyAssess.Web.Tests.Journey;

public class JourneyTests(AppFixture app) : IClassFixture<AppFixture>
{
    private SmartyDbContext NewDb() => app.Factory.Services.CreateScope().ServiceProvider.GetRequiredService<SmartyDbContext>();

    [Fact]
    public async Task Start_CreatesADraftRemembersItInAnHttpOnlyCookieAndOpensTheProfile()
    {
        var browser = app.NewBrowser();
        var landing = await browser.GetOkAsync("/");

        using var response = await browser.PostAsync("/", landing, []);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.EndsWith("/assessment/profile", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("SmartyAssess.Draft=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("later")]
    [InlineData("back")]
    public async Task LaterOrBack_WithAnAnswerThatCannotBeSaved_StaysAndSaysSo(string action)
    {
        var browser = app.NewBrowser();
        await StartAsync(browser);
        var question = app.Questionnaire.Questions.First(q => q.Type == SmartyAssess.Assessment.Questionnaires.QuestionType.Checklist);
        var url = "/assessment/" + question.DimensionId;
        var page = await browser.GetOkAsync(url);

        using var response = await browser.PostAsync(url, page, [new("q." + question.Id, question.Options[0].Id), new("q." + question.Id, "__none"), new("move", action)]);
        var again = Browser.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SmartyAssess.Web.JourneyText.ChecklistConflict, again.QuerySelector($"#q-{question.Id}-error")!.TextContent.Trim());
        Assert.Equal(new HashSet<string> { question.Options[0].Id, "__none" }, Checked(again, "q." + question.Id));
    }

    [Fact]
    public async Task EveryStep_ShowsProgressAndTheResumeLink()
    {
        var browser = app.NewBrowser();
        await StartAsync(browser);

        foreach (var step in new[] { "profile", "strategy", "green", "barriers", "review" })
        {
            var page = await browser.GetOkAsync("/assessment/" + step);
            Assert.NotNull(page.QuerySelector("nav.journey-progress [aria-current=step]"));
            Assert.Matches("/resume/[A-Za-z0-9_-]{43}$", ResumeLink(page));
        }
    }

    [Fact]
    public async Task ScaleQuestion_ShowsTheAnchorTextNextToEachLevel()
    {
        var browser = app.NewBrowser();
        await StartAsync(browser);

        var page = await browser.GetOkAsync("/assessment/readiness");

        var question = app.Questionnaire.FindQuestion("readiness-monitoring")!;
        foreach (var option in question.Options)
        {
            var label = page.QuerySelector($"label[for='q-{question.Id}-{option.Id}']")!.TextContent;
            Assert.Contains($"Level {option.Level}", label, StringComparison.Ordinal);
            Assert.Contains(option.Label.In("en"), label, StringComparison.Ordinal);
        }

        Assert.NotNull(page.QuerySelector($"input[name='q.{question.Id}'][value='__dk']"));
        Assert.NotNull(page.QuerySelector($"input[name='q.{question.Id}'][value='__na']"));
    }

    [Fact]
    public async Task ProfileStep_MissingAndWrongValues_AreNamedInlineAndValidValuesAreKept()
    {
        var browser = app.NewBrowser();
        await StartAsync(browser);
        var page = await browser.GetOkAsync("/assessment/profile");

        var rejected = await browser.PostAndStayAsync("/assessment/profile", page, [new("profile.sector", "C"), new("profile.country", "IT"), new("profile.region", "ES51"), .. Next]);

        Assert.Contains("does not belong to the country", rejected.QuerySelector("#profile-region-error")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(rejected.QuerySelector("#profile-size-error"));
        Assert.NotNull(rejected.QuerySelector("#error-summary a[href='#field-size']"));
        var reloaded = await browser.GetOkAsync("/assessment/profile");
        Assert.Equal("C", reloaded.QuerySelector("#profile-sector option[selected]")?.GetAttribute("value"));
        Assert.Null(reloaded.QuerySelector("#profile-region option[selected]"));
    }

    [Fact]
    public async Task DimensionStep_PartlyAnswered_SavesWhatWasAnsweredAndNamesTheRest()
    {
        var browser = app.NewBrowser();
        await StartAsync(browser);
        var page = await browser.GetOkAsync("/assessment/strategy");

        var rejected = await browser.PostAndStayAsync("/assessment/strategy", page, [new("q.strategy-plan", "level-3"), new("q.strategy-support", "__dk"), .. Next]);

        Assert.Null(rejected.QuerySelector("#q-strategy-plan-error"));
        Assert.NotNull(rejected.QuerySelector("#q-strategy-investment-error"));
        Assert.NotNull(rejected.QuerySelector("#q-strategy-preparedness-error"));
        var reloaded = await browser.GetOkAsync("/assessment/strategy");
        Assert.Equal(["level-3"], Checked(reloaded, "q.strategy-plan"));
        Assert.Equal(["__dk"], Checked(reloaded, "q.strategy-support"));
    }

    [Fact]
    public async Task DimensionStep_TamperedOrContradictoryAnswers_AreRefusedAndTheSavedAnswerStays()
    {
        var browser = app.NewBrowser();
        await StartAsync(browser);
        await SaveStepAsync(browser, "strategy", [new("q.strategy-plan", "level-2"), new("q.strategy-investment", "design"), new("q.strategy-preparedness", "__none"), new("q.strategy-support", "no")]);
        var page = await browser.GetOkAsync("/assessment/strategy");

        var rejected = await browser.PostAndStayAsync("/assessment/strategy", page,
            [new("q.strategy-plan", "level-9"), new("q.strategy-investment", "design"), new("q.strategy-investment", "__na"), new("q.strategy-preparedness", "__none"), new("q.strategy-support", "no"), .. Next]);

        Assert.Contains("not one of the answers", rejected.QuerySelector("#q-strategy-plan-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("but not both", rejected.QuerySelector("#q-strategy-investment-error")!.TextContent, StringComparison.Ordinal);
        var reloaded = await browser.GetOkAsync("/assessment/strategy");
        Assert.Equal(["level-2"], Checked(reloaded, "q.strategy-plan"));
        Assert.Equal(["design"], Checked(reloaded, "q.strategy-investment"));
    }

    [Fact]
    public async Task BackButton_SavesAndShowsTheEarlierStepWithItsAnswers()
    {
        var browser = app.NewBrowser();
        await StartAsync(browser);
        await SaveStepAsync(browser, "profile", ProfileFields(SampleAnswers.Profile));
        var page = await browser.GetOkAsync("/assessment/strategy");

        var target = await browser.PostAndRedirectAsync("/assessment/strategy", page, [new("q.strategy-plan", "level-4"), new("move", "back")]);

        Assert.Equal("/assessment/profile", target);
        var profile = await browser.GetOkAsync(target);
        Assert.Equal("ITI1", profile.QuerySelector("#profile-region option[selected]")?.GetAttribute("value"));
        Assert.Equal("small", profile.QuerySelector("input[name='profile.size'][checked]")?.GetAttribute("value"));
        Assert.Equal(["level-4"], Checked(await browser.GetOkAsync("/assessment/strategy"), "q.strategy-plan"));
    }

    [Fact]
    public async Task ResumeLink_InANewBrowser_BringsBackEverySavedAnswerAndContinuesWhereLeft()
    {
        var first = app.NewBrowser();
        await StartAsync(first);
        var values = SampleAnswers.FormValues(app.Questionnaire);
        await SaveStepAsync(first, "profile", ProfileFields(SampleAnswers.Profile));
        await SaveStepAsync(first, "strategy", QuestionFields(app.Questionnaire.FindDimension("strategy")!, values));
        var link = new Uri(ResumeLink(await first.GetOkAsync("/assessment/readiness")));

        var second = app.NewBrowser(); // no cookies: another device
        Assert.Equal(HttpStatusCode.NotFound, (await second.GetAsync("/assessment/strategy")).Status);
        using var resumed = await second.Client.GetAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.Found, resumed.StatusCode);
        Assert.EndsWith("/assessment/readiness", resumed.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var strategy = await second.GetOkAsync("/assessment/strategy");
        foreach (var question in app.Questionnaire.FindDimension("strategy")!.Questions)
        {
            Assert.Equal(values[question.Id].ToHashSet(), Checked(strategy, "q." + question.Id));
        }
    }

    [Fact]
    public async Task ResumeLink_Unknown_Gives404WithAnExplanation()
    {
        var browser = app.NewBrowser();

        var (status, page) = await browser.GetAsync("/resume/" + new string('A', 43));

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("do not recognise this link", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResumeToken_IsStoredOnlyAsItsHash()
    {
        var browser = app.NewBrowser();
        await StartAsync(browser);
        var token = ResumeLink(await browser.GetOkAsync("/assessment/profile")).Split('/')[^1];

        await using var db = NewDb();
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token));
        var draft = await db.Assessments.SingleAsync(a => a.ResumeTokenHash == hash);
        Assert.NotEqual(System.Text.Encoding.ASCII.GetBytes(token), draft.ResumeTokenHash);
        Assert.Equal(43, token.Length); // 256 bits, base64url
    }

    [Fact]
    public async Task SaveAndFinishLater_ShowsTheResumeLink()
    {
        var browser = app.NewBrowser();
        await StartAsync(browser);
        var page = await browser.GetOkAsync("/assessment/profile");

        var target = await browser.PostAndRedirectAsync("/assessment/profile", page, [new("profile.sector", "C"), new("move", "later")]);

        Assert.Equal("/assessment/saved", target);
        Assert.Matches("/resume/[A-Za-z0-9_-]{43}$", ResumeLink(await browser.GetOkAsync(target)));
    }

    [Fact]
    public async Task APageRenderedBeforeTheButtonsWereRenamed_StillSavesAndMovesOn()
    {
        var browser = app.NewBrowser();
        await StartAsync(browser);
        var page = await browser.GetOkAsync("/assessment/profile");

        var target = await browser.PostAndRedirectAsync("/assessment/profile", page, [new("profile.sector", "C"), new("action", "later")]);

        Assert.Equal("/assessment/saved", target);
        Assert.Contains("selected", (await browser.GetOkAsync("/assessment/profile")).QuerySelector("#profile-sector option[value=C]")!.OuterHtml);
    }

    [Fact]
    public async Task Review_WithStepsMissing_RefusesToSubmitAndLinksToThem()
    {
        var browser = app.NewBrowser();
        await StartAsync(browser);
        await SaveStepAsync(browser, "profile", ProfileFields(SampleAnswers.Profile));
        var review = await browser.GetOkAsync("/assessment/review");

        var rejected = await browser.PostAndStayAsync("/assessment/review", review, [new("move", "submit")]);

        var links = rejected.QuerySelectorAll("#error-summary a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains(links, l => l.StartsWith("/assessment/strategy#q-", StringComparison.Ordinal));
        Assert.Contains("/assessment/barriers", links);
        var token = ResumeLink(rejected).Split('/')[^1];
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token));
        await using var db = NewDb();
        var draft = await db.Assessments.Include(a => a.Result).SingleAsync(a => a.ResumeTokenHash == hash);
        Assert.Null(draft.SubmittedAt);
        Assert.Null(draft.Result);
    }

    [Fact]
    public async Task Submit_CompleteAssessment_ShowsResultsThatMatchTheApiForTheSameAnswers()
    {
        var browser = app.NewBrowser();
        await StartAsync(browser);
        await CompleteAllStepsAsync(browser, app.Questionnaire);

        var results = await SubmitAsync(browser);

        Assert.StartsWith("/results/", results, StringComparison.Ordinal);
        var page = await browser.GetOkAsync(results);
        var api = System.Text.Json.Nodes.JsonNode.Parse(await app.Factory.CreateClient().GetStringAsync("/api/assessments/" + results.Split('/')[^1]))!;
        var expected = Assessment.Scoring.Scorer.Score(app.Questionnaire, SampleAnswers.Answers(app.Questionnaire));
        Assert.Equal((double)expected.Overall!.Value, api["overall"]!["score"]!.GetValue<double>(), 9);
        Assert.Equal(expected.Overall.Value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("[data-testid=overall-score]")!.TextContent);
        Assert.Equal(6, page.QuerySelectorAll("svg.radar-chart line.radar-axis").Length);
    }

    [Fact]
    public async Task Submit_Twice_CreatesOneResult()
    {
        var browser = app.NewBrowser();
        await StartAsync(browser);
        await CompleteAllStepsAsync(browser, app.Questionnaire);
        var review = await browser.GetOkAsync("/assessment/review");

        // A double click: the same form posted twice at once, then once more later.
        var posts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => browser.PostAndRedirectAsync("/assessment/review", review, [new("move", "submit")])));
        var again = await browser.PostAndRedirectAsync("/assessment/review", review, [new("move", "submit")]);

        Assert.Single(posts.Append(again).Distinct());
        await using var db = NewDb();
        var resultId = posts[0].Split('/')[^1];
        var assessmentId = (await db.Results.SingleAsync(r => r.Id == resultId)).AssessmentId;
        Assert.Equal(1, await db.Results.CountAsync(r => r.AssessmentId == assessmentId));
    }

    [Fact]
    public async Task AfterSubmit_StepsAndResumeLinkLeadToTheResults()
    {
        var browser = app.NewBrowser();
        await StartAsync(browser);
        await CompleteAllStepsAsync(browser, app.Questionnaire);
        var link = new Uri(ResumeLink(await browser.GetOkAsync("/assessment/review")));
        var results = await SubmitAsync(browser);

        using var step = await browser.Client.GetAsync("/assessment/strategy");
        using var resume = await app.NewBrowser().Client.GetAsync(link.PathAndQuery);

        Assert.EndsWith(results, step.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.EndsWith(results, resume.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BarriersStep_MoreThanThreeMostImportant_IsRefusedInPlainWords()
    {
        var browser = app.NewBrowser();
        await StartAsync(browser);
        var page = await browser.GetOkAsync("/assessment/barriers");

        var rejected = await browser.PostAndStayAsync("/assessment/barriers", page, [.. BarrierFields(SampleAnswers.Barriers, SampleAnswers.Barriers, []), .. Next]);

        Assert.Contains("at most 3", rejected.QuerySelector("#barriers-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(SampleAnswers.Barriers.ToHashSet(), Checked(rejected, "top"));
    }

    [Fact]
    public async Task BarriersStep_TopBarrierAlone_CountsAsTicked()
    {
        var browser = app.NewBrowser();
        await StartAsync(browser);

        await SaveStepAsync(browser, "barriers", BarrierFields([], ["finance"], []));

        var page = await browser.GetOkAsync("/assessment/barriers");
        Assert.Equal(["finance"], Checked(page, "barrier"));
        Assert.Equal(["finance"], Checked(page, "top"));
    }
}
