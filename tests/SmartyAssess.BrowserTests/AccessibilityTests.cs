using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.BrowserTests;

/// <summary>
/// axe-core's automated WCAG 2.2 A/AA checks on every kind of page a respondent sees. Automated
/// checks find only part of the problems; they keep the rest of the review honest.
/// </summary>
public class AccessibilityTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static readonly AxeRunOptions s_wcag = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    internal static async Task AssertNoSeriousViolationsAsync(IPage page, string state)
    {
        // After a form post the test may already see the new page's content while its stylesheet is
        // still loading; unstyled links are small and close together, which axe rightly reports.
        // Asked of the document itself: Playwright's load-state wait once timed out here after the sign-in redirect.
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
        var result = await page.RunAxe(s_wcag);

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{state}: " + string.Join("; ", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }

    [Fact]
    public async Task EveryPageState_HasNoSeriousOrCriticalWcagViolations()
    {
        var questionnaire = app.Questionnaire;
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await AssertNoSeriousViolationsAsync(page, "landing");

        await page.GetByRole(AriaRole.Button, new() { Name = "Start the assessment" }).ClickAsync();
        await AssertNoSeriousViolationsAsync(page, "profile step");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await AssertNoSeriousViolationsAsync(page, "profile step with errors");

        await page.GotoAsync("/assessment/" + questionnaire.Dimensions[1].Id);
        await AssertNoSeriousViolationsAsync(page, "dimension step");
        await page.GotoAsync("/assessment/barriers");
        await AssertNoSeriousViolationsAsync(page, "barriers step");
        await page.GotoAsync("/assessment/review");
        await AssertNoSeriousViolationsAsync(page, "review step");

        using var api = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        using var created = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(api, "/api/assessments", SampleAnswers.ApiRequest(questionnaire));
        var results = System.Text.Json.Nodes.JsonNode.Parse(await created.Content.ReadAsStringAsync())!["resultsPage"]!.GetValue<string>();
        await page.GotoAsync(results);
        await AssertNoSeriousViolationsAsync(page, "results");

        await page.GotoAsync("/practices");
        await AssertNoSeriousViolationsAsync(page, "practice list");
        await page.Locator(".practice-card h3 a").First.ClickAsync();
        await AssertNoSeriousViolationsAsync(page, "practice detail");

        await page.GotoAsync("/hubs");
        await AssertNoSeriousViolationsAsync(page, "hub list");
    }
}
