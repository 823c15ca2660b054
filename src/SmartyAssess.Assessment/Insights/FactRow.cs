using System.Runtime.CompilerServices;

namespace SmartyAssess.Assessment.Insights;

/// <summary>What a firm's submitted assessment contributes to the partners' insights, in memory.</summary>
[Flags]
public enum FactFlags : byte
{
    None = 0,

    /// <summary>The firm's latest assessment of all: it stands for the firm when no period is chosen.</summary>
    LatestOverall = 1,

    /// <summary>The firm's latest assessment in its calendar quarter.</summary>
    LatestInQuarter = 2,

    /// <summary>The firm's latest assessment in its calendar month (the monthly series counts firms, not forms).</summary>
    LatestInMonth = 4,

    /// <summary>It continues a series: the firm re-assessed.</summary>
    Reassessment = 8,
}

/// <summary>Up to <see cref="Capacity"/> dimension scores, in tenths of a point (−1: not assessed).</summary>
[InlineArray(Capacity)]
public struct DimensionScores
{
    public const int Capacity = 8;

    private short _element;
}

/// <summary>
/// One submitted assessment as the insights engine reads it: coded categories and bit sets, so that
/// a million of them fit in memory and are scanned in a fraction of a second. Codes index the value
/// lists of <see cref="InsightsSchema"/> and <see cref="FactCodes"/>; −1 is "not given".
/// </summary>
public struct FactRow
{
    public Guid Firm;
    public int Quarter;
    public int Month;
    public short Country;
    public short Region;
    public short Sector;
    public short Size;
    public FactFlags Flags;

    /// <summary>Band per dimension, two bits each (0 Basic … 3 Advanced), valid where the score is not −1.</summary>
    public ushort Bands;

    public uint Barriers;
    public uint TopBarriers;

    /// <summary>Practices (by catalogue index) recommended to the firm on this assessment.</summary>
    public UInt128 Recommended;

    /// <summary>Practices whose latest word is relevant, planned or adopted (planning or adopting implies relevance).</summary>
    public UInt128 Relevant;

    public UInt128 Planned;
    public UInt128 Adopted;
    public DimensionScores Scores;

    public readonly bool Has(FactFlags flag) => (Flags & flag) == flag;

    public readonly int Band(int dimension) => (Bands >> (2 * dimension)) & 3;

    /// <summary>A quarter as a number: year × 4 + quarter − 1.</summary>
    public static int QuarterOf(DateTime at) => (at.Year * 4) + ((at.Month - 1) / 3);

    /// <summary>A month as a number: year × 12 + month − 1.</summary>
    public static int MonthOf(DateTime at) => (at.Year * 12) + at.Month - 1;
}

/// <summary>Codes for the category values the facts hold (regions, sectors, sizes), assigned as they are first seen.</summary>
public sealed class FactCodes
{
    private readonly Dictionary<string, short> _codes = new(StringComparer.Ordinal);
    private readonly List<string> _values = [];

    public short Code(string? value)
    {
        if (value is null)
        {
            return -1;
        }

        if (!_codes.TryGetValue(value, out var code))
        {
            code = checked((short)_values.Count);
            _codes.Add(value, code);
            _values.Add(value);
        }

        return code;
    }

    /// <summary>The code of a value already seen, or −2 (which no fact holds) for one never seen.</summary>
    public short Find(string? value) => value is null ? (short)-1 : _codes.GetValueOrDefault(value, (short)-2);

    public string Value(int code) => _values[code];
}

/// <summary>What the insights describe: the questionnaire's dimensions and barriers, and the catalogue's practices with their home.</summary>
/// <param name="PracticeHomes">Per practice (catalogue index), the index of its home in <paramref name="Homes"/>.</param>
/// <param name="Homes">Where practices come from: a NUTS region where the catalogue knows it, else a country.</param>
public sealed record InsightsSchema(IReadOnlyList<string> Dimensions, IReadOnlyList<string> Barriers, IReadOnlyList<string> Practices, IReadOnlyList<int> PracticeHomes, IReadOnlyList<string> Homes)
{
    public const int MaxBarriers = 32;
    public const int MaxPractices = 128;
    public const int MaxHomes = 32;
}
