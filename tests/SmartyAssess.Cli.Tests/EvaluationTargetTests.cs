using SmartyAssess.Cli.Evaluation;
using SmartyAssess.Cli.Simulation;
using SmartyAssess.Recommender;

namespace SmartyAssess.Cli.Tests;

/// <summary>
/// The issue's quality targets as a regression gate, on two full-size default worlds. Simulation
/// and training are deterministic (scoring's SIMD sums may differ in the last bits between CPUs,
/// far below the margins here, about 0.03), so these are fixed measurements of the engine's
/// defaults, not samples that may fail by chance; a change to the learner that loses quality fails them.
/// </summary>
public class EvaluationTargetTests
{
    private static readonly int[] s_seeds = [1, 2];

    private static readonly Lazy<Dictionary<string, MethodResult>> s_coldSme = new(() => Run("cold-sme"));

    private static Dictionary<string, MethodResult> Run(string split, TrainingOptions? options = null)
    {
        var results = new Dictionary<string, MethodResult>(StringComparer.Ordinal);
        foreach (var seed in s_seeds)
        {
            Harness.Run(split, SyntheticWorld.Generate(new WorldOptions(Seed: seed)), (options ?? new TrainingOptions()) with { Seed = (ulong)seed }, results);
        }

        return results;
    }

    private static double Ndcg(Dictionary<string, MethodResult> results, string method) => results[method].PerFirm["ndcg@5"].Average();

    [Fact]
    public void ColdSme_DefaultModel_ReachesEightyFivePercentOfTheFeatureOracle_AndBeatsPriorAndPopularity()
    {
        var results = s_coldSme.Value;

        var model = Ndcg(results, "model");
        Assert.True(model >= 0.85 * Ndcg(results, "feature-oracle"), $"model {model:0.000} vs feature-oracle {Ndcg(results, "feature-oracle"):0.000}");
        Assert.True(model >= Ndcg(results, "prior") + 0.03, $"model {model:0.000} vs prior {Ndcg(results, "prior"):0.000}");
        Assert.True(model >= Ndcg(results, "popularity") + 0.15, $"model {model:0.000} vs popularity {Ndcg(results, "popularity"):0.000}");
        Assert.All(results["model"].PerSeed["coverage@5"], c => Assert.True(c >= 0.5, $"coverage@5 {c:0.000}"));
    }

    [Fact]
    public void Warm_DefaultModel_ReachesEightyPercentOfTheOracle()
    {
        var results = Run("warm");

        Assert.True(Ndcg(results, "model") >= 0.80 * Ndcg(results, "oracle"), $"model {Ndcg(results, "model"):0.000}");
    }

    [Fact]
    public void ColdSme_EveryFeatureInteracting_FallsShortOfTheNarrowDefault()
    {
        // Why the default interaction map is narrow (ADR 0011): with every feature in the latent
        // space the model fits noise in the few practices each firm was shown.
        var narrow = Ndcg(s_coldSme.Value, "model");
        var all = Ndcg(Run("cold-sme", new TrainingOptions(Interactions: FeatureInteractions.All)), "model");

        Assert.True(narrow > all + 0.03, $"narrow {narrow:0.000}, all {all:0.000}");
    }
}
