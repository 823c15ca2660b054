using System.Numerics;

namespace SmartyAssess.Assessment.Insights;

/// <summary>
/// The filters of one insights request, in codes. Periods are whole calendar quarters and filters
/// whole categories, so that two requests differ only by whole groups, which the disclosure rules check.
/// </summary>
/// <param name="MyRegions">The analyst's regions (codes), in the order their columns are shown.</param>
/// <param name="AllRegions">True describes every region's firms; false the analyst's.</param>
/// <param name="Quarter">A quarter (<see cref="FactRow.QuarterOf"/>), or null for all time.</param>
/// <param name="Region">One of <paramref name="MyRegions"/>, or null for all of them.</param>
/// <param name="FirstQuarter">The first quarter of the timeline (trends run from it to <paramref name="LastQuarter"/>).</param>
public sealed record InsightsQuery(IReadOnlyList<short> MyRegions, bool AllRegions, int? Quarter, short? Sector, short? Size, short? Region, int FirstQuarter, int LastQuarter);

/// <summary>Firms assessed in a month, and how many of them were re-assessing.</summary>
/// <param name="Month">As <see cref="FactRow.MonthOf"/>.</param>
public sealed record MonthFigures(int Month, ShownCount Firms, ShownCount Reassessed);

/// <summary>Firms assessed on a dimension, per band (Basic … Advanced), and the quartiles of the score.</summary>
/// <param name="Quartiles">First quartile, median, third quartile, or null when not shown.</param>
public sealed record DimensionFigures(ShownCount Assessed, IReadOnlyList<ShownCount> Bands, IReadOnlyList<double>? Quartiles);

/// <summary>Firms naming a barrier, and naming it among their top three.</summary>
public sealed record BarrierFigures(ShownCount Named, ShownCount NamedTop);

/// <summary>The firms of a quarter (each firm's latest assessment in it) and how many name each barrier.</summary>
public sealed record QuarterFigures(int Quarter, ShownCount Firms, IReadOnlyList<ShownCount> Named);

/// <summary>Firms to which a practice was recommended, and that marked it relevant, planned or adopted it.</summary>
public sealed record PracticeFigures(ShownCount Recommended, ShownCount Relevant, ShownCount Planned, ShownCount Adopted);

/// <summary>A column of the transfer matrix: one of the analyst's regions, all of them, or all regions.</summary>
/// <param name="Region">A region code; null for a total column.</param>
/// <param name="AllRegions">True for the column of every region.</param>
public sealed record TransferColumn(short? Region, bool AllRegions, ShownCount Firms);

/// <summary>
/// Home of the practice × region of the firms: how many firms of the column found at least one
/// practice from that home relevant (or planned or adopted it).
/// </summary>
/// <param name="Cells">Per home (as <see cref="InsightsSchema.Homes"/>), per column.</param>
public sealed record TransferFigures(IReadOnlyList<TransferColumn> Columns, IReadOnlyList<IReadOnlyList<ShownCount>> Cells);

/// <summary>Every figure of one request, already protected. When the group is not shown its lists are empty.</summary>
public sealed record InsightsReport(
    bool Shown,
    ShownCount Firms,
    IReadOnlyList<MonthFigures> Months,
    IReadOnlyList<DimensionFigures> Dimensions,
    IReadOnlyList<BarrierFigures> Barriers,
    IReadOnlyList<QuarterFigures> BarrierTrend,
    IReadOnlyList<PracticeFigures> Practices,
    TransferFigures Transfer);

/// <summary>
/// Computes the partners' aggregates in one pass over the facts and protects them (ADR 0019). The
/// pass counts every figure for the request and for every wider request a reader could also make
/// (each filter relaxed, in every combination), so that a figure is shown only when the same figure
/// of every wider request differs from it by no firm or by at least the minimum, for the firms with
/// the attribute and for those without. Cells of one response that add up to another of its
/// figures get secondary suppression.
/// </summary>
public sealed class InsightsEngine
{
    private const int ScoreBuckets = ScoreHistogram.Buckets;
    private readonly Disclosure _rules;
    private readonly InsightsSchema _schema;
    private readonly uint[] _homeBit;
    private readonly int _dimBase;
    private readonly int _barrierBase;
    private readonly int _practiceBase;
    private readonly int _homeBase;
    private readonly int _cells;

    public InsightsEngine(Disclosure rules, InsightsSchema schema)
    {
        if (schema.Dimensions.Count > DimensionScores.Capacity || schema.Barriers.Count > InsightsSchema.MaxBarriers
            || schema.Practices.Count > InsightsSchema.MaxPractices || schema.Homes.Count > InsightsSchema.MaxHomes)
        {
            throw new ArgumentException("The questionnaire or catalogue is larger than the insights' fact layout holds.", nameof(schema));
        }

        _rules = rules;
        _schema = schema;
        _homeBit = [.. schema.PracticeHomes.Select(h => 1u << h)];
        _dimBase = 1;
        _barrierBase = _dimBase + (5 * schema.Dimensions.Count);
        _practiceBase = _barrierBase + (2 * schema.Barriers.Count);
        _homeBase = _practiceBase + (4 * schema.Practices.Count);
        _cells = _homeBase + schema.Homes.Count;
    }

    public Disclosure Rules => _rules;

    public InsightsReport Compute(ReadOnlySpan<FactRow> facts, InsightsQuery query)
    {
        var counts = new Counts(this, query);
        counts.Accumulate(facts);
        return counts.Report();
    }

    /// <summary>
    /// The counts of one request and its wider ones. A variant is a combination of scope (mine, all),
    /// quarter (each of the timeline, or all time), sector (the chosen one, or any), size (likewise)
    /// and region (each of the analyst's, or any).
    /// </summary>
    private sealed class Counts
    {
        private readonly InsightsEngine _engine;
        private readonly InsightsQuery _query;
        private readonly int _quarters;
        private readonly int _regions;
        private readonly int _months;
        private readonly int _firstMonth;
        private readonly int[] _cells;
        private readonly int[] _monthCells;
        private readonly int[][] _histograms;
        private readonly int _base;
        private readonly int _baseQuarter;
        private readonly int _baseRegion;
        private readonly int _scope;
        private readonly int _sector;
        private readonly int _size;

        public Counts(InsightsEngine engine, InsightsQuery query)
        {
            _engine = engine;
            _query = query;
            var span = Math.Max(0, query.LastQuarter - query.FirstQuarter + 1);
            _quarters = span + 1;
            _regions = query.MyRegions.Count + 1;
            _months = 3 * span;
            _firstMonth = 3 * query.FirstQuarter;
            _cells = new int[2 * _quarters * 2 * 2 * _regions * engine._cells];
            _monthCells = new int[2 * 2 * 2 * _regions * Math.Max(1, _months) * 2];
            _histograms = [.. engine._schema.Dimensions.Select(_ => new int[ScoreBuckets])];
            _scope = query.AllRegions ? 1 : 0;
            _baseQuarter = query.Quarter is { } q && q >= query.FirstQuarter && q <= query.LastQuarter ? q - query.FirstQuarter : query.Quarter is null ? _quarters - 1 : -1;
            _sector = query.Sector is null ? 1 : 0;
            _size = query.Size is null ? 1 : 0;
            var region = query.Region is { } r && !query.AllRegions ? IndexOf(query.MyRegions, r) : _regions - 1;
            _baseRegion = region < 0 ? -1 : region;
            _base = _baseQuarter < 0 || _baseRegion < 0 ? -1 : Variant(_scope, _baseQuarter, _sector, _size, _baseRegion);
        }

        private int Variant(int scope, int quarter, int sector, int size, int region) =>
            (((((((scope * _quarters) + quarter) * 2) + sector) * 2) + size) * _regions) + region;

        private int MonthVariant(int scope, int sector, int size, int region) => (((((scope * 2) + sector) * 2) + size) * _regions) + region;

        private static int IndexOf(IReadOnlyList<short> list, short value)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] == value)
                {
                    return i;
                }
            }

            return -1;
        }

        public void Accumulate(ReadOnlySpan<FactRow> facts)
        {
            Span<int> quarters = stackalloc int[2];
            Span<int> variants = stackalloc int[64];
            var lastRegion = _regions - 1;
            foreach (ref readonly var fact in facts)
            {
                var mine = IndexOf(_query.MyRegions, fact.Region);
                var quarterCount = 0;
                if (fact.Has(FactFlags.LatestInQuarter) && fact.Quarter >= _query.FirstQuarter && fact.Quarter <= _query.LastQuarter)
                {
                    quarters[quarterCount++] = fact.Quarter - _query.FirstQuarter;
                }

                if (fact.Has(FactFlags.LatestOverall))
                {
                    quarters[quarterCount++] = _quarters - 1;
                }

                var sectorMatches = _query.Sector == fact.Sector;
                var sizeMatches = _query.Size == fact.Size;
                var variantCount = 0;
                for (var scope = mine >= 0 ? 0 : 1; scope < 2; scope++)
                {
                    for (var sector = sectorMatches ? 0 : 1; sector < 2; sector++)
                    {
                        for (var size = sizeMatches ? 0 : 1; size < 2; size++)
                        {
                            if (fact.Has(FactFlags.LatestInMonth) && fact.Month - _firstMonth is var month && month >= 0 && month < _months)
                            {
                                AddMonth(MonthVariant(scope, sector, size, lastRegion), month, fact);
                                if (mine >= 0)
                                {
                                    AddMonth(MonthVariant(scope, sector, size, mine), month, fact);
                                }
                            }

                            for (var q = 0; q < quarterCount; q++)
                            {
                                variants[variantCount++] = Variant(scope, quarters[q], sector, size, lastRegion);
                                if (mine >= 0)
                                {
                                    variants[variantCount++] = Variant(scope, quarters[q], sector, size, mine);
                                }
                            }
                        }
                    }
                }

                if (variantCount == 0)
                {
                    continue;
                }

                var homes = HomesOf(fact.Relevant);
                for (var v = 0; v < variantCount; v++)
                {
                    Add(variants[v] * _engine._cells, fact, homes);
                    if (variants[v] == _base)
                    {
                        AddScores(fact);
                    }
                }
            }
        }

        private void AddMonth(int variant, int month, in FactRow fact)
        {
            var at = ((variant * _months) + month) * 2;
            _monthCells[at]++;
            if (fact.Has(FactFlags.Reassessment))
            {
                _monthCells[at + 1]++;
            }
        }

        private uint HomesOf(UInt128 practices) => HomesOf((ulong)practices, 0) | HomesOf((ulong)(practices >> 64), 64);

        private uint HomesOf(ulong practices, int first)
        {
            var homes = 0u;
            while (practices != 0)
            {
                homes |= _engine._homeBit[first + BitOperations.TrailingZeroCount(practices)];
                practices &= practices - 1;
            }

            return homes;
        }

        private void Add(int at, in FactRow fact, uint homes)
        {
            var cells = _cells.AsSpan(at, _engine._cells);
            cells[0]++;
            var dimensions = _engine._schema.Dimensions.Count;
            for (var d = 0; d < dimensions; d++)
            {
                if (fact.Scores[d] >= 0)
                {
                    var cell = _engine._dimBase + (5 * d);
                    cells[cell]++;
                    cells[cell + 1 + fact.Band(d)]++;
                }
            }

            AddBits(cells, _engine._barrierBase, 2, 0, fact.Barriers);
            AddBits(cells, _engine._barrierBase, 2, 1, fact.TopBarriers);
            AddBits(cells, _engine._practiceBase, 4, 0, fact.Recommended);
            AddBits(cells, _engine._practiceBase, 4, 1, fact.Relevant);
            AddBits(cells, _engine._practiceBase, 4, 2, fact.Planned);
            AddBits(cells, _engine._practiceBase, 4, 3, fact.Adopted);
            AddBits(cells, _engine._homeBase, 1, 0, homes);
        }

        private static void AddBits(Span<int> cells, int start, int stride, int offset, uint set)
        {
            while (set != 0)
            {
                cells[start + (stride * BitOperations.TrailingZeroCount(set)) + offset]++;
                set &= set - 1;
            }
        }

        private static void AddBits(Span<int> cells, int start, int stride, int offset, UInt128 set)
        {
            AddBits(cells, start, stride, offset, (ulong)set, 0);
            AddBits(cells, start, stride, offset, (ulong)(set >> 64), 64);
        }

        private static void AddBits(Span<int> cells, int start, int stride, int offset, ulong set, int first)
        {
            while (set != 0)
            {
                cells[start + (stride * (first + BitOperations.TrailingZeroCount(set))) + offset]++;
                set &= set - 1;
            }
        }

        private void AddScores(in FactRow fact)
        {
            for (var d = 0; d < _histograms.Length; d++)
            {
                if (fact.Scores[d] >= 0)
                {
                    _histograms[d][Math.Min(fact.Scores[d], (short)(ScoreBuckets - 1))]++;
                }
            }
        }

        private int Cell(int variant, int cell) => _cells[(variant * _engine._cells) + cell];

        /// <summary>The variants a reader could also request: every non-empty combination of relaxed filters.</summary>
        private List<int> Wider(int variant)
        {
            var region = variant % _regions;
            var rest = variant / _regions;
            var size = rest % 2;
            rest /= 2;
            var sector = rest % 2;
            rest /= 2;
            var quarter = rest % _quarters;
            var scope = rest / _quarters;
            var steps = new List<Func<(int S, int Q, int Se, int Si, int R), (int, int, int, int, int)>>();
            if (scope == 0)
            {
                steps.Add(v => (1, v.Q, v.Se, v.Si, v.R));
            }

            if (quarter != _quarters - 1)
            {
                steps.Add(v => (v.S, _quarters - 1, v.Se, v.Si, v.R));
            }

            if (sector == 0)
            {
                steps.Add(v => (v.S, v.Q, 1, v.Si, v.R));
            }

            if (size == 0)
            {
                steps.Add(v => (v.S, v.Q, v.Se, 1, v.R));
            }

            if (region != _regions - 1)
            {
                steps.Add(v => (v.S, v.Q, v.Se, v.Si, _regions - 1));
            }

            var wider = new List<int>();
            for (var mask = 1; mask < 1 << steps.Count; mask++)
            {
                var v = (S: scope, Q: quarter, Se: sector, Si: size, R: region);
                for (var i = 0; i < steps.Count; i++)
                {
                    if ((mask & (1 << i)) != 0)
                    {
                        v = steps[i](v);
                    }
                }

                wider.Add(Variant(v.S, v.Q, v.Se, v.Si, v.R));
            }

            return wider;
        }

        private bool GroupShown(int variant, List<int> wider)
        {
            var firms = Cell(variant, 0);
            return firms >= _engine._rules.MinimumGroupSize && wider.All(w => _engine._rules.IsSafeDifference(Cell(w, 0) - firms));
        }

        /// <summary>Whether the same figure of every wider variant differs from this one by a safe number of firms, with and without the attribute.</summary>
        private bool DifferencesSafe(int variant, List<int> wider, int cell, int groupCell)
        {
            var count = Cell(variant, cell);
            var without = Cell(variant, groupCell) - count;
            var rules = _engine._rules;
            return wider.All(w => rules.IsSafeDifference(Cell(w, cell) - count) && rules.IsSafeDifference(Cell(w, groupCell) - Cell(w, cell) - without));
        }

        private ShownCount Shown(int variant, List<int> wider, int cell, int groupCell = 0)
        {
            var shown = _engine._rules.Count(Cell(variant, cell), Cell(variant, groupCell));
            return shown.IsSuppressed || !DifferencesSafe(variant, wider, cell, groupCell) ? ShownCount.Suppressed : shown;
        }

        public InsightsReport Report()
        {
            var transfer = Transfer();
            var trend = BarrierTrend();
            if (_base < 0)
            {
                return new InsightsReport(false, ShownCount.Suppressed, [], [], [], trend, [], transfer);
            }

            var wider = Wider(_base);
            if (!GroupShown(_base, wider))
            {
                return new InsightsReport(false, ShownCount.Suppressed, [], [], [], trend, [], transfer);
            }

            var schema = _engine._schema;
            var dimensions = new List<DimensionFigures>();
            for (var d = 0; d < schema.Dimensions.Count; d++)
            {
                var assessedCell = _engine._dimBase + (5 * d);
                var assessed = Shown(_base, wider, assessedCell) is { IsSuppressed: false } ? new ShownCount(Cell(_base, assessedCell), false) : ShownCount.Suppressed;
                if (assessed.IsSuppressed)
                {
                    dimensions.Add(new DimensionFigures(assessed, [.. Enumerable.Repeat(ShownCount.Suppressed, 4)], null));
                    continue;
                }

                var bands = Enumerable.Range(0, 4).Select(b => Cell(_base, assessedCell + 1 + b)).ToList();
                var differencing = Enumerable.Range(0, 4).Select(b => !DifferencesSafe(_base, wider, assessedCell + 1 + b, assessedCell)).ToList();
                var quartiles = assessed.Value >= _engine._rules.MinimumGroupSize ? ScoreHistogram.Quartiles(_histograms[d], assessed.Value!.Value) : null;
                dimensions.Add(new DimensionFigures(assessed, _engine._rules.Partition(bands, differencing), quartiles));
            }

            var barriers = Enumerable.Range(0, schema.Barriers.Count).Select(b => new BarrierFigures(
                Shown(_base, wider, _engine._barrierBase + (2 * b)),
                Shown(_base, wider, _engine._barrierBase + (2 * b) + 1))).ToList();
            var practices = Enumerable.Range(0, schema.Practices.Count).Select(p => new PracticeFigures(
                Shown(_base, wider, _engine._practiceBase + (4 * p)),
                Shown(_base, wider, _engine._practiceBase + (4 * p) + 1),
                Shown(_base, wider, _engine._practiceBase + (4 * p) + 2),
                Shown(_base, wider, _engine._practiceBase + (4 * p) + 3))).ToList();
            return new InsightsReport(true, new ShownCount(Cell(_base, 0), false), Months(), dimensions, barriers, trend, practices, transfer);
        }

        /// <summary>
        /// The monthly series within the period. Each month's firms are a group of their own (none,
        /// or at least the minimum, checked against the wider requests); the months together add up to the
        /// period, so hidden months get secondary suppression.
        /// </summary>
        private List<MonthFigures> Months()
        {
            var first = _query.Quarter is { } q ? (3 * q) - _firstMonth : 0;
            var count = _query.Quarter is null ? _months : 3;
            if (first < 0 || first + count > _months)
            {
                return [];
            }

            var region = _baseRegion;
            var variant = MonthVariant(_scope, _sector, _size, region);
            var wider = new List<int>();
            foreach (var s in _scope == 0 ? new[] { 0, 1 } : [1])
            {
                foreach (var se in _sector == 0 ? new[] { 0, 1 } : [1])
                {
                    foreach (var si in _size == 0 ? new[] { 0, 1 } : [1])
                    {
                        foreach (var r in region != _regions - 1 ? new[] { region, _regions - 1 } : [region])
                        {
                            if (MonthVariant(s, se, si, r) is var w && w != variant)
                            {
                                wider.Add(w);
                            }
                        }
                    }
                }
            }

            int At(int v, int month, int which) => _monthCells[(((v * _months) + month) * 2) + which];
            var rules = _engine._rules;
            var firms = Enumerable.Range(first, count).Select(m => At(variant, m, 0)).ToList();
            var primary = Enumerable.Range(first, count).Select(m =>
                !rules.IsSafeDifference(At(variant, m, 0)) || !wider.All(w => rules.IsSafeDifference(At(w, m, 0) - At(variant, m, 0)))).ToList();
            var shownFirms = rules.Partition(firms, primary);
            return [.. Enumerable.Range(0, count).Select(i =>
            {
                var m = first + i;
                var reassessed = ShownCount.Suppressed;
                if (!shownFirms[i].IsSuppressed)
                {
                    var (c, n) = (At(variant, m, 1), At(variant, m, 0));
                    var safe = wider.All(w => rules.IsSafeDifference(At(w, m, 1) - c) && rules.IsSafeDifference(At(w, m, 0) - At(w, m, 1) - (n - c)));
                    reassessed = safe ? rules.Count(c, n) : ShownCount.Suppressed;
                }

                return new MonthFigures(_firstMonth + m, shownFirms[i], reassessed);
            })];
        }

        /// <summary>Per quarter of the timeline, the barriers of that quarter's group, each quarter protected as a request of its own.</summary>
        private List<QuarterFigures> BarrierTrend()
        {
            if (_baseRegion < 0)
            {
                return [];
            }

            var trend = new List<QuarterFigures>();
            for (var q = 0; q < _quarters - 1; q++)
            {
                var variant = Variant(_scope, q, _sector, _size, _baseRegion);
                var wider = Wider(variant);
                var barriers = _engine._schema.Barriers.Count;
                trend.Add(GroupShown(variant, wider)
                    ? new QuarterFigures(_query.FirstQuarter + q, new ShownCount(Cell(variant, 0), false), [.. Enumerable.Range(0, barriers).Select(b => Shown(variant, wider, _engine._barrierBase + (2 * b)))])
                    : new QuarterFigures(_query.FirstQuarter + q, ShownCount.Suppressed, [.. Enumerable.Repeat(ShownCount.Suppressed, barriers)]));
            }

            return trend;
        }

        /// <summary>
        /// The transfer matrix for the request's period, sector and size: a column per region of the
        /// analyst, one for all of them and one for every region. The analyst's regions add up to
        /// the "your regions" column, so their columns and cells get secondary suppression.
        /// </summary>
        private TransferFigures Transfer()
        {
            var quarter = _baseQuarter;
            var homes = _engine._schema.Homes.Count;
            var own = _query.MyRegions.Count;
            var columns = new List<(int Variant, List<int> Wider, bool AllRegions, short? Region)>();
            if (quarter >= 0)
            {
                for (var r = 0; r < own; r++)
                {
                    var v = Variant(0, quarter, _sector, _size, r);
                    columns.Add((v, Wider(v), false, _query.MyRegions[r]));
                }

                var mine = Variant(0, quarter, _sector, _size, _regions - 1);
                columns.Add((mine, Wider(mine), false, null));
                var all = Variant(1, quarter, _sector, _size, _regions - 1);
                columns.Add((all, Wider(all), true, null));
            }

            var rules = _engine._rules;
            var shownColumns = columns.Select(c => GroupShown(c.Variant, c.Wider)).ToArray();
            // The regions' columns partition the analyst's firms.
            var ownFirms = rules.Partition([.. columns.Take(own).Select(c => Cell(c.Variant, 0))], [.. shownColumns.Take(own).Select(s => !s)]);
            for (var r = 0; r < own; r++)
            {
                shownColumns[r] = !ownFirms[r].IsSuppressed;
            }

            var cells = new List<IReadOnlyList<ShownCount>>();
            for (var h = 0; h < homes; h++)
            {
                var cell = _engine._homeBase + h;
                var row = columns.Select((c, i) => shownColumns[i] ? Shown(c.Variant, c.Wider, cell) : ShownCount.Suppressed).ToArray();
                var hidden = rules.SuppressAcross([.. columns.Take(own).Select((c, i) => (Cell(c.Variant, cell), Cell(c.Variant, 0), row[i].IsSuppressed))]);
                for (var r = 0; r < own; r++)
                {
                    if (hidden[r])
                    {
                        row[r] = ShownCount.Suppressed;
                    }
                }

                cells.Add(row);
            }

            return new TransferFigures([.. columns.Select((c, i) => new TransferColumn(c.Region, c.AllRegions, shownColumns[i] ? new ShownCount(Cell(c.Variant, 0), false) : ShownCount.Suppressed))], cells);
        }
    }
}

/// <summary>Scores counted per tenth of a point (0–100 in 1,001 buckets): exact order statistics without sorting a million scores.</summary>
public static class ScoreHistogram
{
    public const int Buckets = 1001;

    /// <summary>Quartiles by linear interpolation between order statistics (type 7, as spreadsheets compute them), to one decimal.</summary>
    public static IReadOnlyList<double> Quartiles(int[] histogram, int count)
    {
        double ValueAt(int rank)
        {
            var seen = 0;
            for (var bucket = 0; bucket < histogram.Length; bucket++)
            {
                seen += histogram[bucket];
                if (seen > rank)
                {
                    return bucket / 10.0;
                }
            }

            return (histogram.Length - 1) / 10.0;
        }

        double At(double p)
        {
            var h = (count - 1) * p;
            var low = (int)Math.Floor(h);
            var (lowValue, highValue) = (ValueAt(low), ValueAt(Math.Min(low + 1, count - 1)));
            return Math.Round(lowValue + ((h - low) * (highValue - lowValue)), 1, MidpointRounding.AwayFromZero);
        }

        return [At(0.25), At(0.5), At(0.75)];
    }

    /// <summary>The share of the counted scores below <paramref name="score"/>, ties counting half, in whole percent.</summary>
    public static int Percentile(int[] histogram, int count, double score)
    {
        var tenths = (int)Math.Clamp(Math.Round(score * 10, MidpointRounding.AwayFromZero), 0, Buckets - 1);
        var below = 0;
        for (var bucket = 0; bucket < tenths; bucket++)
        {
            below += histogram[bucket];
        }

        return (int)Math.Round(100.0 * (below + (histogram[tenths] / 2.0)) / count, MidpointRounding.AwayFromZero);
    }
}
