namespace SmartyAssess.Recommender;

/// <summary>One side of a pair as (feature index, value) entries, sorted by index, scaled to unit length.</summary>
public sealed class SparseFeatures
{
    /// <summary>Creates features from entries; they are sorted by index and scaled to unit L2 norm.</summary>
    /// <param name="entries">Indices into the vocabulary and their values; zeros are dropped.</param>
    public SparseFeatures(IEnumerable<(int Index, float Value)> entries)
    {
        var list = entries.Where(e => e.Value != 0).OrderBy(e => e.Index).ToList();
        var norm = MathF.Sqrt(list.Sum(e => e.Value * e.Value));
        Indices = [.. list.Select(e => e.Index)];
        Values = [.. list.Select(e => norm > 0 ? e.Value / norm : 0)];
    }

    /// <summary>Feature indices, ascending.</summary>
    public int[] Indices { get; }

    /// <summary>Values, matching <see cref="Indices"/>; their squares sum to 1 unless empty.</summary>
    public float[] Values { get; }

    /// <summary>The number of non-zero features.</summary>
    public int Count => Indices.Length;
}
