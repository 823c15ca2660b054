using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

        // A hand-edited address with a quarter that does not exist says so instead of answering for all time.
        await page.GotoAsync("/insights?quarter=2026-Q7");
        Assert.Contains("not a quarter", await page.Locator("[data-testid=filter-problems]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator(".insights-section").CountAsync());
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, "insights: invalid filter");
        await BrowserFixture.ScreenshotAsync(page, "61-insights-invalid-filter");

        // The analyst's monitoring system gets a token, which reads the API once and is then revoked.
        await page.GotoAsync("/insights");
        await page.GetByRole(AriaRole.Link, new() { Name = "token" }).ClickAsync();
        Assert.EndsWith("/insights/tokens", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("Name of the system that will use it").FillAsync("Observatory dashboard");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create a read-only token" }).ClickAsync();
        var token = (await page.Locator("[data-testid=new-token]").InnerTextAsync()).Trim();
        Assert.StartsWith("sap_", token, StringComparison.Ordinal);
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, "insights: API tokens");
        await BrowserFixture.ScreenshotAsync(page, "65-insights-tokens");
        using var api = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await api.GetAsync("/api/insights/barriers")).StatusCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke Observatory dashboard" }).ClickAsync();
        Assert.Contains("no longer works", await page.Locator("[role=status]").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await api.GetAsync("/api/insights/barriers")).StatusCode);
    }
}

/// <summary>An analyst filters the dashboard, reads the transfer matrix and downloads it (its own app: the counts are exact).</summary>
public class TransferBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Analyst_FiltersTheDashboard_ReadsTheTransferMatrix_AndDownloadsItAsCsv()
    {
        await AccountTestKit.CreateUserAsync(app.Factory, "jan@mazowsze.example", Roles.PartnerAnalyst);
        await HubTestKit.InScopeAsync(app.Factory, async db =>
        {
            (await db.Users.SingleAsync(u => u.Email == "jan@mazowsze.example")).Regions = ["ITI1", "PL91"];
            return await db.SaveChangesAsync();
        });
        // Twelve of 24 Tuscan firms find a Tuscan practice relevant and adopt a Flemish one (the others,
        // and the development demo firm, said nothing: so the firms without either are not a small group).
        var catalogue = app.Factory.Services.GetRequiredService<Assessment.Catalogue.PracticeCatalogue>();
        var tuscan = catalogue.Practices.First(p => p.Nuts == "ITI1");
        var flemish = catalogue.Practices.First(p => p.Country == "BE");
        using var client = app.Factory.CreateClient();
        for (var i = 0; i < 24; i++)
        {
            var id = await HubTestKit.SubmitAsync(app.Factory, client);
            foreach (var (practice, kind) in i < 12 ? new[] { (tuscan.Id, "relevant"), (flemish.Id, "adopted") } : [])
            {
                using var response = await client.PostAsJsonAsync($"/api/assessments/{id}/feedback", new { practiceId = practice, kind });
                Assert.True(response.IsSuccessStatusCode);
            }
        }

        var page = await app.NewPageAsync();
        await page.GotoAsync("/insights");
        await page.GetByLabel("E-mail address").FillAsync("jan@mazowsze.example");
        await page.GetByLabel("Password").FillAsync(AccountTestKit.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // Filter to one theme's practices and one dimension: the address keeps the filters. (A sector
        // filter would hide the matrix here: the development demo firm is of another sector, and
        // one firm is what the difference to all sectors would reveal.)
        await page.Locator("#i-theme").SelectOptionAsync(flemish.Theme);
        await page.Locator("#i-dimension").SelectOptionAsync("strategy");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        Assert.Contains("dimension=strategy", page.Url, StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator(".maturity-table tbody tr").CountAsync());
        Assert.Contains($"theme={flemish.Theme}", page.Url, StringComparison.Ordinal);
        Assert.True(await page.Locator($".practices-table tr[data-practice='{flemish.Id}']").IsVisibleAsync());

        // The matrix: Tuscan firms (first column) found practices from Tuscany and from Flanders relevant; Mazovia has no firm.
        var matrix = page.Locator("table.transfer-table");
        await matrix.ScrollIntoViewIfNeededAsync();
        // Twelve is below twice the minimum: shown rounded to 5.
        Assert.Equal("≈10", (await matrix.Locator("tr[data-home='ITI1'] td").First.TextContentAsync())!.Trim());
        Assert.Equal("≈10", (await matrix.Locator("tr[data-home='BE'] td").First.TextContentAsync())!.Trim());
        Assert.Equal(":c", (await matrix.Locator("tr[data-home='ITI1'] td").Nth(1).TextContentAsync())!.Trim());
        Assert.True(await page.Locator("svg.heat-map").IsVisibleAsync());
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, "insights: dashboard with transfer matrix");
        await BrowserFixture.ScreenshotAsync(page.Locator("section[aria-labelledby=transfer-title]"), "62-insights-transfer-matrix");
        await BrowserFixture.ScreenshotAsync(page, "62-insights-dashboard");

        var download = await page.RunAndWaitForDownloadAsync(() => matrix.Locator("caption a").ClickAsync());
        Assert.Equal("transfer.csv", download.SuggestedFilename);
        var lines = (await File.ReadAllTextAsync(await download.PathAsync())).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("home_of_practice,Toscana (Tuscany),Warszawski stołeczny (Mazovia),Your regions,All regions", lines[0]);
        Assert.Contains("Toscana (Tuscany),≈10,:c,≈10,≈10", lines);

        // The same page on paper: filters and links gone, one section per page.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.Locator("form.insights-filters").IsVisibleAsync());
        await BrowserFixture.ScreenshotAsync(page, "63-insights-print");
    }
}

/// <summary>An SME's results page shows where it stands among similar firms.</summary>
public class PeerBenchmarkBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Sme_SeesWhereItStandsAmongSimilarFirms_OnItsResultsPage()
    {
        // Eleven earlier small Italian manufacturers, stored as their submissions would have stored them.
        await HubTestKit.InScopeAsync(app.Factory, async db =>
        {
            for (var i = 0; i < 11; i++)
            {
                var at = new DateTime(2026, 10, 1, 9, 0, 0, DateTimeKind.Utc).AddDays(i);
                var assessment = new AssessmentRecord { Id = Guid.NewGuid(), QuestionnaireVersion = "2026.1", CreatedAt = at, UpdatedAt = at, SubmittedAt = at };
                db.Assessments.Add(assessment);
                db.InsightFacts.Add(new InsightFact
                {
                    AssessmentId = assessment.Id,
                    FirmId = Guid.NewGuid(),
                    SubmittedAt = at,
                    Country = "IT",
                    Region = "ITI1",
                    Sector = "C",
                    Size = "small",
                    Scores = [.. app.Questionnaire.Dimensions.Select((d, n) => new FactScore(d.Id, 10 + (7 * i) + n, 10 + (7 * i) + n <= 25 ? "basic" : 10 + (7 * i) + n <= 50 ? "average" : "moderately-advanced"))],
                });
            }

            return await db.SaveChangesAsync();
        });
        var id = await HubTestKit.SubmitAsync(app.Factory);

        var page = await app.NewPageAsync();
        await page.GotoAsync($"/results/{id}");
        var section = page.Locator("[data-testid=peer-benchmark]");
        await section.ScrollIntoViewIfNeededAsync();

        Assert.Contains("in Italy", await page.Locator("[data-testid=peer-group]").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(app.Questionnaire.Dimensions.Count, await section.Locator("svg.peer-chart circle.peer-you").CountAsync());
        Assert.Matches("^[0-9]+th$", (await page.Locator("[data-testid=percentile-strategy]").TextContentAsync())!.Trim());
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, "results with peer benchmark");
        await BrowserFixture.ScreenshotAsync(section, "64-results-peer-benchmark");
    }
}
