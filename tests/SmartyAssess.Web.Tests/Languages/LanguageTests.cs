using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmartyAssess.Assessment.Submissions;
using SmartyAssess.Web.Features.Languages;
using SmartyAssess.Web.Tests.Infrastructure;
using static SmartyAssess.Web.Tests.Infrastructure.Journey;

namespace SmartyAssess.Web.Tests.Languages;

/// <summary>
/// Which language a page or an API answer comes in, how a visitor changes it, and that changing it
/// loses nothing. Expected texts are read from the resources in the asked language, never written here.
/// </summary>
public class LanguageTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static string In(string language, Func<CultureInfo, string?> text) => text(CultureInfo.GetCultureInfo(language))!;

    private static string Site(string key, string language) => In(language, c => SmartyAssess.Web.SiteText.ResourceManager.GetString(key, c));

    private static string JourneyWords(string key, string language) => In(language, c => SmartyAssess.Web.JourneyText.ResourceManager.GetString(key, c));

    private static string ResultsWords(string key, string language) => In(language, c => SmartyAssess.Web.ResultsText.ResourceManager.GetString(key, c));

    /// <summary>How each reason's sentence frame begins in a language (the text before its first placeholder, as the page capitalises it).</summary>
    private static List<string> ReasonStarts(string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var set = SmartyAssess.Web.ResultsText.ResourceManager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!;
        return [.. set.Cast<System.Collections.DictionaryEntry>()
            .Select(e => (string)e.Key)
            .Where(k => k.StartsWith("Reason", StringComparison.Ordinal))
            .Select(k => SmartyAssess.Web.ResultsText.ResourceManager.GetString(k, culture)!.Split('{')[0].Trim())
            .Where(s => s.Length >= 4)
            .Select(s => char.ToUpper(s[0], culture) + s[1..])];
    }

    private Browser BrowserIn(string? acceptLanguage)
    {
        var browser = app.NewBrowser();
        if (acceptLanguage is not null)
        {
            browser.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        return browser;
    }

    private static async Task<string> SwitchAsync(Browser browser, AngleSharp.Dom.IDocument page, string language)
    {
        using var response = await browser.SubmitAsync(page, "form[data-testid=language-switcher]", [new("language", language)]);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    [Theory]
    [InlineData("it-IT,it;q=0.9,en;q=0.5", "it")]
    [InlineData("pl", "pl")]
    [InlineData("sv-SE, de;q=0.7", "de")]
    [InlineData("ja", "en")]
    [InlineData(null, "en")]
    public async Task FirstVisit_FollowsTheBrowsersAcceptLanguage(string? acceptLanguage, string expected)
    {
        var browser = BrowserIn(acceptLanguage);

        using var response = await browser.Client.GetAsync("/");
        var page = Browser.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(expected, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal([expected], response.Content.Headers.ContentLanguage);
        Assert.Equal(Site("LandingHeading", expected), page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(expected, page.QuerySelector("#language-select option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Switcher_KeepsTheChoiceInACookieOverAcceptLanguageAndReturnsToTheSamePage()
    {
        var browser = BrowserIn("it");
        var practices = await browser.GetOkAsync("/practices?theme=green-transition");

        var back = await SwitchAsync(browser, practices, "pl");
        var again = await browser.GetOkAsync(back);

        Assert.Equal("/practices?theme=green-transition", back);
        Assert.Equal("pl", again.DocumentElement.GetAttribute("lang"));
        Assert.Equal("pl", (await browser.GetOkAsync("/")).DocumentElement.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/path", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("/practices?lang=it&theme=green-transition#list", "/practices?theme=green-transition#list")]
    [InlineData("", "/")]
    public async Task Switcher_ReturnsOnlyToAPageOfThisSite_WithoutALangThatWouldOverrideTheChoice(string returnUrl, string expected)
    {
        var browser = BrowserIn(null);
        var landing = await browser.GetOkAsync("/");

        var token = landing.QuerySelector("form[data-testid=language-switcher] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var response = await browser.Client.PostAsync("/language", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("language", "fi"), new("returnUrl", returnUrl)]));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ALinkWithLang_KeepsThatLanguageForTheRestOfTheVisit()
    {
        var browser = BrowserIn("en");

        var linked = await browser.GetOkAsync("/?lang=it");
        var next = await browser.GetOkAsync("/practices");

        Assert.Equal("it", linked.DocumentElement.GetAttribute("lang"));
        Assert.Equal("it", next.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task IgnoredFiltersOfTheCatalogue_AreExplainedInThePagesLanguage()
    {
        var page = await BrowserIn("pl").GetOkAsync("/practices?theme=xx");
        var polish = CultureInfo.GetCultureInfo("pl");

        var expected = string.Format(polish, SmartyAssess.Web.CatalogueText.ResourceManager.GetString("IgnoredValue", polish)!, "xx", SmartyAssess.Web.CatalogueText.ResourceManager.GetString("FilterTheme", polish));
        Assert.Contains(expected, page.QuerySelector(".alert-warning")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Switcher_IgnoresALanguageItDoesNotOffer()
    {
        var browser = BrowserIn("nl");
        var landing = await browser.GetOkAsync("/");

        using var response = await browser.SubmitAsync(landing, "form[data-testid=language-switcher]", [new("language", "xx")]);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(LanguageRegistration.CookieName, StringComparison.Ordinal)));
        Assert.Equal("nl", (await browser.GetOkAsync("/")).DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Switcher_WithoutTheAntiforgeryToken_IsRefused()
    {
        using var client = app.Factory.CreateBrowser();

        using var response = await client.PostAsync("/language", new FormUrlEncodedContent([new("language", "it"), new("returnUrl", "/")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AnEmptyErrorResponse_GetsItsFriendlyPageInTheVisitorsLanguage()
    {
        var browser = BrowserIn("de-DE");

        var (status, page) = await browser.GetAsync("/results/AAAAAAAAAAAAAAAAAAAAAA/export");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("de", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(Site("NotFoundTitle", "de"), page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task UntranslatedReviewState_IsSaidDiscreetlyInThePagesLanguage_AndNotInEnglish()
    {
        var italian = await BrowserIn("it").GetOkAsync("/");
        var english = await BrowserIn("en").GetOkAsync("/");

        Assert.Equal(Site("UnreviewedNotice", "it"), italian.QuerySelector("[data-testid=unreviewed-notice]")!.TextContent.Trim());
        Assert.Null(english.QuerySelector("[data-testid=unreviewed-notice]"));
    }

    [Fact]
    public async Task Journey_SwitchingLanguageMidway_KeepsEverySavedAnswer_AndTheDraftRemembersTheLanguage()
    {
        var browser = BrowserIn("it");
        await StartAsync(browser);
        Assert.Equal("/assessment/" + app.Questionnaire.Dimensions[0].Id, await SaveStepAsync(browser, "profile", ProfileFields(SampleAnswers.Profile)));
        var first = app.Questionnaire.Dimensions[0];
        var values = SampleAnswers.FormValues(app.Questionnaire);
        await SaveStepAsync(browser, first.Id, QuestionFields(first, values));

        var step = await browser.GetOkAsync("/assessment/" + first.Id);
        var token = ResumeLink(step).Split('/')[^1];
        Assert.Equal(first.Title.In("it"), step.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("it", await DraftLanguageAsync(token));
        var back = await SwitchAsync(browser, step, "pl");
        var polish = await browser.GetOkAsync(back);

        Assert.Equal("/assessment/" + first.Id, back);
        Assert.Equal(first.Title.In("pl"), polish.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(first.Questions[0].Text.In("pl"), polish.QuerySelector($"#q-{first.Questions[0].Id} legend")!.TextContent.Trim()[3..]);
        foreach (var question in first.Questions)
        {
            Assert.Equal(values[question.Id].ToHashSet(), Checked(polish, "q." + question.Id));
        }

        var profile = await browser.GetOkAsync("/assessment/profile");
        Assert.Equal(SampleAnswers.Profile["size"], profile.QuerySelector("input[name='profile.size'][checked]")?.GetAttribute("value") ?? profile.QuerySelector("select[name='profile.size'] option[selected]")!.GetAttribute("value"));

        Assert.Equal("it", await DraftLanguageAsync(token));
        await SaveStepAsync(browser, app.Questionnaire.Dimensions[1].Id, QuestionFields(app.Questionnaire.Dimensions[1], values));
        Assert.Equal("pl", await DraftLanguageAsync(token));
    }

    private async Task<string?> DraftLanguageAsync(string token)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var draft = await scope.ServiceProvider.GetRequiredService<SmartyAssess.Web.Features.Journey.DraftService>().FindAsync(token, tracked: false, CancellationToken.None);
        return draft?.Language;
    }

    [Fact]
    public async Task Results_AreShownInTheReadersLanguage_AndSayWhichLanguageTheyWereAnsweredIn()
    {
        var browser = BrowserIn("it");
        await StartAsync(browser);
        await CompleteAllStepsAsync(browser, app.Questionnaire);
        var resultUrl = await SubmitAsync(browser);

        var italian = await browser.GetOkAsync(resultUrl);
        var french = await BrowserIn("fr").GetOkAsync(resultUrl);

        Assert.Equal(ResultsWords("Title", "it"), italian.QuerySelector("h1")!.TextContent.Trim());
        Assert.Null(italian.QuerySelector("[data-testid=answered-in]"));
        Assert.Equal(ResultsWords("Title", "fr"), french.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(string.Format(CultureInfo.GetCultureInfo("fr"), ResultsWords("AnsweredIn", "fr"), "Italiano"), french.QuerySelector("[data-testid=answered-in]")!.TextContent, StringComparison.Ordinal);
        var reasons = french.QuerySelectorAll(".recommendation .reasons li").Select(li => li.TextContent.Trim()).ToList();
        Assert.NotEmpty(reasons);
        // Every reason is one of the French sentence frames, and none is an English one.
        Assert.All(reasons, r => Assert.Contains(ReasonStarts("fr"), start => r.StartsWith(start, StringComparison.Ordinal)));
        Assert.All(reasons, r => Assert.DoesNotContain(ReasonStarts("en"), start => r.StartsWith(start, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SameAnswersInTwoLanguages_GiveIdenticalScoresAndRecommendations()
    {
        async Task<(string Scores, string Practices)> TakeAsync(string language)
        {
            var browser = BrowserIn(language);
            await StartAsync(browser);
            await CompleteAllStepsAsync(browser, app.Questionnaire);
            var id = (await SubmitAsync(browser)).Split('/')[^1];
            using var client = app.Factory.CreateClient();
            var result = await client.GetStringAsync($"/api/assessments/{id}");
            var recommendations = await client.GetFromJsonAsync<JsonElement>($"/api/assessments/{id}/recommendations");
            using var doc = JsonDocument.Parse(result);
            var practices = string.Join(",", recommendations.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("practiceId").GetString() + ":" + i.GetProperty("score").GetDouble().ToString("R", CultureInfo.InvariantCulture)));
            return (doc.RootElement.GetProperty("overall").GetRawText() + doc.RootElement.GetProperty("dimensions").GetRawText(), practices);
        }

        var italian = await TakeAsync("it");
        var polish = await TakeAsync("pl");

        Assert.Equal(italian.Scores, polish.Scores);
        Assert.Equal(italian.Practices, polish.Practices);
    }

    [Fact]
    public async Task Api_AnswersInTheLanguageOfAcceptLanguage_AndSaysWhichInContentLanguage()
    {
        using var client = app.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/questionnaire");
        request.Headers.AcceptLanguage.ParseAdd("sl-SI, en;q=0.3");

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("sl", body.GetProperty("language").GetString());
        Assert.Equal(app.Questionnaire.Title.In("sl"), body.GetProperty("title").GetString());
        Assert.Equal(["sl"], response.Content.Headers.ContentLanguage);
        Assert.Contains("Accept-Language", response.Headers.Vary);
    }

    [Fact]
    public async Task Api_LangParameterWins_AndOneNotOfferedIsNamed()
    {
        using var client = app.Factory.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de");

        var catalan = await client.GetFromJsonAsync<JsonElement>("/api/questionnaire?lang=ca");
        using var unknown = await client.GetAsync("/api/questionnaire?lang=xx");
        var problem = await unknown.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("ca", catalan.GetProperty("language").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("lang", out _));
    }

    [Fact]
    public async Task PracticeApi_GivesTitlesAndSummariesInTheLanguageAsked_AndSaysTheRestIsEnglish()
    {
        using var client = app.Factory.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("it");
        var texts = app.Factory.Services.GetRequiredService<SmartyAssess.Web.Features.Catalogue.CatalogueTexts>();

        using var response = await client.GetAsync("/api/practices");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var first = body.GetProperty("items")[0];
        var id = first.GetProperty("id").GetString();

        Assert.Equal(["it", "en"], response.Content.Headers.ContentLanguage);
        Assert.Equal(texts.Find("it", $"practices.{id}.title"), first.GetProperty("title").GetString());
        Assert.Equal(texts.Find("it", $"practices.{id}.summary"), first.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task AdvisorPages_FollowTheLanguage_WhileTheDownloadSaysItIsEnglish()
    {
        var hub = await SmartyAssess.Web.Tests.Hubs.HubTestKit.CreateHubAsync(app.Factory, "language-hub");
        await SmartyAssess.Web.Tests.Hubs.HubTestKit.CreateAdvisorAsync(app.Factory, "advisor@language-hub.example", hub);
        var advisor = await SmartyAssess.Web.Tests.Hubs.HubTestKit.SignedInAsync(app.Factory, "advisor@language-hub.example");
        advisor.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nl");

        using var page = await advisor.Client.GetAsync("/hub");
        using var csv = await advisor.Client.GetAsync("/hub/clients.csv");
        var html = Browser.Parse(await page.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("nl", html.DocumentElement.GetAttribute("lang"));
        Assert.Equal(In("nl", c => SmartyAssess.Web.SiteText.ResourceManager.GetString("NavClients", c)), html.QuerySelector("a.nav-link[href='/hub']")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal(["en"], csv.Content.Headers.ContentLanguage);
    }

    [Fact]
    public async Task PracticeSearch_FindsAPracticeByAWordOfItsTranslatedTitle()
    {
        var catalogue = app.Factory.Services.GetRequiredService<SmartyAssess.Assessment.Catalogue.PracticeCatalogue>();
        var texts = app.Factory.Services.GetRequiredService<SmartyAssess.Web.Features.Catalogue.CatalogueTexts>();
        string English(SmartyAssess.Assessment.Catalogue.Practice p) => $"{p.Title} {p.Summary} {p.Description} {p.Region} {p.Provenance.Programme}".ToLowerInvariant();
        // A word of an Italian title that no English text of any practice contains.
        var (practice, word) = catalogue.Practices
            .SelectMany(p => texts.Find("it", $"practices.{p.Id}.title")!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => (p, w: w.Trim(',', ':', '.', '(', ')').ToLowerInvariant())))
            .First(x => x.w.Length >= 7 && x.w.All(char.IsLetter) && catalogue.Practices.All(p => !English(p).Contains(x.w, StringComparison.Ordinal)));

        var italian = await BrowserIn("it").GetOkAsync("/practices?q=" + Uri.EscapeDataString(word));
        var english = await BrowserIn("en").GetOkAsync("/practices?q=" + Uri.EscapeDataString(word));

        Assert.Contains(italian.QuerySelectorAll(".practice-card h3 a"), a => a.GetAttribute("href") == "/practices/" + practice.Id);
        Assert.NotNull(english.QuerySelector(".no-results"));
    }

    [Fact]
    public async Task Api_ValidationMessages_AreInTheLanguageAsked()
    {
        using var client = app.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/assessments") { Content = JsonContent.Create(new { profile = new Dictionary<string, string>(), answers = new Dictionary<string, object>() }) };
        request.Headers.AcceptLanguage.ParseAdd("es");

        using var response = await client.SendAsync(request);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var spanish = CultureInfo.GetCultureInfo("es");
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = spanish;
        try
        {
            Assert.Equal(SubmissionValidator.MissingProfileMessage, problem.GetProperty("errors").GetProperty("profile.sector")[0].GetString());
            Assert.Equal(SubmissionValidator.MissingAnswerMessage, problem.GetProperty("errors").GetProperty("answers." + app.Questionnaire.Questions.First().Id)[0].GetString());
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        Assert.Equal(["es"], response.Content.Headers.ContentLanguage);
    }
}
