using SmartyAssess.Assessment.Insights;

namespace SmartyAssess.Assessment.Tests;

/// <summary>
/// Every view of the insights over many random small worlds and every combination of filters: no
/// figure rests on 1–9 firms directly, as the firms of its group without the attribute, through the
/// totals of its table, or as the difference between two requests where one widens the other; and
/// every figure shown is true (exact, or rounded to 5 where it says so).
/// </summary>
public class InsightsEngineTests
{
    private const int K = 10;
    private const int FirstQuarter = 2026 * 4;
    private const int Quarters = 3;
    // Three regions of the analyst's, so that two shown regions and the total could reveal a third.
    private static readonly short[] s_mine = [0, 1, 2];
    private static readonly InsightsSchema s_schema = new(["strategy", "data"], ["finance", "skills", "legacy", "security"], ["p0", "p1", "p2", "p3", "p4", "p5"], [0, 0, 1, 1, 2, 2], ["ITI1", "PL", "FI1D"]);

    private sealed record Assessed(Guid Firm, DateTime At, short Region, short Sector, short Size, bool Reassessment, uint Barriers, uint Top, short[] Scores, UInt128 Recommended, UInt128 Relevant, UInt128 Planned, UInt128 Adopted);

    /// <param name="Region">Index into the analyst's regions, or null.</param>
    private sealed record Query(bool All, int? Quarter, short? Sector, short? Size, short? Region)
    {
        public bool IsWiderThan(Query narrow) =>
            this != narrow && (All || !narrow.All) && (Quarter is null || Quarter == narrow.Quarter) && (Sector is null || Sector == narrow.Sector)
            && (Size is null || Size == narrow.Size) && (Region is null || Region == narrow.Region);

        public InsightsQuery ToEngine() => new(s_mine, All, Quarter, Sector, Size, Region, FirstQuarter, FirstQuarter + Quarters - 1);
    }

    /// <summary>One figure of a response: what was shown, the truth, and the size of the group it counts in.</summary>
    private sealed record Figure(string Key, ShownCount Shown, int Truth, int Group);

    private static List<Assessed> World(int seed)
    {
        var random = new Random(seed);
        var world = new List<Assessed>();
        for (var i = 0; i < random.Next(60, 260); i++)
        {
            var firm = Guid.NewGuid();
            var region = (short)random.Next(5);
            var sector = (short)random.Next(2);
            var size = (short)random.Next(2);
            var count = random.Next(5) == 0 ? 2 : 1;
            var start = new DateTime(2026, 1, 1).AddDays(random.Next(200));
            for (var n = 0; n < count; n++)
            {
                uint barriers = (uint)random.Next(16);
                UInt128 relevant = (UInt128)random.Next(64) & (UInt128)random.Next(64);
                world.Add(new Assessed(
                    firm, start.AddDays(n * random.Next(20, 120)), region, sector, size, n > 0, barriers, barriers & (uint)random.Next(16),
                    [(short)(random.Next(6) == 0 ? -1 : random.Next(1001)), (short)random.Next(1001)],
                    (UInt128)random.Next(64), relevant, relevant & (UInt128)random.Next(64), relevant & (UInt128)random.Next(64)));
            }
        }

        return world;
    }

    private static int Band(short score) => score <= 250 ? 0 : score <= 500 ? 1 : score <= 750 ? 2 : 3;

    private static FactRow[] Rows(List<Assessed> world)
    {
        var rows = new List<FactRow>();
        foreach (var firm in world.GroupBy(a => a.Firm))
        {
            var ordered = firm.OrderBy(a => a.At).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var a = ordered[i];
                var next = i + 1 < ordered.Count ? ordered[i + 1] : null;
                var flags = (a.Reassessment ? FactFlags.Reassessment : FactFlags.None)
                    | (next is null ? FactFlags.LatestOverall : FactFlags.None)
                    | (next is null || FactRow.QuarterOf(next.At) != FactRow.QuarterOf(a.At) ? FactFlags.LatestInQuarter : FactFlags.None)
                    | (next is null || FactRow.MonthOf(next.At) != FactRow.MonthOf(a.At) ? FactFlags.LatestInMonth : FactFlags.None);
                var row = new FactRow
                {
                    Firm = a.Firm,
                    Quarter = FactRow.QuarterOf(a.At),
                    Month = FactRow.MonthOf(a.At),
                    Region = a.Region,
                    Sector = a.Sector,
                    Size = a.Size,
                    Flags = flags,
                    Barriers = a.Barriers,
                    TopBarriers = a.Top,
                    Recommended = a.Recommended,
                    Relevant = a.Relevant,
                    Planned = a.Planned,
                    Adopted = a.Adopted,
                };
                for (var d = 0; d < 2; d++)
                {
                    row.Scores[d] = a.Scores[d];
                    if (a.Scores[d] >= 0)
                    {
                        row.Bands |= (ushort)(Band(a.Scores[d]) << (2 * d));
                    }
                }

                rows.Add(row);
            }
        }

        return [.. rows];
    }

    /// <summary>The firms of a group: each firm's latest assessment in the period, if it matches the filters.</summary>
    private static List<Assessed> Members(List<Assessed> world, bool all, int? quarter, short? sector, short? size, short? region) =>
        [.. world.Where(a => quarter is null || FactRow.QuarterOf(a.At) == quarter)
            .GroupBy(a => a.Firm).Select(g => g.MaxBy(a => a.At)!)
            .Where(a => (all || s_mine.Contains(a.Region)) && (region is null || a.Region == s_mine[region.Value])
                && (sector is null || a.Sector == sector) && (size is null || a.Size == size))];

    private static int Count(List<Assessed> group, Func<Assessed, bool> has) => group.Count(has);

    private static bool Bit(UInt128 set, int i) => ((set >> i) & UInt128.One) != UInt128.Zero;

    private static bool HasHome(Assessed a, int home) => Enumerable.Range(0, 6).Any(p => s_schema.PracticeHomes[p] == home && Bit(a.Relevant, p));

    /// <summary>Every figure of a response, with its truth, keyed so that the same figure of a wider request has the same key.</summary>
    private static List<Figure> Figures(List<Assessed> world, Query q, InsightsReport report)
    {
        var figures = new List<Figure>();
        var group = Members(world, q.All, q.Quarter, q.Sector, q.Size, q.All ? null : q.Region);
        if (report.Shown)
        {
            figures.Add(new Figure("firms", report.Firms, group.Count, group.Count));
            for (var d = 0; d < 2; d++)
            {
                var assessed = group.Where(a => a.Scores[d] >= 0).ToList();
                figures.Add(new Figure($"assessed:{d}", report.Dimensions[d].Assessed, assessed.Count, group.Count));
                for (var b = 0; b < 4; b++)
                {
                    figures.Add(new Figure($"band:{d}:{b}", report.Dimensions[d].Bands[b], Count(assessed, a => Band(a.Scores[d]) == b), assessed.Count));
                }
            }

            for (var b = 0; b < 4; b++)
            {
                figures.Add(new Figure($"named:{b}", report.Barriers[b].Named, Count(group, a => (a.Barriers & (1u << b)) != 0), group.Count));
                figures.Add(new Figure($"top:{b}", report.Barriers[b].NamedTop, Count(group, a => (a.Top & (1u << b)) != 0), group.Count));
            }

            for (var p = 0; p < 6; p++)
            {
                var practice = p;
                figures.Add(new Figure($"recommended:{p}", report.Practices[p].Recommended, Count(group, a => Bit(a.Recommended, practice)), group.Count));
                figures.Add(new Figure($"relevant:{p}", report.Practices[p].Relevant, Count(group, a => Bit(a.Relevant, practice)), group.Count));
                figures.Add(new Figure($"planned:{p}", report.Practices[p].Planned, Count(group, a => Bit(a.Planned, practice)), group.Count));
                figures.Add(new Figure($"adopted:{p}", report.Practices[p].Adopted, Count(group, a => Bit(a.Adopted, practice)), group.Count));
            }

            foreach (var month in report.Months)
            {
                // Firms assessed in the month: each firm's latest assessment in it.
                var assessedInMonth = world.Where(a => FactRow.MonthOf(a.At) == month.Month).GroupBy(a => a.Firm).Select(g => g.MaxBy(a => a.At)!)
                    .Where(a => (q.All || s_mine.Contains(a.Region)) && (q.All || q.Region is null || a.Region == s_mine[q.Region.Value])
                        && (q.Sector is null || a.Sector == q.Sector) && (q.Size is null || a.Size == q.Size)).ToList();
                figures.Add(new Figure($"month:{month.Month}", month.Firms, assessedInMonth.Count, assessedInMonth.Count));
                figures.Add(new Figure($"reassessed:{month.Month}", month.Reassessed, Count(assessedInMonth, a => a.Reassessment), assessedInMonth.Count));
            }
        }

        foreach (var quarter in report.BarrierTrend)
        {
            var quarterGroup = Members(world, q.All, quarter.Quarter, q.Sector, q.Size, q.All ? null : q.Region);
            if (!quarter.Firms.IsSuppressed)
            {
                figures.Add(new Figure($"trend:{quarter.Quarter}", quarter.Firms, quarterGroup.Count, quarterGroup.Count));
            }

            for (var b = 0; b < 4; b++)
            {
                figures.Add(new Figure($"trend:{quarter.Quarter}:{b}", quarter.Named[b], Count(quarterGroup, a => (a.Barriers & (1u << b)) != 0), quarterGroup.Count));
            }
        }

        for (var c = 0; c < report.Transfer.Columns.Count; c++)
        {
            var column = report.Transfer.Columns[c];
            var region = column.Region is { } r ? (short?)Array.IndexOf(s_mine, r) : null;
            var members = Members(world, column.AllRegions, q.Quarter, q.Sector, q.Size, region);
            var name = column.AllRegions ? "all" : region is null ? "mine" : $"r{region}";
            figures.Add(new Figure($"column:{name}", column.Firms, members.Count, members.Count));
            for (var h = 0; h < 3; h++)
            {
                figures.Add(new Figure($"transfer:{h}:{name}", report.Transfer.Cells[h][c], Count(members, a => HasHome(a, h)), members.Count));
            }
        }

        return figures;
    }

    private static bool Small(int firms) => firms is > 0 and < K;

    [Theory]
    [MemberData(nameof(Seeds))]
    public void NoFigure_RestsOnOneToNineFirms_AndEveryShownFigureIsTrue(int seed)
    {
        var world = World(seed);
        var rows = Rows(world);
        var engine = new InsightsEngine(new Disclosure(K), s_schema);
        var queries = (from all in new[] { false, true }
                       from quarter in new int?[] { null, FirstQuarter, FirstQuarter + 1, FirstQuarter + 2 }
                       from sector in new short?[] { null, 0, 1 }
                       from size in new short?[] { null, 0, 1 }
                       from region in all ? new short?[] { null } : [null, 0, 1, 2]
                       select new Query(all, quarter, sector, size, region)).ToList();
        var answers = queries.ToDictionary(q => q, q => Figures(world, q, engine.Compute(rows, q.ToEngine())));

        foreach (var (query, figures) in answers)
        {
            foreach (var f in figures.Where(f => !f.Shown.IsSuppressed))
            {
                Assert.False(Small(f.Truth) || Small(f.Group - f.Truth), $"{query} {f.Key}: {f.Truth} of {f.Group} shown");
                if (f.Shown.Rounded)
                {
                    Assert.InRange(f.Shown.Value!.Value - f.Truth, -2, 2);
                    Assert.True(f.Truth < 2 * K, $"{query} {f.Key}: {f.Truth} rounded");
                }
                else
                {
                    Assert.Equal(f.Truth, f.Shown.Value);
                }
            }

            // Totals: the bands add up to the firms assessed, the analyst's regions to "your regions".
            var byKey = figures.ToDictionary(f => f.Key);
            for (var d = 0; d < 2 && byKey.TryGetValue($"assessed:{d}", out var assessed); d++)
            {
                if (!assessed.Shown.IsSuppressed)
                {
                    var hidden = Enumerable.Range(0, 4).Select(b => byKey[$"band:{d}:{b}"]).Where(f => f.Shown.IsSuppressed).Sum(f => f.Truth);
                    Assert.False(Small(hidden), $"{query}: the shown bands of dimension {d} reveal {hidden} firms");
                }
            }

            if (!byKey["column:mine"].Shown.IsSuppressed)
            {
                var hiddenColumns = new[] { "r0", "r1", "r2" }.Select(r => byKey[$"column:{r}"]).Where(f => f.Shown.IsSuppressed).Sum(f => f.Truth);
                Assert.False(Small(hiddenColumns), $"{query}: the shown regions reveal {hiddenColumns} firms");
                for (var h = 0; h < 3; h++)
                {
                    if (!byKey[$"transfer:{h}:mine"].Shown.IsSuppressed)
                    {
                        var hidden = new[] { "r0", "r1", "r2" }.Select(r => byKey[$"transfer:{h}:{r}"]).Where(f => f.Shown.IsSuppressed).ToList();
                        Assert.False(Small(hidden.Sum(f => f.Truth)) || Small(hidden.Sum(f => f.Group - f.Truth)), $"{query}: transfer row {h} reveals a hidden region");
                    }
                }
            }

            // Within the matrix, a region's column against "your regions" and "your regions" against "all regions".
            foreach (var (narrow, wide) in new[] { ("r0", "mine"), ("r1", "mine"), ("r2", "mine"), ("mine", "all"), ("r0", "all"), ("r1", "all"), ("r2", "all") })
            {
                for (var h = -1; h < 3; h++)
                {
                    var (n, w) = h < 0 ? (byKey[$"column:{narrow}"], byKey[$"column:{wide}"]) : (byKey[$"transfer:{h}:{narrow}"], byKey[$"transfer:{h}:{wide}"]);
                    if (!n.Shown.IsSuppressed && !w.Shown.IsSuppressed)
                    {
                        Assert.False(Small(w.Truth - n.Truth) || Small(w.Group - w.Truth - (n.Group - n.Truth)), $"{query} {w.Key} minus {n.Key}");
                    }
                }
            }
        }

        // Differencing: a figure of a request and the same figure of any wider request, both shown, differ safely.
        foreach (var (narrow, narrowFigures) in answers)
        {
            foreach (var (wide, wideFigures) in answers.Where(a => a.Key.IsWiderThan(narrow)))
            {
                var wideByKey = wideFigures.Where(f => !f.Shown.IsSuppressed).ToDictionary(f => f.Key);
                foreach (var n in narrowFigures.Where(f => !f.Shown.IsSuppressed))
                {
                    if (wideByKey.TryGetValue(n.Key, out var w))
                    {
                        Assert.False(Small(w.Truth - n.Truth) || Small(w.Group - w.Truth - (n.Group - n.Truth)), $"{wide} minus {narrow}, {n.Key}: {w.Truth}/{w.Group} vs {n.Truth}/{n.Group}");
                    }
                }
            }
        }

        // The worlds are big enough that some figures are shown and some suppressed; otherwise the test proves nothing.
        Assert.Contains(answers.Values.SelectMany(f => f), f => f.Shown.Value > 0 && !f.Key.StartsWith("column", StringComparison.Ordinal));
        Assert.Contains(answers.Values.SelectMany(f => f), f => f.Shown.IsSuppressed);
    }

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 12)];

    [Fact]
    public void Quartiles_AreThoseASpreadsheetComputes_OnTheScoresToOneDecimal()
    {
        var rows = Enumerable.Range(1, 10).Select(i =>
        {
            var row = new FactRow { Firm = Guid.NewGuid(), Quarter = FirstQuarter, Month = FirstQuarter * 3, Region = 0, Flags = FactFlags.LatestOverall | FactFlags.LatestInQuarter | FactFlags.LatestInMonth };
            row.Scores[0] = (short)(i * 100);
            row.Scores[1] = -1;
            return row;
        }).ToArray();

        var report = new InsightsEngine(new Disclosure(K), s_schema).Compute(rows, new Query(false, null, null, null, null).ToEngine());

        Assert.Equal([32.5, 55, 77.5], report.Dimensions[0].Quartiles);
        Assert.Null(report.Dimensions[1].Quartiles);
    }

    [Fact]
    public void TransferMatrix_HidesASecondRegion_WhenTheTotalLessTheShownRegionsWouldRevealAHiddenOne()
    {
        // Region 0: 3 of 12 firms find a practice from home 0 relevant; regions 1 and 2: 15 of 30 each.
        var rows = new (short Region, int Firms, int Relevant)[] { (0, 12, 3), (1, 30, 15), (2, 30, 15) }.SelectMany(g => Enumerable.Range(0, g.Firms).Select(i =>
        {
            var row = new FactRow { Firm = Guid.NewGuid(), Quarter = FirstQuarter, Month = FirstQuarter * 3, Region = g.Region, Flags = FactFlags.LatestOverall | FactFlags.LatestInQuarter | FactFlags.LatestInMonth };
            row.Scores[0] = row.Scores[1] = -1;
            row.Relevant = i < g.Relevant ? UInt128.One : UInt128.Zero;
            return row;
        })).ToArray();

        var transfer = new InsightsEngine(new Disclosure(K), s_schema).Compute(rows, new Query(false, null, null, null, null).ToEngine()).Transfer;

        var home0 = transfer.Cells[0];
        Assert.Equal(33, home0[3].Value); // your regions
        Assert.True(home0[0].IsSuppressed);
        // 33 − 15 − 15 would be region 0's 3 firms: one of the others is hidden as well.
        Assert.Single(new[] { home0[1], home0[2] }, c => c.IsSuppressed);
    }

    [Fact]
    public void ALayoutLargerThanTheFactsHold_IsRefused()
    {
        var schema = s_schema with { Dimensions = [.. Enumerable.Range(0, DimensionScores.Capacity + 1).Select(i => $"d{i}")] };

        Assert.Throws<ArgumentException>(() => new InsightsEngine(new Disclosure(K), schema));
    }
}
