using SmartyAssess.Recommender;

namespace SmartyAssess.Cli.Evaluation;

/// <summary>A mean with its 95% bootstrap interval.</summary>
internal readonly record struct Estimate(double Mean, double Low, double High)
{
    public override string ToString() => FormattableString.Invariant($"{Mean:0.000} [{Low:0.000}, {High:0.000}]");
}

internal static class Statistics
{
    /// <summary>Mean and percentile bootstrap interval (1,000 resamples, seeded, so reports are reproducible).</summary>
    public static Estimate Bootstrap(IReadOnlyList<double> values, ulong seed, int resamples = 1000)
    {
        if (values.Count == 0)
        {
            return new Estimate(double.NaN, double.NaN, double.NaN);
        }

        var rng = new Random64(seed);
        var means = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            double sum = 0;
            for (var j = 0; j < values.Count; j++)
            {
                sum += values[rng.NextInt(values.Count)];
            }

            means[r] = sum / values.Count;
        }

        Array.Sort(means);
        return new Estimate(values.Average(), means[(int)(0.025 * resamples)], means[(int)(0.975 * resamples) - 1]);
    }

    /// <summary>The paired difference a − b per firm, with its bootstrap interval.</summary>
    public static Estimate PairedDifference(IReadOnlyList<double> a, IReadOnlyList<double> b, ulong seed) =>
        Bootstrap([.. a.Zip(b, (x, y) => x - y)], seed);
}
