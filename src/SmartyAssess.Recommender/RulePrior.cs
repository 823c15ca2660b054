using System.Numerics;

namespace SmartyAssess.Recommender;

/// <summary>The weights of the rule prior's terms; each term lies in [0, 1] before weighting.</summary>
/// <param name="Gap">Mean gap of the dimensions the practice strengthens.</param>
/// <param name="Barrier">Share of the practice's barriers the firm named (most important ones count fully, others <see cref="OtherBarrierShare"/>).</param>
/// <param name="Goal">Share of the practice's goals the firm has.</param>
/// <param name="Sector">Open to the firm's sector.</param>
/// <param name="Transferability">How transferable the practice is.</param>
/// <param name="Size">Open to the firm's size.</param>
/// <param name="OtherBarrierShare">What a named barrier not marked most important counts, relative to one that is.</param>
public sealed record PriorWeights(
    double Gap = 0.35,
    double Barrier = 0.25,
    double Goal = 0.15,
    double Sector = 0.10,
    double Transferability = 0.10,
    double Size = 0.05,
    double OtherBarrierShare = 0.6)
{
    /// <summary>The default weights (recommender-design.md §5.1).</summary>
    public static PriorWeights Default { get; } = new();

    /// <summary>How many weighted terms the prior has, in the order of <see cref="PriorTerm"/>.</summary>
    public const int TermCount = 6;

    /// <summary>The term weights in <see cref="PriorTerm"/> order.</summary>
    public double[] TermWeights() => [Gap, Barrier, Goal, Sector, Transferability, Size];

    /// <summary>These weights with a learned adjustment added to each term weight.</summary>
    /// <param name="adjustment">One value per term, in <see cref="PriorTerm"/> order.</param>
    public PriorWeights Adjusted(IReadOnlyList<float> adjustment) => adjustment.Count != TermCount ? throw new ArgumentException($"Expected {TermCount} adjustments.", nameof(adjustment)) : this with
    {
        Gap = Gap + adjustment[0],
        Barrier = Barrier + adjustment[1],
        Goal = Goal + adjustment[2],
        Sector = Sector + adjustment[3],
        Transferability = Transferability + adjustment[4],
        Size = Size + adjustment[5],
    };
}

/// <summary>A term of the rule prior.</summary>
public enum PriorTerm
{
    /// <summary>The practice strengthens a dimension where the firm has a gap.</summary>
    DimensionGap,

    /// <summary>The practice addresses a barrier the firm named.</summary>
    Barrier,

    /// <summary>The practice serves a goal the firm has.</summary>
    Goal,

    /// <summary>The practice is open to the firm's sector.</summary>
    Sector,

    /// <summary>The practice is transferable.</summary>
    Transferability,

    /// <summary>The practice is open to the firm's size.</summary>
    Size,
}

/// <summary>One named part of the prior for a pair.</summary>
/// <param name="Term">The term.</param>
/// <param name="Id">The dimension, barrier or goal concerned, where the term has one.</param>
/// <param name="Value">Its weighted value; the values of a pair sum to its prior.</param>
/// <param name="IsTopBarrier">For a barrier: the firm marked it most important.</param>
public sealed record PriorContribution(PriorTerm Term, string? Id, double Value, bool IsTopBarrier = false);

/// <summary>
/// The fixed rule prior π(firm, practice) ∈ [0, 1]: with no feedback the model ranks by it, and
/// learning fits what it misses. Practices are indexed once as bit masks, so that scoring thousands
/// of them for one firm costs a few nanoseconds each.
/// </summary>
public sealed class RulePrior
{
    private readonly PriorWeights _weights;
    private readonly Dictionary<string, int> _dimensions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _barriers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _goals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _sectors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _sizes = new(StringComparer.Ordinal);
    private readonly PracticeMasks[] _practices;

    /// <summary>Indexes the practices for fast prior computation.</summary>
    /// <param name="practices">The candidates, in the order scores are returned.</param>
    /// <param name="weights">Term weights; <see cref="PriorWeights.Default"/> if null.</param>
    /// <exception cref="ArgumentException">More than 64 distinct ids of one kind (dimensions, barriers, goals, sectors, sizes).</exception>
    public RulePrior(IReadOnlyList<PracticeProfile> practices, PriorWeights? weights = null)
    {
        _weights = weights ?? PriorWeights.Default;
        Practices = practices;
        _practices = [.. practices.Select(p => new PracticeMasks(
            Mask(_dimensions, p.Dimensions),
            Mask(_barriers, p.Barriers),
            Mask(_goals, p.Goals),
            p.Sectors.Contains("all"),
            Mask(_sectors, p.Sectors.Where(s => s != "all")),
            Mask(_sizes, p.Sizes),
            p.TransferabilityValue))];
    }

    /// <summary>The indexed practices.</summary>
    public IReadOnlyList<PracticeProfile> Practices { get; }

    /// <summary>The weights in use.</summary>
    public PriorWeights Weights => _weights;

    /// <summary>Writes π(firm, practice) for every indexed practice into <paramref name="into"/>.</summary>
    /// <param name="sme">The firm.</param>
    /// <param name="into">One slot per practice, in index order.</param>
    public void ScoreAll(SmeProfile sme, Span<float> into)
    {
        var firm = FirmMasks.Of(sme, this);
        for (var i = 0; i < _practices.Length; i++)
        {
            into[i] = (float)Score(firm, _practices[i]);
        }
    }

    /// <summary>π(firm, practice) for the practice at <paramref name="practiceIndex"/>.</summary>
    /// <param name="sme">The firm.</param>
    /// <param name="practiceIndex">Index of the practice.</param>
    public double Score(SmeProfile sme, int practiceIndex) => Score(FirmMasks.Of(sme, this), _practices[practiceIndex]);

    /// <summary>The named parts of π(firm, practice); they sum to <see cref="Score(SmeProfile, int)"/>.</summary>
    /// <param name="sme">The firm.</param>
    /// <param name="practice">The practice.</param>
    public IReadOnlyList<PriorContribution> Contributions(SmeProfile sme, PracticeProfile practice)
    {
        var w = _weights;
        var result = new List<PriorContribution>();
        if (practice.Dimensions.Count > 0)
        {
            foreach (var dimension in practice.Dimensions)
            {
                if (sme.Gap(dimension) is { } gap && gap > 0)
                {
                    result.Add(new PriorContribution(PriorTerm.DimensionGap, dimension, w.Gap * gap / practice.Dimensions.Count));
                }
            }
        }

        var barrierCount = Math.Max(1, practice.Barriers.Count);
        foreach (var barrier in practice.Barriers.Where(sme.Barriers.Contains))
        {
            var top = sme.TopBarriers.Contains(barrier);
            result.Add(new PriorContribution(PriorTerm.Barrier, barrier, w.Barrier * (top ? 1 : w.OtherBarrierShare) / barrierCount, top));
        }

        var goalCount = Math.Max(1, practice.Goals.Count);
        foreach (var goal in practice.Goals.Where(sme.Goals.Contains))
        {
            result.Add(new PriorContribution(PriorTerm.Goal, goal, w.Goal / goalCount));
        }

        if (sme.Sector is not null && practice.FitsSector(sme.Sector))
        {
            result.Add(new PriorContribution(PriorTerm.Sector, sme.Sector, w.Sector));
        }

        result.Add(new PriorContribution(PriorTerm.Transferability, practice.Transferability, w.Transferability * practice.TransferabilityValue));
        if (sme.Size is not null && practice.Sizes.Contains(sme.Size))
        {
            result.Add(new PriorContribution(PriorTerm.Size, sme.Size, w.Size));
        }

        return result;
    }

    /// <summary>
    /// Writes the unweighted term values (each in [0, 1], in <see cref="PriorTerm"/> order) of every
    /// indexed practice for the firm: <see cref="PriorWeights.TermCount"/> slots per practice.
    /// </summary>
    /// <param name="sme">The firm.</param>
    /// <param name="into">practices × <see cref="PriorWeights.TermCount"/> slots.</param>
    public void TermsAll(SmeProfile sme, Span<float> into)
    {
        var firm = FirmMasks.Of(sme, this);
        Span<double> terms = stackalloc double[PriorWeights.TermCount];
        for (var i = 0; i < _practices.Length; i++)
        {
            Terms(firm, _practices[i], terms);
            for (var t = 0; t < terms.Length; t++)
            {
                into[(i * PriorWeights.TermCount) + t] = (float)terms[t];
            }
        }
    }

    private double Score(FirmMasks firm, PracticeMasks p)
    {
        Span<double> terms = stackalloc double[PriorWeights.TermCount];
        Terms(firm, p, terms);
        var w = _weights;
        return (w.Gap * terms[0]) + (w.Barrier * terms[1]) + (w.Goal * terms[2]) + (w.Sector * terms[3]) + (w.Transferability * terms[4]) + (w.Size * terms[5]);
    }

    private void Terms(FirmMasks firm, PracticeMasks p, Span<double> terms)
    {
        terms.Clear();
        var dims = BitOperations.PopCount(p.Dimensions);
        if (dims > 0)
        {
            double gaps = 0;
            for (var bits = p.Dimensions; bits != 0; bits &= bits - 1)
            {
                gaps += firm.Gaps[BitOperations.TrailingZeroCount(bits)];
            }

            terms[0] = gaps / dims;
        }

        var barrierCount = Math.Max(1, BitOperations.PopCount(p.Barriers));
        terms[1] = (BitOperations.PopCount(p.Barriers & firm.TopBarriers) + (_weights.OtherBarrierShare * BitOperations.PopCount(p.Barriers & firm.OtherBarriers))) / barrierCount;
        terms[2] = BitOperations.PopCount(p.Goals & firm.Goals) / (double)Math.Max(1, BitOperations.PopCount(p.Goals));
        terms[3] = firm.HasSector && (p.AllSectors || (p.Sectors & firm.Sector) != 0) ? 1 : 0;
        terms[4] = p.Transferability;
        terms[5] = (p.Sizes & firm.Size) != 0 ? 1 : 0;
    }

    private static ulong Mask(Dictionary<string, int> ids, IEnumerable<string> values)
    {
        ulong mask = 0;
        foreach (var value in values)
        {
            if (!ids.TryGetValue(value, out var bit))
            {
                bit = ids.Count;
                if (bit >= 64)
                {
                    throw new ArgumentException("The rule prior supports at most 64 distinct ids of one kind.", nameof(values));
                }

                ids[value] = bit;
            }

            mask |= 1UL << bit;
        }

        return mask;
    }

    private static ulong Lookup(Dictionary<string, int> ids, IEnumerable<string> values)
    {
        ulong mask = 0;
        foreach (var value in values)
        {
            if (ids.TryGetValue(value, out var bit))
            {
                mask |= 1UL << bit;
            }
        }

        return mask;
    }

    private readonly record struct PracticeMasks(ulong Dimensions, ulong Barriers, ulong Goals, bool AllSectors, ulong Sectors, ulong Sizes, double Transferability);

    private sealed record FirmMasks(double[] Gaps, ulong TopBarriers, ulong OtherBarriers, ulong Goals, bool HasSector, ulong Sector, ulong Size)
    {
        public static FirmMasks Of(SmeProfile sme, RulePrior prior)
        {
            var gaps = new double[64];
            foreach (var (dimension, bit) in prior._dimensions)
            {
                gaps[bit] = sme.Gap(dimension) ?? 0;
            }

            var top = Lookup(prior._barriers, sme.TopBarriers.Where(sme.Barriers.Contains));
            return new FirmMasks(
                gaps,
                top,
                Lookup(prior._barriers, sme.Barriers) & ~top,
                Lookup(prior._goals, sme.Goals),
                sme.Sector is not null,
                sme.Sector is null ? 0 : Lookup(prior._sectors, [sme.Sector]),
                sme.Size is null ? 0 : Lookup(prior._sizes, [sme.Size]));
        }
    }
}
