namespace SmartyAssess.Assessment.Insights;

/// <summary>A figure as it may be shown: exact, rounded to base 5, or suppressed (null).</summary>
/// <param name="Value">Null when suppressed.</param>
public readonly record struct ShownCount(int? Value, bool Rounded)
{
    public static readonly ShownCount Suppressed = new(null, false);

    public bool IsSuppressed => Value is null;
}

/// <summary>
/// Small-cell protection for aggregates of firms (ADR 0019): no figure may rest on fewer than
/// <see cref="MinimumGroupSize"/> distinct firms, directly, as the complement of a group, or as the
/// difference between a group and a wider one that is also shown.
/// </summary>
public sealed class Disclosure
{
    /// <summary>Below this no threshold is accepted, whatever the configuration says.</summary>
    public const int AbsoluteMinimum = 5;

    public Disclosure(int minimumGroupSize)
    {
        if (minimumGroupSize < AbsoluteMinimum)
        {
            throw new ArgumentOutOfRangeException(nameof(minimumGroupSize), minimumGroupSize, $"The minimum group size is never below {AbsoluteMinimum}.");
        }

        MinimumGroupSize = minimumGroupSize;
    }

    public int MinimumGroupSize { get; }

    /// <summary>
    /// Whether a group of <paramref name="firms"/> may be described at all. Every wider group a
    /// reader could also request (the same filters with some of them relaxed) must differ from it
    /// by none or by at least the minimum, so that subtracting the two reveals no small group.
    /// </summary>
    /// <param name="widerGroups">The sizes of every group obtained by relaxing one or more of the filters.</param>
    public bool GroupIsShown(int firms, IEnumerable<int> widerGroups) =>
        firms >= MinimumGroupSize && widerGroups.All(wider => IsSafeDifference(wider - firms));

    /// <summary>
    /// How many firms of a shown group of <paramref name="groupFirms"/> have an attribute. Suppressed
    /// when the firms with it, or the firms without it, are between 1 and the minimum less one; a
    /// count below twice the minimum is rounded to the nearest multiple of 5 (unless it is the whole
    /// group); larger ones are exact.
    /// </summary>
    public ShownCount Count(int count, int groupFirms)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, groupFirms);
        if (!IsSafeDifference(count) || !IsSafeDifference(groupFirms - count))
        {
            return ShownCount.Suppressed;
        }

        // The whole group is its size, which is shown exactly anyway.
        return count > 0 && count < 2 * MinimumGroupSize && count != groupFirms ? new ShownCount(RoundToFive(count), true) : new ShownCount(count, false);
    }

    /// <summary>
    /// Counts that add up to the group (each firm in exactly one cell, such as bands). Cells are
    /// suppressed as in <see cref="Count"/>; then, while the suppressed cells together hold 1 to the
    /// minimum less one firms (so that the group minus the shown cells would reveal them), the smallest
    /// shown cell is suppressed too. Shown cells are exact, so that the row stays consistent.
    /// </summary>
    public IReadOnlyList<ShownCount> Partition(IReadOnlyList<int> counts) => Partition(counts, null);

    /// <summary>
    /// As <see cref="Partition(IReadOnlyList{int})"/>, with cells the caller already must hide (for
    /// example because a wider view would reveal them by difference) suppressed from the start.
    /// </summary>
    public IReadOnlyList<ShownCount> Partition(IReadOnlyList<int> counts, IReadOnlyList<bool>? alsoSuppressed)
    {
        var total = counts.Sum();
        if (total < MinimumGroupSize)
        {
            // A group this small is not shown at all (GroupIsShown); its cells never are either.
            return [.. counts.Select(_ => ShownCount.Suppressed)];
        }

        var suppressed = counts.Select((c, i) => !IsSafeDifference(c) || !IsSafeDifference(total - c) || (alsoSuppressed?[i] ?? false)).ToArray();
        // Hidden cells that add up to none reveal nothing about a firm; 1 to k − 1 together would.
        while (!IsSafeDifference(counts.Where((_, i) => suppressed[i]).Sum()) && suppressed.Any(s => !s))
        {
            var smallest = Enumerable.Range(0, counts.Count).Where(i => !suppressed[i]).MinBy(i => (counts[i] == 0 ? int.MaxValue : counts[i], i));
            if (counts[smallest] == 0)
            {
                // Only zeros are left to hide, and hiding zeros adds nothing: hide the whole row.
                Array.Fill(suppressed, true);
                break;
            }

            suppressed[smallest] = true;
        }

        return [.. counts.Select((c, i) => suppressed[i] ? ShownCount.Suppressed : new ShownCount(c, false))];
    }

    /// <summary>
    /// Cells of one table that add up to a figure shown elsewhere (the regions of the analyst, whose
    /// total is the "your regions" column): while the hidden cells, or the firms of their groups
    /// without the attribute, together hold 1 to the minimum less one, the smallest shown cell is
    /// hidden too, so that the total minus the shown cells reveals no small group.
    /// </summary>
    /// <param name="cells">Each cell's count, its group's size, and whether it is hidden already.</param>
    public IReadOnlyList<bool> SuppressAcross(IReadOnlyList<(int Count, int Group, bool Suppressed)> cells)
    {
        var suppressed = cells.Select(c => c.Suppressed).ToArray();
        bool Unsafe() =>
            !IsSafeDifference(cells.Where((_, i) => suppressed[i]).Sum(c => c.Count))
            || !IsSafeDifference(cells.Where((_, i) => suppressed[i]).Sum(c => c.Group - c.Count));
        while (suppressed.Any(s => s) && Unsafe() && suppressed.Any(s => !s))
        {
            var smallest = Enumerable.Range(0, cells.Count).Where(i => !suppressed[i]).MinBy(i => (cells[i].Count, i));
            suppressed[smallest] = true;
        }

        return suppressed;
    }

    /// <summary>Zero firms reveal nothing about a firm; one to the minimum less one do.</summary>
    public bool IsSafeDifference(int firms) => firms == 0 || firms >= MinimumGroupSize;

    private static int RoundToFive(int count) => (int)(Math.Round(count / 5.0, MidpointRounding.AwayFromZero) * 5);
}
