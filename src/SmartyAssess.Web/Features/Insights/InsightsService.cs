using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SmartyAssess.Assessment.Insights;
using SmartyAssess.Assessment.Scoring;
using SmartyAssess.Data;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Web.Features.Insights;

/// <summary>
/// The filters of an insights view. Periods are whole calendar quarters and filters whole
/// categories, so that two views can only differ by whole groups, which the disclosure rules check.
/// </summary>
/// <param name="AllRegions">True compares with every region; false is the analyst's own regions.</param>
/// <param name="Quarter">"2026-Q4", or null for all time.</param>
public sealed record InsightsFilter(bool AllRegions, string? Quarter, string? Sector, string? Size)
{
    public static InsightsFilter From(IQueryCollection query) => new(
        query["scope"].ToString() == "all",
        Quarters.IsValid(query["quarter"].ToString()) ? query["quarter"].ToString() : null,
        Value(query, "sector"),
        Value(query, "size"));

    /// <summary>Every filter set here relaxed in every combination: the wider groups a reader could also ask for.</summary>
    public IEnumerable<InsightsFilter> Wider()
    {
        var relaxable = new List<Func<InsightsFilter, InsightsFilter>>();
        if (!AllRegions)
        {
            relaxable.Add(f => f with { AllRegions = true });
        }

        if (Quarter is not null)
        {
            relaxable.Add(f => f with { Quarter = null });
        }

        if (Sector is not null)
        {
            relaxable.Add(f => f with { Sector = null });
        }

        if (Size is not null)
        {
            relaxable.Add(f => f with { Size = null });
        }

        for (var mask = 1; mask < 1 << relaxable.Count; mask++)
        {
            var wider = this;
            for (var i = 0; i < relaxable.Count; i++)
            {
                if ((mask & (1 << i)) != 0)
                {
                    wider = relaxable[i](wider);
                }
            }

            yield return wider;
        }
    }

    public string QueryString => string.Join("&", new[] { ("scope", AllRegions ? "all" : null), ("quarter", Quarter), ("sector", Sector), ("size", Size) }
        .Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));

    private static string? Value(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var value) && value.ToString() is { Length: > 0 and <= 64 } text ? text : null;
}

/// <summary>Calendar quarters as "yyyy-Qn".</summary>
public static class Quarters
{
    public static string Of(DateTime at) => $"{at.Year.ToString(CultureInfo.InvariantCulture)}-Q{((at.Month - 1) / 3) + 1}";

    public static bool IsValid(string? quarter) =>
        quarter is { Length: 7 } q && q[4] == '-' && q[5] == 'Q' && q[6] is >= '1' and <= '4' && int.TryParse(q[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100;
}

/// <summary>One barrier: how many firms of the group name it, and name it among their most important.</summary>
public sealed record BarrierRow(string BarrierId, ShownCount Named, ShownCount NamedTop);

/// <summary>The barriers view: null rows when the group itself may not be described.</summary>
public sealed record BarrierView(InsightsFilter Filter, int MinimumGroupSize, ShownCount Firms, IReadOnlyList<BarrierRow>? Rows, IReadOnlyList<string> Quarters);

/// <summary>One dimension: firms per band (Basic … Advanced, a partition of the firms assessed on it) and the quartiles of the score.</summary>
/// <param name="Quartiles">First quartile, median and third quartile, or null when the assessed firms may not be described.</param>
public sealed record MaturityRow(string DimensionId, ShownCount Assessed, IReadOnlyList<ShownCount> Bands, IReadOnlyList<double>? Quartiles);

/// <summary>The maturity view: null rows when the group itself may not be described.</summary>
public sealed record MaturityView(InsightsFilter Filter, int MinimumGroupSize, ShownCount Firms, IReadOnlyList<MaturityRow>? Rows);

/// <summary>
/// Maturity and adoption barriers of the analyst's regions, as aggregates of at least the minimum number of
/// distinct firms. A firm is a series of assessments; within a period its latest assessment counts.
/// Erased assessments are gone from the database, so from every figure.
/// </summary>
public sealed class InsightsService(SmartyDbContext db, InsightsOptions options, Journey.QuestionnaireCatalog catalog)
{
    private sealed record FirmFact(Guid Firm, DateTime SubmittedAt, string Quarter, string? Region, string? Sector, string? Size, IReadOnlyList<BarrierChoice> Barriers, IReadOnlyList<DimensionResult> Dimensions);

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

    public async Task<BarrierView> ViewAsync(IReadOnlyList<string> regions, InsightsFilter filter, CancellationToken cancellationToken) =>
        Barriers(await LoadAsync(cancellationToken), regions, filter);

    public async Task<MaturityView> MaturityAsync(IReadOnlyList<string> regions, InsightsFilter filter, CancellationToken cancellationToken) =>
        Maturity(await LoadAsync(cancellationToken), regions, filter);

    /// <summary>Both views of the dashboard page from one read of the data.</summary>
    public async Task<(BarrierView Barriers, MaturityView Maturity)> DashboardAsync(IReadOnlyList<string> regions, InsightsFilter filter, CancellationToken cancellationToken)
    {
        var facts = await LoadAsync(cancellationToken);
        return (Barriers(facts, regions, filter), Maturity(facts, regions, filter));
    }

    private BarrierView Barriers(List<FirmFact> facts, IReadOnlyList<string> regions, InsightsFilter filter)
    {
        var (rules, group, shown) = Group(facts, regions, filter);
        var quarters = facts.Select(f => f.Quarter).Distinct().Order(StringComparer.Ordinal).ToList();
        if (!shown)
        {
            return new BarrierView(filter, rules.MinimumGroupSize, ShownCount.Suppressed, null, quarters);
        }

        var questionnaire = catalog.Current;
        var barrierRows = questionnaire.Barriers.Select(b => new BarrierRow(
            b.Id,
            rules.Count(group.Count(f => f.Barriers.Any(c => c.BarrierId == b.Id)), group.Count),
            rules.Count(group.Count(f => f.Barriers.Any(c => c.BarrierId == b.Id && c.IsTop)), group.Count))).ToList();
        return new BarrierView(filter, rules.MinimumGroupSize, new ShownCount(group.Count, false), barrierRows, quarters);
    }

    /// <summary>
    /// Maturity per dimension: the band distribution is a partition of the firms assessed on the
    /// dimension (secondary suppression applies), and the quartiles are given for at least the minimum
    /// number of assessed firms.
    /// </summary>
    private MaturityView Maturity(List<FirmFact> facts, IReadOnlyList<string> regions, InsightsFilter filter)
    {
        var (rules, group, shown) = Group(facts, regions, filter);
        if (!shown)
        {
            return new MaturityView(filter, rules.MinimumGroupSize, ShownCount.Suppressed, null);
        }

        var bands = Bands.All.Select(b => b.ToId()).ToList();
        var rows = catalog.Current.Dimensions.Select(d =>
        {
            var scores = group.Select(f => f.Dimensions.FirstOrDefault(x => x.DimensionId == d.Id)).Where(x => x is { Assessed: true, Score: not null }).Select(x => x!).ToList();
            // Exact when shown: the bands below add up to it.
            var assessed = rules.Count(scores.Count, group.Count) is { IsSuppressed: false } ? new ShownCount(scores.Count, false) : ShownCount.Suppressed;
            var counts = bands.Select(b => scores.Count(x => x.Band == b)).ToList();
            var quartiles = scores.Count >= rules.MinimumGroupSize && !assessed.IsSuppressed ? Quartiles([.. scores.Select(x => x.Score!.Value)]) : null;
            return new MaturityRow(d.Id, assessed, assessed.IsSuppressed ? [.. bands.Select(_ => ShownCount.Suppressed)] : rules.Partition(counts), quartiles);
        }).ToList();
        return new MaturityView(filter, rules.MinimumGroupSize, new ShownCount(group.Count, false), rows);
    }

    // A first version reads the submitted assessments whole; issue 10's scale work moves this to a fact table.
    private async Task<List<FirmFact>> LoadAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Results.AsNoTracking()
            .Select(r => new { r.AssessmentId, r.Assessment!.SeriesId, r.CreatedAt, r.Assessment.Profile, r.Assessment.Barriers, r.Dimensions })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new FirmFact(r.SeriesId ?? r.AssessmentId, r.CreatedAt, Quarters.Of(r.CreatedAt), r.Profile.GetValueOrDefault("region"), r.Profile.GetValueOrDefault("sector"), r.Profile.GetValueOrDefault("size"), r.Barriers, r.Dimensions))];
    }

    /// <summary>The group of the filter, and whether it may be described (its size and the difference to every wider group).</summary>
    private (Disclosure Rules, List<FirmFact> Group, bool Shown) Group(List<FirmFact> facts, IReadOnlyList<string> regions, InsightsFilter filter)
    {
        var rules = new Disclosure(options.MinimumGroupSize);
        var group = Members(facts, regions, filter);
        return (rules, group, rules.GroupIsShown(group.Count, filter.Wider().Select(w => Members(facts, regions, w).Count)));
    }

    /// <summary>Quartiles by linear interpolation between order statistics (type 7, as spreadsheets compute them), to one decimal.</summary>
    internal static IReadOnlyList<double> Quartiles(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        double At(double p)
        {
            var h = (sorted.Count - 1) * p;
            var low = (int)Math.Floor(h);
            var high = Math.Min(low + 1, sorted.Count - 1);
            return Math.Round(sorted[low] + ((h - low) * (sorted[high] - sorted[low])), 1, MidpointRounding.AwayFromZero);
        }

        return [At(0.25), At(0.5), At(0.75)];
    }

    /// <summary>The firms of a group: each firm's latest assessment in the period, if it matches the filters.</summary>
    private static List<FirmFact> Members(List<FirmFact> facts, IReadOnlyList<string> regions, InsightsFilter filter) =>
        [.. facts
            .Where(f => filter.Quarter is null || f.Quarter == filter.Quarter)
            .GroupBy(f => f.Firm)
            .Select(g => g.MaxBy(f => f.SubmittedAt)!)
            .Where(f => (filter.AllRegions || (f.Region is not null && regions.Contains(f.Region)))
                && (filter.Sector is null || f.Sector == filter.Sector)
                && (filter.Size is null || f.Size == filter.Size))];
}
