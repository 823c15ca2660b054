using System.Numerics.Tensors;

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

    /// <summary>Σ x·w: the linear term of these features under <paramref name="weights"/>.</summary>
    /// <param name="weights">One weight per vocabulary feature.</param>
    public float Dot(ReadOnlySpan<float> weights)
    {
        float sum = 0;
        for (var j = 0; j < Indices.Length; j++)
        {
            sum += weights[Indices[j]] * Values[j];
        }

        return sum;
    }

    /// <summary>Writes Σ x·v (the embedding of these features) into <paramref name="into"/>.</summary>
    /// <param name="latent">Row-major vectors, <paramref name="factors"/> floats per vocabulary feature.</param>
    /// <param name="factors">The latent dimension k.</param>
    /// <param name="into">k floats.</param>
    public void Embed(ReadOnlySpan<float> latent, int factors, Span<float> into)
    {
        into.Clear();
        for (var j = 0; j < Indices.Length; j++)
        {
            // Multiply, then add (not fused): the same rounding as a scalar loop, so training stays byte-reproducible.
            TensorPrimitives.MultiplyAdd(latent.Slice(Indices[j] * factors, factors), Values[j], into, into);
        }
    }
}
