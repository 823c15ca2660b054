using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SmartyAssess.Data.Entities;
using SmartyAssess.Web.Tests.Accounts;
using SmartyAssess.Web.Tests.Hubs;

namespace SmartyAssess.BrowserTests;

/// <summary>A partner analyst reads the barriers of its regions in Chromium, filters them, and sees small groups suppressed.</summary>
public class InsightsBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Analyst_ReadsBarriers_FiltersToASmallGroup_AndSeesItSuppressed()
    {
        await AccountTestKit.CreateUserAsync(app.Factory, "marta@toscana.example", Roles.PartnerAnalyst);
        await HubTestKit.InScopeAsync(app.Factory, async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == "marta@toscana.example");
            user.Regions = ["ITI1", "ITI4"];
            return await db.SaveChangesAsync();
        });
        for (var i = 0; i < 12; i++)
        {
            await HubTestKit.SubmitAsync(app.Factory);
        }

        var page = await app.NewPageAsync();
        await page.GotoAsync("/insights");
        await page.GetByLabel("E-mail address").FillAsync("marta@toscana.example");
        await page.GetByLabel("Password").FillAsync(AccountTestKit.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.EndsWith("/insights", page.Url, StringComparison.Ordinal);
        Assert.True(await page.Locator(".barriers-table tbody tr").CountAsync() > 0);
        Assert.Equal(app.Questionnaire.Dimensions.Count, await page.Locator(".maturity-table tbody tr").CountAsync());
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, "insights: barriers");
        await BrowserFixture.ScreenshotAsync(page, "60-insights-barriers");

        // The sample firms are all in one sector: another sector has no firm, which is shown as too few.
        await page.Locator("#i-sector").SelectOptionAsync("F");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        Assert.Contains("sector=F", page.Url, StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("[data-testid=group-suppressed]").CountAsync());
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, "insights: suppressed group");
        await BrowserFixture.ScreenshotAsync(page, "61-insights-suppressed");
    }
}
