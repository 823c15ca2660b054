using System.Net;
using SmartyAssess.Assessment.Questionnaires;
using SmartyAssess.Web.Features.Journey;
using SmartyAssess.Web.Tests.Infrastructure;
using static SmartyAssess.Web.Tests.Infrastructure.Journey;

namespace SmartyAssess.Web.Tests.Journey;

/// <summary>Nothing lives in server memory: a new instance on the same database carries on.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly string _database = SmartyAssessFactory.TempDatabasePath();

    public void Dispose() => SmartyAssessFactory.DeleteDatabase(_database);

    [Fact]
    public async Task Restart_KeepsDraftsResultsAndTheFormThatWasOpen()
    {
        string link, resultsUrl;
        Questionnaire questionnaire;
        Browser browser;
        AngleSharp.Dom.IDocument openForm;
        var cookies = new System.Net.CookieContainer();
        await using (var before = new SmartyAssessFactory(_database))
        {
            questionnaire = before.Services.GetRequiredService<QuestionnaireCatalog>().Current;
            browser = new Browser(before.CreateBrowser());
            await StartAsync(browser);
            await CompleteAllStepsAsync(browser, questionnaire);
            resultsUrl = await SubmitAsync(browser);

            var other = new Browser(before.CreateBrowser(cookies));
            await StartAsync(other);
            await SaveStepAsync(other, "profile", ProfileFields(SampleAnswers.Profile));
            openForm = await other.GetOkAsync("/assessment/strategy");
            link = ResumeLink(openForm);
        }

        await using var after = new SmartyAssessFactory(_database);
        var resumed = new Browser(after.CreateBrowser()); // another device: only the link
        using var resume = await resumed.Client.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.Found, resume.StatusCode);
        Assert.EndsWith("/assessment/strategy", resume.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal("ITI1", (await resumed.GetOkAsync("/assessment/profile")).QuerySelector("#profile-region option[selected]")?.GetAttribute("value"));

        // The same browser posts the form the old instance rendered: its antiforgery key was kept in the database.
        var sameBrowser = new Browser(after.CreateBrowser(cookies));
        var target = await sameBrowser.PostAndRedirectAsync("/assessment/strategy", openForm, QuestionFields(questionnaire.FindDimension("strategy")!, SampleAnswers.FormValues(questionnaire)).Concat(Next));
        Assert.Equal("/assessment/readiness", target);

        var results = await new Browser(after.CreateBrowser()).GetOkAsync(resultsUrl);
        Assert.Equal(6, results.QuerySelectorAll(".dimension-result").Length);
    }
}
