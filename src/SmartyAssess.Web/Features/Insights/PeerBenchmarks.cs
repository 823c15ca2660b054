using SmartyAssess.Assessment.Insights;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Web.Features.Insights;

/// <summary>Which firms a result is compared with, from the narrowest group to the widest.</summary>
public enum PeerGroupKind
{
    /// <summary>The same sector and size class in the same country.</summary>
    SectorSizeCountry,

    /// <summary>The same sector and size class in every country.</summary>
    SectorSize,

    /// <summary>The same size class.</summary>
    Size,
}

/// <summary>Where a firm stands on one dimension among its peers.</summary>
/// <param name="Percentile">Share of the peers scoring lower (ties count half), 0–100; null when too few peers were assessed on it.</param>
/// <param name="Quartiles">The peers' first quartile, median and third quartile; null with the percentile.</param>
public sealed record PeerDimension(string DimensionId, double Score, int? Percentile, IReadOnlyList<double>? Quartiles);

/// <summary>The firm's place among its peers, for a group of at least the minimum number of firms.</summary>
public sealed record PeerBenchmark(PeerGroupKind Group, string? Sector, string? Size, string? Country, int MinimumGroupSize, IReadOnlyList<PeerDimension> Dimensions);

/// <summary>
/// The peer benchmark on the results page: the firm's percentile per dimension within its sector ×
/// size class × country, or the next wider group that holds at least the minimum number of firms
/// (each firm with its latest assessment). Only percentiles and quartiles are shown, never a count,
/// so two groups compared reveal no number of firms. The distributions are rebuilt from the
/// in-memory facts when they change, at most every few seconds, so the page stays fast.
/// </summary>
public sealed class PeerBenchmarks(InsightFactStore store, InsightsOptions options, TimeProvider time)
{
    private volatile PeerIndex? _index;
    private readonly Lock _rebuild = new();

    private sealed record PeerIndex(long Version, DateTimeOffset BuiltAt, Dictionary<(int Kind, short Sector, short Size, short Country), Distribution> Groups);

    /// <summary>One group's firms and, per dimension, how many scored each tenth of a point.</summary>
    private sealed class Distribution(int dimensions)
    {
        public int Firms;
        public readonly int[][] Scores = [.. Enumerable.Range(0, dimensions).Select(_ => new int[ScoreHistogram.Buckets])];
        public readonly int[] Assessed = new int[dimensions];
    }

    public async Task<PeerBenchmark?> ForAsync(AssessmentRecord assessment, AssessmentResult result, CancellationToken cancellationToken)
    {
        if (!options.PeerBenchmark)
        {
            return null;
        }

        await store.RefreshAsync(options.PeerRefreshInterval, cancellationToken);
        var index = Current();
        var profile = assessment.Profile;
        var (sector, size, country) = (profile.GetValueOrDefault("sector"), profile.GetValueOrDefault("size"), profile.GetValueOrDefault("country"));
        if (size is null)
        {
            return null;
        }

        var codes = store.Read(_ => (store.Sectors.Find(sector), store.Sizes.Find(size), store.Countries.Find(country)));
        foreach (var kind in new[] { PeerGroupKind.SectorSizeCountry, PeerGroupKind.SectorSize, PeerGroupKind.Size })
        {
            if ((kind != PeerGroupKind.Size && sector is null) || (kind == PeerGroupKind.SectorSizeCountry && country is null))
            {
                continue;
            }

            var key = Key(kind, codes.Item1, codes.Item2, codes.Item3);
            if (!index.Groups.TryGetValue(key, out var group) || group.Firms < options.MinimumGroupSize)
            {
                continue;
            }

            var dimensions = result.Dimensions.Where(d => d is { Assessed: true, Score: not null }).Select(d =>
            {
                var at = store.DimensionIndex(d.DimensionId);
                if (at < 0 || group.Assessed[at] < options.MinimumGroupSize)
                {
                    return new PeerDimension(d.DimensionId, d.Score!.Value, null, null);
                }

                return new PeerDimension(d.DimensionId, d.Score!.Value, ScoreHistogram.Percentile(group.Scores[at], group.Assessed[at], d.Score.Value), ScoreHistogram.Quartiles(group.Scores[at], group.Assessed[at]));
            }).ToList();
            return new PeerBenchmark(kind, kind == PeerGroupKind.Size ? null : sector, size, kind == PeerGroupKind.SectorSizeCountry ? country : null, options.MinimumGroupSize, dimensions);
        }

        return null;
    }

    private static (int, short, short, short) Key(PeerGroupKind kind, short sector, short size, short country) => kind switch
    {
        PeerGroupKind.SectorSizeCountry => (0, sector, size, country),
        PeerGroupKind.SectorSize => (1, sector, size, -1),
        _ => (2, -1, size, -1),
    };

    private PeerIndex Current()
    {
        var index = _index;
        var now = time.GetUtcNow();
        if (index is not null && (index.Version == store.FactsVersion || now - index.BuiltAt < options.PeerRefreshInterval))
        {
            return index;
        }

        // One request rebuilds; the others go on with the previous distributions meanwhile.
        if (index is not null && !_rebuild.TryEnter())
        {
            return index;
        }

        if (index is null)
        {
            _rebuild.Enter();
        }

        try
        {
            index = _index;
            if (index is not null && (index.Version == store.FactsVersion || now - index.BuiltAt < options.PeerRefreshInterval))
            {
                return index;
            }

            _index = index = Build(now);
            return index;
        }
        finally
        {
            _rebuild.Exit();
        }
    }

    private PeerIndex Build(DateTimeOffset now)
    {
        var dimensions = store.Schema.Dimensions.Count;
        var version = store.FactsVersion;
        var groups = store.Read(rows =>
        {
            var groups = new Dictionary<(int, short, short, short), Distribution>();
            foreach (ref readonly var row in rows)
            {
                if (!row.Has(FactFlags.LatestOverall) || row.Size < 0)
                {
                    continue;
                }

                foreach (var kind in new[] { PeerGroupKind.SectorSizeCountry, PeerGroupKind.SectorSize, PeerGroupKind.Size })
                {
                    var key = Key(kind, row.Sector, row.Size, row.Country);
                    if (!groups.TryGetValue(key, out var group))
                    {
                        groups[key] = group = new Distribution(dimensions);
                    }

                    group.Firms++;
                    for (var d = 0; d < dimensions; d++)
                    {
                        if (row.Scores[d] >= 0)
                        {
                            group.Assessed[d]++;
                            group.Scores[d][row.Scores[d]]++;
                        }
                    }
                }
            }

            return groups;
        });
        return new PeerIndex(version, now, groups);
    }
}
