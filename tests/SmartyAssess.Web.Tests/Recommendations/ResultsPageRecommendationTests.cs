using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using SmartyAssess.Assessment.Catalogue;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.Web.Tests.Recommendations;

/// <summary>The results page's recommendations and feedback buttons, driven as a browser without script would.</summary>
public class ResultsPageRecommendationTests(AppFixture app) : IClassFixture<AppFixture>
{
    private PracticeCatalogue Catalogue => app.Factory.Services.GetRequiredService<PracticeCatalogue>();

    private async Task<(Browser Browser, string ResultsUrl, IDocument Page)> SubmitThroughThePagesAsync()
    {
        var browser = app.NewBrowser();
        await Infrastructure.Journey.StartAsync(browser);
        await Infrastructure.Journey.CompleteAllStepsAsync(browser, app.Questionnaire);
        var url = await Infrastructure.Journey.SubmitAsync(browser);
        return (browser, url, await browser.GetOkAsync(url));
    }

    private static async Task<HttpResponseMessage> PostFeedbackAsync(Browser browser, IDocument page, string practiceId, string kind, bool withToken = true)
    {
        var form = page.QuerySelector($"[data-practice-id='{practiceId}'] form.feedback")!;
        var fields = form.QuerySelectorAll("input[type=hidden]")
            .Where(i => withToken || i.GetAttribute("name") == "practiceId")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Append(new("kind", kind));
        return await browser.Client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task ResultsPage_ShowsFiveRecommendationsWithReasonsAndFeedbackButtons()
    {
        var (_, _, page) = await SubmitThroughThePagesAsync();

        var items = page.QuerySelectorAll("#recommendations li.recommendation");
        Assert.Equal(5, items.Length);
        foreach (var item in items)
        {
            var practice = Catalogue.Find(item.GetAttribute("data-practice-id")!)!;
            Assert.Equal($"/practices/{practice.Id}", item.QuerySelector("h3 a")!.GetAttribute("href"));
            Assert.InRange(item.QuerySelectorAll(".reasons li").Length, 1, 3);
            Assert.Equal(["relevant", "notRelevant", "adopted"], item.QuerySelectorAll("form.feedback button[name=kind]").Select(b => b.GetAttribute("value")));
            Assert.All(item.QuerySelectorAll("form.feedback button"), b => Assert.Equal("false", b.GetAttribute("aria-pressed")));
        }

        Assert.Contains(page.QuerySelectorAll("#recommendations .reasons li"), r => r.TextContent.StartsWith("Addresses your top barrier", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FeedbackForm_NotRelevant_RedirectsBack_ConfirmsIt_AndMovesThePracticeOutOfTheList()
    {
        var (browser, url, page) = await SubmitThroughThePagesAsync();
        var practiceId = page.QuerySelectorAll("#recommendations li.recommendation")[0].GetAttribute("data-practice-id")!;

        using var response = await PostFeedbackAsync(browser, page, practiceId, "notRelevant");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{url}?feedback={practiceId}#recommendations", response.Headers.Location!.OriginalString);
        var after = await browser.GetOkAsync(response.Headers.Location.OriginalString);
        Assert.Contains("is marked as not relevant", after.QuerySelector("[data-testid=feedback-status]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(practiceId, after.QuerySelectorAll("#recommendations li.recommendation").Select(i => i.GetAttribute("data-practice-id")));
        Assert.Equal(5, after.QuerySelectorAll("#recommendations li.recommendation").Length);
        var given = after.QuerySelector($".feedback-given [data-practice-id='{practiceId}']")!;
        Assert.Equal("Not relevant", given.QuerySelector("[data-testid=feedback-kind]")!.TextContent);
        Assert.Equal("true", given.QuerySelector("button[value=notRelevant]")!.GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task FeedbackForm_Relevant_KeepsThePracticeWithItsButtonPressed_AndCanBeChangedBack()
    {
        var (browser, url, page) = await SubmitThroughThePagesAsync();
        var practiceId = page.QuerySelectorAll("#recommendations li.recommendation")[2].GetAttribute("data-practice-id")!;

        (await PostFeedbackAsync(browser, page, practiceId, "relevant")).Dispose();
        var after = await browser.GetOkAsync(url);
        var item = after.QuerySelector($"#recommendations li.recommendation[data-practice-id='{practiceId}']")!;
        Assert.Equal("true", item.QuerySelector("button[value=relevant]")!.GetAttribute("aria-pressed"));

        (await PostFeedbackAsync(browser, after, practiceId, "adopted")).Dispose();
        var adopted = await browser.GetOkAsync(url);
        Assert.Null(adopted.QuerySelector($"#recommendations li.recommendation[data-practice-id='{practiceId}']"));
        Assert.Equal("We have adopted / plan to adopt", adopted.QuerySelector($".feedback-given [data-practice-id='{practiceId}'] [data-testid=feedback-kind]")!.TextContent);
    }

    [Fact]
    public async Task FeedbackForm_WithoutAntiforgeryToken_IsRefusedAndNothingIsStored()
    {
        var (browser, url, page) = await SubmitThroughThePagesAsync();
        var practiceId = page.QuerySelectorAll("#recommendations li.recommendation")[0].GetAttribute("data-practice-id")!;

        using var response = await PostFeedbackAsync(browser, page, practiceId, "notRelevant", withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var after = await browser.GetOkAsync(url);
        Assert.Contains(practiceId, after.QuerySelectorAll("#recommendations li.recommendation").Select(i => i.GetAttribute("data-practice-id")));
    }

    [Theory]
    [InlineData("practiceId=catalonia-dih4cat&kind=love-it")]
    [InlineData("practiceId=no-such-practice&kind=relevant")]
    public async Task FeedbackForm_TamperedValues_Are400(string values)
    {
        var (browser, _, page) = await SubmitThroughThePagesAsync();
        var form = page.QuerySelector("form.feedback")!;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = values.Split('&').Select(p => p.Split('=')).Select(p => new KeyValuePair<string, string>(p[0], p[1])).Append(new("__RequestVerificationToken", token));

        using var response = await browser.Client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ResultsPage_WhenRecommendationsFail_StillShowsTheScores()
    {
        await using var factory = new SmartyAssessFactory();
        var browser = new Browser(factory.CreateBrowser());
        await Infrastructure.Journey.StartAsync(browser);
        await Infrastructure.Journey.CompleteAllStepsAsync(browser, factory.Services.GetRequiredService<SmartyAssess.Web.Features.Journey.QuestionnaireCatalog>().Current);
        var url = await Infrastructure.Journey.SubmitAsync(browser);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // A broken feedback table stands for any failure below the recommender.
            await scope.ServiceProvider.GetRequiredService<SmartyAssess.Data.SmartyDbContext>().Database.ExecuteSqlRawAsync("DROP TABLE \"PracticeFeedback\"");
        }

        var page = await browser.GetOkAsync(url);

        Assert.NotNull(page.QuerySelector("[data-testid=overall-score]"));
        Assert.Contains("Recommendations cannot be shown right now", page.QuerySelector("#recommendations")!.TextContent, StringComparison.Ordinal);
    }
}
