using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using SmartyAssess.Assessment.Questionnaires;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.BrowserTests;

public class QuestionnaireJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static async Task AnswerProfileAsync(IPage page)
    {
        await page.SelectOptionAsync("#profile-sector", "C");
        await page.GetByLabel("Small: 10 to 49").CheckAsync();
        await page.SelectOptionAsync("#profile-country", "IT");
        await page.SelectOptionAsync("#profile-region", "ITI1");
        await page.SelectOptionAsync("#profile-role", "owner");
        await page.GetByLabel("No", new() { Exact = true }).CheckAsync();
    }

    private static async Task AnswerDimensionAsync(IPage page, Dimension dimension, IReadOnlyDictionary<string, string[]> values)
    {
        foreach (var question in dimension.Questions)
        {
            foreach (var value in values[question.Id])
            {
                // The specials' ids drop the underscores: q-<id>-dk, q-<id>-na, q-<id>-none.
                await page.Locator($"#q-{question.Id}-{value.TrimStart('_')}").CheckAsync();
            }
        }
    }

    private static Task ContinueAsync(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();

    [Fact]
    public async Task CompleteJourney_WithResumeHalfWay_ShowsTheResultsTheApiGives()
    {
        var questionnaire = app.Questionnaire;
        var values = SampleAnswers.FormValues(questionnaire);
        var half = questionnaire.Dimensions.Count / 2;

        // First visit: profile and the first half of the dimensions, then the tab is closed.
        var first = await app.NewPageAsync();
        await first.GotoAsync("/");
        await BrowserFixture.ScreenshotAsync(first, "01-landing");
        await first.GetByRole(AriaRole.Button, new() { Name = "Start the assessment" }).ClickAsync();
        await Assertions.Expect(first).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/assessment/profile$"));
        await AnswerProfileAsync(first);
        await BrowserFixture.ScreenshotAsync(first, "02-profile");
        await ContinueAsync(first);
        for (var i = 0; i < half; i++)
        {
            var dimension = questionnaire.Dimensions[i];
            await Assertions.Expect(first.Locator("h1")).ToHaveTextAsync(dimension.Title.In("en"));
            await AnswerDimensionAsync(first, dimension, values);
            if (i == 0)
            {
                await BrowserFixture.ScreenshotAsync(first, "03-dimension-answered");
            }

            await ContinueAsync(first);
        }

        var resumeLink = await first.Locator("#resume-link").InputValueAsync();
        await first.Context.CloseAsync();

        // Second visit, as on another device: nothing but the resume link.
        var second = await app.NewPageAsync();
        await second.GotoAsync(resumeLink);
        await Assertions.Expect(second.Locator("h1")).ToHaveTextAsync(questionnaire.Dimensions[half].Title.In("en"));
        await Assertions.Expect(second.Locator(".journey-step.done")).ToHaveCountAsync(1 + half);
        await BrowserFixture.ScreenshotAsync(second, "04-resumed");
        for (var i = half; i < questionnaire.Dimensions.Count; i++)
        {
            await AnswerDimensionAsync(second, questionnaire.Dimensions[i], values);
            await ContinueAsync(second);
        }

        foreach (var barrier in SampleAnswers.Barriers)
        {
            await second.Locator("#barrier-" + barrier).CheckAsync();
        }

        foreach (var top in SampleAnswers.TopBarriers)
        {
            await second.Locator("#top-" + top).CheckAsync();
        }

        foreach (var goal in SampleAnswers.Goals)
        {
            await second.Locator("#goal-" + goal).CheckAsync();
        }

        await BrowserFixture.ScreenshotAsync(second, "05-barriers");
        await ContinueAsync(second);
        await Assertions.Expect(second.Locator("h1")).ToHaveTextAsync("Review and submit");
        await Assertions.Expect(second.GetByText("Not answered yet")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(second, "06-review");
        await second.GetByRole(AriaRole.Button, new() { Name = "Submit and see my results" }).ClickAsync();

        // Results: six radar axes and the score the API computes for the same answers.
        await Assertions.Expect(second).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/results/[A-Za-z0-9_-]{22}$"));
        await Assertions.Expect(second.Locator("svg.radar-chart line.radar-axis")).ToHaveCountAsync(6);
        await Assertions.Expect(second.Locator(".dimension-result")).ToHaveCountAsync(6);
        await Assertions.Expect(second.Locator(".dimension-result.weakest")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(second, "07-results");
        await second.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await BrowserFixture.ScreenshotAsync(second, "08-results-print");

        using var api = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        using var response = await api.PostAsJsonAsync("/api/assessments", SampleAnswers.ApiRequest(questionnaire));
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var apiScore = json["overall"]!["score"]!.GetValue<double>().ToString("0.#", CultureInfo.InvariantCulture);
        await Assertions.Expect(second.Locator("[data-testid=overall-score]")).ToHaveTextAsync(apiScore);
        await Assertions.Expect(second.Locator("[data-testid=overall-band]")).ToHaveTextAsync(BandLabel(questionnaire, json["overall"]!["band"]!.GetValue<string>()));
        var weakest = questionnaire.FindDimension(json["weakestDimension"]!.GetValue<string>())!;
        await Assertions.Expect(second.Locator(".dimension-result.weakest h3")).ToHaveTextAsync(weakest.Title.In("en"));
    }

    [Fact]
    public async Task ProfileStep_SentIncomplete_ShowsMessagesNextToTheFields()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the assessment" }).ClickAsync();
        await page.SelectOptionAsync("#profile-sector", "C");

        await ContinueAsync(page);

        await Assertions.Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#profile-size-error")).ToHaveTextAsync("Please choose an answer.");
        await Assertions.Expect(page.Locator("#profile-sector")).ToHaveValueAsync("C");
        await BrowserFixture.ScreenshotAsync(page, "09-profile-errors");
    }

    [Fact]
    public async Task RegionList_ShowsOnlyTheChosenCountrysRegions()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the assessment" }).ClickAsync();

        await page.SelectOptionAsync("#profile-country", "ES");

        var visible = await page.Locator("#profile-region optgroup:not([hidden])").EvaluateAllAsync<string[]>("groups => groups.map(g => g.label)");
        Assert.Equal(["Spain"], visible);
    }

    private static string BandLabel(Questionnaire questionnaire, string id) =>
        Assessment.Scoring.Bands.TryParse(id, out var band) ? questionnaire.BandLabels[band].In("en") : id;
}
