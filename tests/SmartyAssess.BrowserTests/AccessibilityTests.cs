using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.BrowserTests;

/// <summary>
/// axe-core's automated WCAG 2.2 A/AA checks on every kind of page a respondent sees. Automated
/// checks find only part of the problems; they keep the rest of the review honest.
/// </summary>
public partial class AccessibilityTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static readonly AxeRunOptions s_wcag = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    internal static async Task AssertNoSeriousViolationsAsync(IPage page, string state, IPage? checker = null)
    {
        AxeResult result;
        if (checker is null)
        {
            // After a form post the test may already see the new page's content while its stylesheet is
            // still loading; unstyled links are small and close together, which axe rightly reports.
            // Asked of the document itself: Playwright's load-state wait once timed out here after the sign-in redirect.
            await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
            result = await page.RunAxe(s_wcag);
        }
        else
        {
            // axe is itself a script, so a page rendered with scripts off is checked as a copy: its
            // HTML, scripts removed, in a page that may run axe, on the same origin for the styles.
            await page.WaitForLoadStateAsync(LoadState.Load);
            var html = ScriptTag().Replace(await page.ContentAsync(), "");
            await checker.GotoAsync("/health/live");
            await checker.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
            result = await checker.RunAxe(s_wcag);
        }

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{state}: " + string.Join("; ", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }

    [Theory]
    [InlineData("en-GB", true)]
    [InlineData("en-GB", false)]
    [InlineData("it-IT", true)]
    [InlineData("it-IT", false)]
    [InlineData("pl-PL", true)]
    [InlineData("pl-PL", false)]
    public async Task EveryPageState_HasNoSeriousOrCriticalWcagViolations(string locale, bool javaScript)
    {
        var questionnaire = app.Questionnaire;
        var page = await app.NewPageAsync(locale, javaScript);
        var checker = javaScript ? null : await app.NewPageAsync(locale);
        var words = new Words(locale);
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", words.Language);
        await AssertNoSeriousViolationsAsync(page, "landing", checker);

        await page.GetByRole(AriaRole.Button, new() { Name = words.Site("StartButton") }).ClickAsync();
        await AssertNoSeriousViolationsAsync(page, "profile step", checker);
        await page.GetByRole(AriaRole.Button, new() { Name = words.Journey("SaveAndContinue") }).ClickAsync();
        await AssertNoSeriousViolationsAsync(page, "profile step with errors", checker);

        await page.GotoAsync("/assessment/" + questionnaire.Dimensions[1].Id);
        await AssertNoSeriousViolationsAsync(page, "dimension step", checker);
        await page.GotoAsync("/assessment/barriers");
        await AssertNoSeriousViolationsAsync(page, "barriers step", checker);
        await page.GotoAsync("/assessment/review");
        await AssertNoSeriousViolationsAsync(page, "review step", checker);

        using var api = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        using var created = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(api, "/api/assessments", SampleAnswers.ApiRequest(questionnaire));
        var results = System.Text.Json.Nodes.JsonNode.Parse(await created.Content.ReadAsStringAsync())!["resultsPage"]!.GetValue<string>();
        await page.GotoAsync(results);
        await AssertNoSeriousViolationsAsync(page, "results", checker);

        await page.GotoAsync("/practices");
        await AssertNoSeriousViolationsAsync(page, "practice list", checker);
        await page.Locator(".practice-card h3 a").First.ClickAsync();
        await AssertNoSeriousViolationsAsync(page, "practice detail", checker);

        await page.GotoAsync("/hubs");
        await AssertNoSeriousViolationsAsync(page, "hub list", checker);
    }

    [System.Text.RegularExpressions.GeneratedRegex("<script\\b[^>]*>.*?</script>", System.Text.RegularExpressions.RegexOptions.Singleline | System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ScriptTag();
}
