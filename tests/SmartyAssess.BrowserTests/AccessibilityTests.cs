using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartyAssess.Web.Tests.Accounts;
using SmartyAssess.Web.Tests.Hubs;
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

        // With script these two posts are enhanced: the click returns before the new page is patched in.
        await page.GetByRole(AriaRole.Button, new() { Name = words.Site("StartButton") }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/assessment/profile", StringComparison.Ordinal));
        await AssertNoSeriousViolationsAsync(page, "profile step", checker);
        await page.GetByRole(AriaRole.Button, new() { Name = words.Journey("SaveAndContinue") }).ClickAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
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
        await page.WaitForURLAsync(url => url.Contains("/practices/", StringComparison.Ordinal));
        await AssertNoSeriousViolationsAsync(page, "practice detail", checker);

        await page.GotoAsync("/hubs");
        await AssertNoSeriousViolationsAsync(page, "hub list", checker);
    }

    /// <summary>The advisors' and partners' pages, in two languages other than English (English is checked with each feature's own browser tests).</summary>
    [Theory]
    [InlineData("de-DE")]
    [InlineData("sl-SI")]
    public async Task StaffPages_InOtherLanguages_HaveNoSeriousOrCriticalWcagViolations(string locale)
    {
        var words = new Words(locale);
        var suffix = words.Language;
        var hub = await HubTestKit.CreateHubAsync(app.Factory, "a11y-hub-" + suffix);
        await HubTestKit.CreateAdvisorAsync(app.Factory, $"advisor@a11y-{suffix}.example", hub);
        await AccountTestKit.CreateUserAsync(app.Factory, $"analyst@a11y-{suffix}.example", SmartyAssess.Data.Entities.Roles.PartnerAnalyst);
        var result = await HubTestKit.SubmitAsync(app.Factory);
        var assessment = await HubTestKit.AssessmentIdAsync(app.Factory, result);
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var shared = await scope.ServiceProvider.GetRequiredService<SmartyAssess.Web.Features.Sharing.SharingService>().ShareAsync(assessment, hub.Id, "Tessitura " + suffix, CancellationToken.None);
            Assert.Equal(SmartyAssess.Web.Features.Sharing.ShareOutcome.Shared, shared);
        }

        async Task<IPage> SignedInAsync(string email)
        {
            var page = await app.NewPageAsync(locale);
            await page.GotoAsync("/account/signin");
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", words.Language);
            await AssertNoSeriousViolationsAsync(page, "sign-in");
            await page.Locator("#email").FillAsync(email);
            await page.Locator("#password").FillAsync(AccountTestKit.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = words.Accounts("SignInButton") }).ClickAsync();
            await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/signin"));
            return page;
        }

        var advisor = await SignedInAsync($"advisor@a11y-{suffix}.example");
        foreach (var (url, state) in new[] { ("/hub", "advisor workspace"), ($"/hub/clients/{assessment}", "client page"), ("/hub/tokens", "hub API tokens"), ("/account", "account") })
        {
            await advisor.GotoAsync(url);
            await AssertNoSeriousViolationsAsync(advisor, $"{state} ({suffix})");
        }

        await advisor.GotoAsync($"/hub/clients/{assessment}");
        await BrowserFixture.ScreenshotAsync(advisor, $"78-{suffix}-client");

        var analyst = await SignedInAsync($"analyst@a11y-{suffix}.example");
        foreach (var (url, state) in new[] { ("/insights", "insights dashboard"), ("/insights?quarter=2026-Q7", "insights, invalid filter"), ("/insights/tokens", "partner tokens") })
        {
            await analyst.GotoAsync(url);
            await AssertNoSeriousViolationsAsync(analyst, $"{state} ({suffix})");
        }

        await analyst.GotoAsync("/insights");
        await BrowserFixture.ScreenshotAsync(analyst, $"79-{suffix}-insights");
    }

    [System.Text.RegularExpressions.GeneratedRegex("<script\\b[^>]*>.*?</script>", System.Text.RegularExpressions.RegexOptions.Singleline | System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ScriptTag();
}
