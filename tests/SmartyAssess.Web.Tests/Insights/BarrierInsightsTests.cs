using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartyAssess.Data;
using SmartyAssess.Data.Entities;
using SmartyAssess.Web.Tests.Accounts;
using SmartyAssess.Web.Tests.Hubs;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.Web.Tests.Insights;

/// <summary>
/// The barriers insights over random small worlds: no response ever holds a figure on 1–9 firms,
/// directly, as a complement, or as the difference between two views; figures are otherwise true.
/// </summary>
public sealed class BarrierInsightsTests : IAsyncLifetime
{
    private const int K = 10;
    private static readonly string[] s_mine = ["ITI1", "ITI4"];
    private static readonly string[] s_regions = ["ITI1", "ITI4", "PL91"];
    private static readonly string[] s_sectors = ["C", "F"];
    private static readonly string[] s_sizes = ["small", "medium"];
    private static readonly string[] s_barriers = ["finance", "workforce-skills", "legacy-systems", "data-security"];

    private readonly SmartyAssessFactory _factory = new();
    private Browser _analyst = default!;

    private static readonly string[] s_bands = ["basic", "average", "moderately-advanced", "advanced"];

    private sealed record Firm(Guid Series, DateTime At, string Region, string Sector, string Size, string[] Barriers, string[] Top, double? Strategy);

    public async Task InitializeAsync()
    {
        await AccountTestKit.CreateUserAsync(_factory, "ana@region.example", Roles.PartnerAnalyst);
        await HubTestKit.InScopeAsync(_factory, async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == "ana@region.example");
            user.Regions = [.. s_mine];
            return await db.SaveChangesAsync();
        });
        _analyst = await HubTestKit.SignedInAsync(_factory, "ana@region.example");
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<List<Firm>> SeedWorldAsync(int seed)
    {
        var random = new Random(seed);
        var firms = new List<Firm>();
        for (var i = 0; i < random.Next(40, 160); i++)
        {
            var series = Guid.NewGuid();
            // Some firms re-assess in the next quarter (a series: only its latest assessment in a period counts).
            foreach (var quarterStart in random.Next(4) == 0 ? new[] { new DateTime(2026, 7, 1), new DateTime(2026, 10, 1) } : [random.Next(2) == 0 ? new DateTime(2026, 7, 1) : new DateTime(2026, 10, 1)])
            {
                var barriers = s_barriers.Where(_ => random.Next(3) == 0).ToArray();
                // Scores cluster in the lower bands, so that some bands are small; some firms leave the dimension unassessed.
                double? strategy = random.Next(6) == 0 ? null : Math.Round(Math.Pow(random.NextDouble(), 1.7) * 100, 1);
                firms.Add(new Firm(series, quarterStart.AddDays(random.Next(80)), s_regions[random.Next(s_regions.Length)], s_sectors[random.Next(2)], s_sizes[random.Next(2)], barriers, [.. barriers.Take(1)], strategy));
            }
        }

        await HubTestKit.InScopeAsync(_factory, async db =>
        {
            await db.Results.ExecuteDeleteAsync();
            await db.Assessments.ExecuteDeleteAsync();
            foreach (var (firm, index) in firms.Select((f, i) => (f, i)))
            {
                var assessment = new AssessmentRecord
                {
                    Id = Guid.NewGuid(),
                    SeriesId = firm.Series,
                    QuestionnaireVersion = "2026.1",
                    CreatedAt = firm.At,
                    UpdatedAt = firm.At,
                    SubmittedAt = firm.At,
                    Profile = new Dictionary<string, string> { ["region"] = firm.Region, ["sector"] = firm.Sector, ["size"] = firm.Size },
                    Barriers = [.. firm.Barriers.Select(b => new BarrierChoice(b, firm.Top.Contains(b)))],
                };
                assessment.Result = new AssessmentResult
                {
                    Id = $"w{seed:D4}{index:D17}",
                    QuestionnaireVersion = "2026.1",
                    ScoringVersion = "1",
                    CreatedAt = firm.At,
                    Dimensions = [new DimensionResult("strategy", firm.Strategy is not null, firm.Strategy, firm.Strategy is { } v ? Band(v) : null, null, 0)],
                };
                db.Assessments.Add(assessment);
                // As the submission writes it; the series' first assessment names the firm.
                var fact = InsightFacts.For(assessment, assessment.Result, firm.Series);
                fact.Reassessment = firms.Take(index).Any(f => f.Series == firm.Series);
                db.InsightFacts.Add(fact);
            }

            return await db.SaveChangesAsync();
        });
        return firms;
    }

    private static string Band(double score) => score <= 25 ? "basic" : score <= 50 ? "average" : score <= 75 ? "moderately-advanced" : "advanced";

    private sealed record Query(bool All, string? Quarter, string? Sector, string? Size)
    {
        public string Url => "/api/insights/barriers?" + string.Join("&", new[] { All ? "scope=all" : null, Quarter is null ? null : $"quarter={Quarter}", Sector is null ? null : $"sector={Sector}", Size is null ? null : $"size={Size}" }.Where(p => p is not null));

        public bool IsWiderThan(Query other) =>
            this != other && (All || !other.All) && (Quarter is null || Quarter == other.Quarter) && (Sector is null || Sector == other.Sector) && (Size is null || Size == other.Size);
    }

    private static List<Firm> Truth(List<Firm> firms, Query query) =>
        [.. firms.Where(f => query.Quarter is null || $"2026-Q{((f.At.Month - 1) / 3) + 1}" == query.Quarter)
            .GroupBy(f => f.Series).Select(g => g.MaxBy(f => f.At)!)
            .Where(f => (query.All || s_mine.Contains(f.Region)) && (query.Sector is null || f.Sector == query.Sector) && (query.Size is null || f.Size == query.Size))];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task NoResponse_HoldsAFigureOnOneToNineFirms_DirectlyAsComplementOrByDifference_AndShownFiguresAreTrue(int seed)
    {
        var firms = await SeedWorldAsync(seed);
        var queries = (from all in new[] { false, true }
                       from quarter in new[] { null, "2026-Q3", "2026-Q4" }
                       from sector in new[] { null, "C", "F" }
                       from size in new[] { null, "small", "medium" }
                       select new Query(all, quarter, sector, size)).ToList();
        var answers = new Dictionary<Query, JsonElement>();
        foreach (var query in queries)
        {
            answers[query] = await _analyst.Client.GetFromJsonAsync<JsonElement>(query.Url);
        }

        foreach (var (query, answer) in answers)
        {
            var group = Truth(firms, query);
            if (answer.GetProperty("firms").ValueKind == JsonValueKind.Null)
            {
                Assert.Equal(JsonValueKind.Null, answer.GetProperty("barriers").ValueKind);
                continue;
            }

            Assert.Equal(group.Count, answer.GetProperty("firms").GetInt32());
            Assert.True(group.Count >= K, $"{query.Url}: a group of {group.Count} was described");
            foreach (var row in answer.GetProperty("barriers").EnumerateArray())
            {
                var barrier = row.GetProperty("barrier").GetString()!;
                foreach (var (value, rounded, truth) in new[]
                {
                    (row.GetProperty("named"), row.GetProperty("namedRounded").GetBoolean(), group.Count(f => f.Barriers.Contains(barrier))),
                    (row.GetProperty("namedTop"), row.GetProperty("namedTopRounded").GetBoolean(), group.Count(f => f.Top.Contains(barrier))),
                })
                {
                    if (value.ValueKind == JsonValueKind.Null)
                    {
                        continue;
                    }

                    Assert.False(truth is > 0 and < K || group.Count - truth is > 0 and < K, $"{query.Url} {barrier}: {truth} of {group.Count} shown");
                    if (rounded)
                    {
                        Assert.InRange(value.GetInt32() - truth, -2, 2);
                    }
                    else
                    {
                        Assert.Equal(truth, value.GetInt32());
                    }
                }
            }

            var maturity = await _analyst.Client.GetFromJsonAsync<JsonElement>(query.Url.Replace("/barriers", "/maturity", StringComparison.Ordinal));
            Assert.Equal(group.Count, maturity.GetProperty("firms").GetInt32());
            var strategy = maturity.GetProperty("dimensions").EnumerateArray().Single(d => d.GetProperty("dimension").GetString() == "strategy");
            var assessed = group.Where(f => f.Strategy is not null).ToList();
            var bands = strategy.GetProperty("bands").EnumerateArray().ToList();
            if (strategy.GetProperty("assessed").ValueKind == JsonValueKind.Null)
            {
                Assert.All(bands, b => Assert.Equal(JsonValueKind.Null, b.ValueKind));
            }
            else
            {
                Assert.Equal(assessed.Count, strategy.GetProperty("assessed").GetInt32());
                Assert.False(group.Count - assessed.Count is > 0 and < K, $"{query.Url}: {assessed.Count} of {group.Count} assessed shown");
                var hidden = 0;
                for (var b = 0; b < s_bands.Length; b++)
                {
                    var truth = assessed.Count(f => Band(f.Strategy!.Value) == s_bands[b]);
                    if (bands[b].ValueKind == JsonValueKind.Null)
                    {
                        hidden += truth;
                        continue;
                    }

                    Assert.Equal(truth, bands[b].GetInt32());
                    Assert.False(truth is > 0 and < K || assessed.Count - truth is > 0 and < K, $"{query.Url}: band {s_bands[b]} with {truth} of {assessed.Count} shown");
                }

                Assert.False(hidden is > 0 and < K, $"{query.Url}: the shown bands reveal {hidden} hidden firms");
                Assert.Equal(assessed.Count >= K, strategy.GetProperty("quartiles").ValueKind != JsonValueKind.Null);
            }

            // Subtracting this group from any wider one that is shown too must not describe 1–9 firms.
            foreach (var (wider, widerAnswer) in answers.Where(a => a.Key.IsWiderThan(query) && a.Value.GetProperty("firms").ValueKind != JsonValueKind.Null))
            {
                var difference = widerAnswer.GetProperty("firms").GetInt32() - group.Count;
                Assert.False(difference is > 0 and < K, $"{wider.Url} minus {query.Url} describes {difference} firms");
            }
        }

        // The worlds are big enough that some views are shown and some suppressed; otherwise the test proves nothing.
        Assert.Contains(answers.Values, a => a.GetProperty("firms").ValueKind != JsonValueKind.Null);
        Assert.Contains(answers.Values, a => a.GetProperty("firms").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task ErasedAssessments_LeaveEveryFigure()
    {
        var ids = new List<string>();
        for (var i = 0; i < K + 1; i++)
        {
            ids.Add(await HubTestKit.SubmitAsync(_factory));
        }

        // The sample firm is in Tuscany (ITI1), one of the analyst's regions.
        Assert.Equal(K + 1, (await _analyst.Client.GetFromJsonAsync<JsonElement>("/api/insights/barriers")).GetProperty("firms").GetInt32());
        using var client = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/assessments/{ids[0]}")).StatusCode);
        Assert.Equal(K, (await _analyst.Client.GetFromJsonAsync<JsonElement>("/api/insights/barriers")).GetProperty("firms").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/assessments/{ids[1]}")).StatusCode);
        Assert.Equal(JsonValueKind.Null, (await _analyst.Client.GetFromJsonAsync<JsonElement>("/api/insights/barriers")).GetProperty("firms").ValueKind);
    }

    [Fact]
    public async Task Page_AndCsv_ShowTheSameSuppressedFigures()
    {
        await SeedWorldAsync(7);

        var page = await _analyst.GetOkAsync("/insights?scope=all");
        using var csv = await _analyst.Client.GetAsync("/insights/barriers.csv?scope=all");
        var api = await _analyst.Client.GetFromJsonAsync<JsonElement>("/api/insights/barriers?scope=all");

        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("barrier,firms_naming_it,firms_naming_it_top_three,firms_in_group", lines[0]);
        foreach (var row in api.GetProperty("barriers").EnumerateArray())
        {
            var id = row.GetProperty("barrier").GetString()!;
            var shown = row.GetProperty("named").ValueKind == JsonValueKind.Null ? ":c" : (row.GetProperty("namedRounded").GetBoolean() ? "≈" : "") + row.GetProperty("named").GetInt32();
            Assert.Equal(shown, page.QuerySelector($"tr[data-barrier='{id}'] td")!.TextContent.Trim());
        }

        Assert.Equal(api.GetProperty("barriers").GetArrayLength() + 1, lines.Length);
    }

    [Theory]
    [InlineData("quarter=2026-13", "quarter")]
    [InlineData("quarter=2026-Q9", "quarter")]
    [InlineData("scope=everywhere", "scope")]
    [InlineData("region=PL91", "region")]
    [InlineData("sector=ZZ", "sector")]
    [InlineData("size=huge", "size")]
    [InlineData("theme=astrology", "theme")]
    [InlineData("dimension=luck", "dimension")]
    [InlineData("quarter=2026-Q3&quarter=2026-Q4", "quarter")]
    public async Task AFilterOutsideWhatTheDashboardOffers_IsRefusedNamingIt_OnEveryApiCallCsvAndThePage(string query, string field)
    {
        // Dropping the filter instead would answer for all quarters (or all sectors) as if for the one asked.
        foreach (var url in new[] { "barriers", "maturity", "practices", "transfer", "activity" }.Select(v => $"/api/insights/{v}?{query}")
                     .Concat(["/insights/barriers.csv?" + query, "/insights/transfer.csv?" + query]))
        {
            using var response = await _analyst.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        }

        var (status, page) = await _analyst.GetAsync("/insights?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var message = page.QuerySelector("[data-testid=filter-problems]")!;
        Assert.Equal("#i-" + field, message.QuerySelector("a")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("#i-" + field));
        Assert.Null(page.QuerySelector("table"));
    }

    [Fact]
    public async Task EveryFilterTheDashboardOffers_IsAccepted()
    {
        var page = await _analyst.GetOkAsync("/insights");
        var choices = page.QuerySelectorAll("form.insights-filters select")
            .Select(s => (Name: s.GetAttribute("name")!, Values: s.QuerySelectorAll("option").Select(o => o.GetAttribute("value") ?? "").Where(v => v.Length > 0).ToList()))
            .ToList();
        Assert.Equal(["scope", "region", "quarter", "sector", "size", "theme", "dimension"], choices.Select(c => c.Name));
        foreach (var (name, values) in choices)
        {
            Assert.NotEmpty(values);
            foreach (var value in values)
            {
                using var response = await _analyst.Client.GetAsync($"/api/insights/barriers?{name}={Uri.EscapeDataString(value)}");
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}={value} gave {(int)response.StatusCode}");
            }
        }
    }
}
