using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartyAssess.Data.Entities;
using SmartyAssess.Web.Tests.Accounts;
using SmartyAssess.Web.Tests.Hubs;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.Web.Tests.Insights;

/// <summary>
/// The SME's place among its peers on the results page, and the practices the firms act on as the
/// partners see them, through the same paths a firm takes (submission, feedback buttons).
/// </summary>
public sealed class PeerAndPracticeInsightsTests : IAsyncLifetime
{
    // The results page reads new facts at once rather than every five seconds.
    private readonly SmartyAssessFactory _factory = new(settings: new Dictionary<string, string?> { ["Insights:PeerRefreshInterval"] = "00:00:00" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    /// <summary>Peers stored as earlier submissions would have stored them: an assessment and its fact, each a firm of its own.</summary>
    private async Task SeedPeersAsync(string country, string sector, string size, IEnumerable<double> strategyScores)
    {
        await HubTestKit.InScopeAsync(_factory, async db =>
        {
            foreach (var score in strategyScores)
            {
                var at = new DateTime(2026, 10, 5, 9, 0, 0, DateTimeKind.Utc);
                var assessment = new AssessmentRecord { Id = Guid.NewGuid(), QuestionnaireVersion = "2026.1", CreatedAt = at, UpdatedAt = at, SubmittedAt = at };
                db.Assessments.Add(assessment);
                db.InsightFacts.Add(new InsightFact
                {
                    AssessmentId = assessment.Id,
                    FirmId = Guid.NewGuid(),
                    SubmittedAt = at,
                    Country = country,
                    Region = null,
                    Sector = sector,
                    Size = size,
                    Scores = [new FactScore("strategy", score, score <= 25 ? "basic" : score <= 50 ? "average" : score <= 75 ? "moderately-advanced" : "advanced")],
                });
            }

            return await db.SaveChangesAsync();
        });
    }

    private async Task<double> StrategyScoreAsync(string resultId) =>
        await HubTestKit.InScopeAsync(_factory, async db => (await db.Results.SingleAsync(r => r.Id == resultId)).Dimensions.Single(d => d.DimensionId == "strategy").Score!.Value);

    [Fact]
    public async Task ResultsPage_PlacesTheFirmAmongItsSectorSizeAndCountry_OnceThatGroupHoldsTenFirms()
    {
        // The sample firm is a small manufacturer (C) in Italy. Eight peers score 0–70, one 100.
        await SeedPeersAsync("IT", "C", "small", [0, 10, 20, 30, 40, 50, 60, 70, 100]);
        var first = await HubTestKit.SubmitAsync(_factory);
        var own = await StrategyScoreAsync(first);
        var browser = new Browser(_factory.CreateBrowser());

        // With the firm itself that is ten firms: enough.
        var page = await browser.GetOkAsync($"/results/{first}");

        Assert.Contains("firms of your sector (C – Manufacturing) and size (Small: 10 to 49) in Italy", page.QuerySelector("[data-testid=peer-group]")!.TextContent, StringComparison.Ordinal);
        var seeded = new[] { 0.0, 10, 20, 30, 40, 50, 60, 70, 100 };
        var expected = (int)Math.Round(100.0 * (seeded.Count(s => s < own) + (0.5 * (1 + seeded.Count(s => s == own)))) / 10, MidpointRounding.AwayFromZero);
        Assert.Equal($"{expected}th", page.QuerySelector("[data-testid=percentile-strategy]")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("svg.peer-chart circle.peer-you"));
    }

    [Fact]
    public async Task ResultsPage_FallsBackToTheWiderGroup_AndSaysSo_AndShowsNothingBelowTen()
    {
        await SeedPeersAsync("PL", "C", "small", [20, 30, 40, 50, 60, 70, 80, 90]);
        var first = await HubTestKit.SubmitAsync(_factory);
        var browser = new Browser(_factory.CreateBrowser());

        // Nine firms of the sector and size in all countries, and only the firm itself in Italy: no group is large enough.
        var page = await browser.GetOkAsync($"/results/{first}");
        Assert.NotNull(page.QuerySelector("[data-testid=no-peers]"));
        Assert.Null(page.QuerySelector("svg.peer-chart"));

        // One more Polish peer: the sector and size in every country hold ten firms; Italy alone still does not.
        await SeedPeersAsync("PL", "C", "small", [25]);
        page = await browser.GetOkAsync($"/results/{first}");
        Assert.Contains("in every country", page.QuerySelector("[data-testid=peer-group]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirmsFeedback_ReachesThePracticesAndTheTransferMatrix_OfTheirRegionsAnalyst()
    {
        await AccountTestKit.CreateUserAsync(_factory, "ana@region.example", Roles.PartnerAnalyst);
        await HubTestKit.InScopeAsync(_factory, async db =>
        {
            (await db.Users.SingleAsync(u => u.Email == "ana@region.example")).Regions = ["ITI1"];
            return await db.SaveChangesAsync();
        });
        var analyst = await HubTestKit.SignedInAsync(_factory, "ana@region.example");
        var practice = _factory.Services.GetRequiredService<Assessment.Catalogue.PracticeCatalogue>().Practices.First(p => p.Nuts == "ITI1");
        using var client = _factory.CreateClient();
        for (var i = 0; i < 12; i++)
        {
            var id = await HubTestKit.SubmitAsync(_factory, client);
            // Relevant first, then adopted: the firm's latest word counts.
            foreach (var kind in i < 11 ? new[] { "relevant", "adopted" } : ["relevant"])
            {
                using var response = await client.PostAsJsonAsync($"/api/assessments/{id}/feedback", new { practiceId = practice.Id, kind });
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            }
        }

        var practices = await analyst.Client.GetFromJsonAsync<JsonElement>("/api/insights/practices");
        var row = practices.GetProperty("practices").EnumerateArray().Single(p => p.GetProperty("practice").GetString() == practice.Id);
        Assert.Equal(12, practices.GetProperty("firms").GetInt32());
        // All twelve: the whole group is its size, shown exactly anyway, so it is not rounded.
        Assert.Equal(12, row.GetProperty("relevant").GetProperty("value").GetInt32());
        Assert.False(row.GetProperty("relevant").GetProperty("rounded").GetBoolean());
        // 11 adopted of 12: the one that did not is a group of one, so the figure is hidden.
        Assert.Equal(JsonValueKind.Null, row.GetProperty("adopted").GetProperty("value").ValueKind);

        var transfer = await analyst.Client.GetFromJsonAsync<JsonElement>("/api/insights/transfer");
        var columns = transfer.GetProperty("columns").EnumerateArray().ToList();
        Assert.Equal("ITI1", columns[0].GetProperty("region").GetString());
        var tuscany = transfer.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("home").GetString() == "ITI1");
        Assert.Equal(12, tuscany.GetProperty("cells")[0].GetProperty("value").GetInt32());
        // The dashboard shows the matrix as a heat map, and its table, with the same figure.
        var page = await analyst.GetOkAsync("/insights");
        Assert.NotNull(page.QuerySelector("svg.heat-map"));
        Assert.Equal("12", page.QuerySelector("table.transfer-table tr[data-home='ITI1'] td")!.TextContent.Trim());
        using var csv = await analyst.Client.GetAsync("/insights/transfer.csv");
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("home_of_practice,", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("Toscana (Tuscany),", StringComparison.Ordinal) && l.Split(',')[1] == "12");
    }

    [Fact]
    public async Task NoInsightsResponse_HoldsAnAssessmentId_AResultId_OrAFirmsLabel()
    {
        await AccountTestKit.CreateUserAsync(_factory, "ana@region.example", Roles.PartnerAnalyst);
        await HubTestKit.InScopeAsync(_factory, async db =>
        {
            (await db.Users.SingleAsync(u => u.Email == "ana@region.example")).Regions = ["ITI1"];
            return await db.SaveChangesAsync();
        });
        var hub = await HubTestKit.CreateHubAsync(_factory, "prato-dih");
        var results = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            results.Add(await HubTestKit.SubmitAsync(_factory));
        }

        await HubTestKit.ShareAsync(new Browser(_factory.CreateBrowser()), results[0], hub, "Lanificio Esempio");
        var ids = await HubTestKit.InScopeAsync(_factory, db => db.Assessments.Select(a => a.Id.ToString()).ToListAsync());
        var needles = ids.Concat(results).Append("Lanificio Esempio").ToList();
        var analyst = await HubTestKit.SignedInAsync(_factory, "ana@region.example");

        var urls = new[] { "/insights", "/api/insights/barriers", "/api/insights/maturity", "/api/insights/practices", "/api/insights/transfer", "/api/insights/activity" }
            .Concat(Web.Features.Insights.InsightsEndpoints.Tables.Select(t => $"/insights/{t}.csv"));
        foreach (var url in urls.SelectMany(u => new[] { u, u + "?scope=all" }))
        {
            using var response = await analyst.Client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(needles, n => body.Contains(n, StringComparison.OrdinalIgnoreCase));
        }

        // The figures are there: the test would pass on empty answers otherwise.
        Assert.Equal(12, (await analyst.Client.GetFromJsonAsync<JsonElement>("/api/insights/barriers")).GetProperty("firms").GetInt32());
    }

    [Fact]
    public async Task EveryTable_DownloadsAsCsv_AndAnUnknownTableIs404()
    {
        await AccountTestKit.CreateUserAsync(_factory, "ana@region.example", Roles.PartnerAnalyst);
        var analyst = await HubTestKit.SignedInAsync(_factory, "ana@region.example");

        foreach (var table in Web.Features.Insights.InsightsEndpoints.Tables)
        {
            using var response = await analyst.Client.GetAsync($"/insights/{table}.csv?scope=all");
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        }

        using var unknown = await analyst.Client.GetAsync("/insights/firms.csv");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
