using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SmartyAssess.Assessment.Insights;
using SmartyAssess.Data;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Web.Features.Insights;

/// <summary>
/// The filters of an insights view, as the query string carries them. Periods are whole calendar
/// quarters and filters whole categories, so that two views differ only by whole groups, which the
/// disclosure rules check. Theme and dimension only choose which rows are listed.
/// </summary>
/// <param name="AllRegions">True compares with every region; false is the analyst's own regions.</param>
/// <param name="Quarter">"2026-Q4", or null for all time.</param>
/// <param name="Region">One of the analyst's regions, or null for all of them.</param>
public sealed record InsightsFilter(bool AllRegions, string? Quarter, string? Sector, string? Size, string? Region = null, string? Theme = null, string? Dimension = null)
{
    public static InsightsFilter From(IQueryCollection query) => new(
        query["scope"].ToString() == "all",
        Quarters.IsValid(query["quarter"].ToString()) ? query["quarter"].ToString() : null,
        Value(query, "sector"),
        Value(query, "size"),
        Value(query, "region"),
        Value(query, "theme"),
        Value(query, "dimension"));

    public string QueryString => string.Join("&", new[]
        {
            ("scope", AllRegions ? "all" : null), ("quarter", Quarter), ("sector", Sector), ("size", Size), ("region", Region), ("theme", Theme), ("dimension", Dimension),
        }
        .Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));

    /// <summary>"?…" for links, or empty.</summary>
    public string Query => QueryString.Length == 0 ? "" : "?" + QueryString;

    private static string? Value(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var value) && value.ToString() is { Length: > 0 and <= 64 } text ? text : null;
}

/// <summary>Calendar quarters as "yyyy-Qn" and months as "yyyy-mm".</summary>
public static class Quarters
{
    public static string Of(DateTime at) => Name(FactRow.QuarterOf(at));

    public static string Name(int quarter) => $"{(quarter / 4).ToString(CultureInfo.InvariantCulture)}-Q{(quarter % 4) + 1}";

    public static string MonthName(int month) => $"{(month / 12).ToString(CultureInfo.InvariantCulture)}-{((month % 12) + 1).ToString("00", CultureInfo.InvariantCulture)}";

    public static int Parse(string quarter) => (int.Parse(quarter[..4], NumberStyles.None, CultureInfo.InvariantCulture) * 4) + quarter[6] - '1';

    public static bool IsValid(string? quarter) =>
        quarter is { Length: 7 } q && q[4] == '-' && q[5] == 'Q' && q[6] is >= '1' and <= '4' && int.TryParse(q[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100;
}

/// <summary>
/// Everything one request may see, already protected, with the names the codes stand for.
/// </summary>
/// <param name="Quarters">Every quarter of the timeline, for the period filter and the trends.</param>
/// <param name="Regions">The analyst's regions, as the transfer matrix's first columns.</param>
/// <param name="Practices">The catalogue's practices, in the schema's order.</param>
public sealed record InsightsResult(InsightsFilter Filter, int MinimumGroupSize, InsightsReport Report, IReadOnlyList<string> Quarters, IReadOnlyList<string> Regions, InsightsSchema Schema, IReadOnlyList<Assessment.Catalogue.Practice> Practices)
{
    /// <summary>The dimensions the filter lists (all, or the one chosen), with their figures.</summary>
    public IEnumerable<(string Dimension, DimensionFigures Figures)> Dimensions =>
        Report.Dimensions.Select((f, i) => (Schema.Dimensions[i], f)).Where(d => Filter.Dimension is null || d.Item1 == Filter.Dimension);
}

/// <summary>
/// The regional partners' insights: maturity, barriers, practices and their transfer between
/// regions, as aggregates of at least the minimum number of distinct firms (ADR 0019, 0020). A firm
/// is a series of assessments; within a period its latest assessment counts. Erased assessments
/// leave the facts, so every figure.
/// </summary>
public sealed class InsightsService(SmartyDbContext db, InsightsOptions options, InsightFactStore store, Journey.QuestionnaireCatalog questionnaires)
{
    /// <summary>The query-string parameters the filters use.</summary>
    public static readonly IReadOnlyList<string> FilterNames = ["scope", "quarter", "sector", "size", "region", "theme", "dimension"];

    /// <summary>
    /// What is wrong with each filter of a query string, by parameter name; empty when every filter
    /// is one the dashboard offers. A filter that is not understood is refused, never dropped: a
    /// figure for all time presented as one quarter's would mislead whoever reads it.
    /// </summary>
    /// <param name="inPageLanguage">True writes the messages in the page's language (the dashboard); false in English (the API's problem details).</param>
    public IReadOnlyDictionary<string, string[]> Problems(IQueryCollection query, IReadOnlyList<string> regions, bool inPageLanguage = false)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var culture = inPageLanguage ? CultureInfo.CurrentUICulture : CultureInfo.InvariantCulture;
        string Message(string key, params object?[] args) => string.Format(culture, InsightsText.ResourceManager.GetString(key, culture)!, args);
        var questionnaire = questionnaires.Current;
        string[] Codes(string field) => [.. questionnaire.FindProfileField(field)?.Options.Select(o => o.Id) ?? []];
        foreach (var name in FilterNames)
        {
            if (!query.TryGetValue(name, out var values) || values.All(string.IsNullOrEmpty))
            {
                continue;
            }

            if (values.Count > 1)
            {
                problems[name] = [Message(nameof(InsightsText.ProblemRepeated), name, values.Count)];
                continue;
            }

            var value = values.ToString();
            var allowed = name switch
            {
                "scope" => ["all"],
                "region" => [.. regions],
                "sector" or "size" => Codes(name),
                "theme" => [.. store.Practices.Select(p => p.Theme).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                "dimension" => [.. store.Schema.Dimensions],
                _ => (string[]?)null,
            };
            var valid = name == "quarter" ? Quarters.IsValid(value) : allowed!.Contains(value, StringComparer.Ordinal);
            if (!valid)
            {
                var shown = value.Length > 40 ? value[..40] + "…" : value;
                problems[name] = [name switch
                {
                    "scope" => Message(nameof(InsightsText.ProblemScope), shown),
                    "quarter" => Message(nameof(InsightsText.ProblemQuarter), shown),
                    "region" => Message(nameof(InsightsText.ProblemRegion), shown, string.Join(", ", regions)),
                    "sector" => Message(nameof(InsightsText.ProblemSector), shown, string.Join(", ", allowed!)),
                    "size" => Message(nameof(InsightsText.ProblemSize), shown, string.Join(", ", allowed!)),
                    "theme" => Message(nameof(InsightsText.ProblemTheme), shown, string.Join(", ", allowed!)),
                    _ => Message(nameof(InsightsText.ProblemDimension), shown, string.Join(", ", allowed!)),
                }];
            }
        }

        return problems;
    }

    /// <summary>The analyst's regions, read afresh (a changed or disabled account takes effect at once); null when the caller is not an enabled analyst.</summary>
    public async Task<IReadOnlyList<string>?> RegionsAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (!principal.IsInRole(Roles.PartnerAnalyst) || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            return null;
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == id && u.DisabledAt == null).Select(u => new { u.Regions }).SingleOrDefaultAsync(cancellationToken);
        return user?.Regions;
    }

    /// <summary>Every view of the dashboard for one filter, from one pass over the facts.</summary>
    public async Task<InsightsResult> ComputeAsync(IReadOnlyList<string> regions, InsightsFilter filter, CancellationToken cancellationToken)
    {
        await store.RefreshAsync(null, cancellationToken);
        var (first, last) = store.Timeline();
        var rules = new Disclosure(options.MinimumGroupSize);
        var engine = new InsightsEngine(rules, store.Schema);
        var region = !filter.AllRegions && filter.Region is { } r && regions.Contains(r) ? r : null;
        filter = filter with { Region = region, Theme = store.Practices.Any(p => p.Theme == filter.Theme) ? filter.Theme : null, Dimension = filter.Dimension is { } d && store.DimensionIndex(d) >= 0 ? d : null };
        var report = store.Read(rows =>
        {
            // Codes are read under the store's lock: a refresh may be adding new ones.
            var query = new InsightsQuery(
                [.. regions.Select(x => store.Regions.Find(x))],
                filter.AllRegions,
                filter.Quarter is null ? null : Quarters.Parse(filter.Quarter),
                filter.Sector is null ? null : store.Sectors.Find(filter.Sector),
                filter.Size is null ? null : store.Sizes.Find(filter.Size),
                region is null ? null : store.Regions.Find(region),
                first,
                last);
            return engine.Compute(rows, query);
        });
        return new InsightsResult(filter, rules.MinimumGroupSize, report, [.. Enumerable.Range(first, last - first + 1).Select(Quarters.Name)], regions, store.Schema, store.Practices);
    }
}
