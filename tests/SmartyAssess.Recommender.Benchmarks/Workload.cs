using SmartyAssess.Recommender.MLNet;

namespace SmartyAssess.Recommender.Benchmarks;

/// <summary>Random but fixed firms, practices and labels of realistic shape (same ids as the questionnaire's vocabularies).</summary>
internal static class Workload
{
    private static readonly string[] s_dimensions = ["strategy", "readiness", "human", "data", "automation", "green"];
    private static readonly string[] s_barriers = ["finance", "business-case", "workforce-skills", "management-awareness", "legacy-systems", "interoperability", "data-security", "change-resistance", "partners-advice", "regulation", "location"];
    private static readonly string[] s_goals = ["reduce-costs", "quality", "flexibility", "speed", "new-services", "sustainability", "skills", "customers", "resilience", "safety"];
    private static readonly string[] s_themes = ["platforms", "hubs", "green", "skills"];
    private static readonly string[] s_sizes = ["micro", "small", "medium"];
    private static readonly string[] s_sectors = ["C", "F", "G", "H", "J", "M"];

    public static List<PracticeProfile> Practices(int count, ulong seed = 1)
    {
        var rng = new Random64(seed);
        return [.. Enumerable.Range(0, count).Select(i => new PracticeProfile(
            $"p{i:D5}", s_themes[rng.NextInt(s_themes.Length)], "voucher",
            Pick(rng, s_dimensions, 1 + rng.NextInt(3)), Pick(rng, s_barriers, 1 + rng.NextInt(3)), Pick(rng, s_goals, rng.NextInt(3)), [],
            rng.NextDouble() < 0.6 ? ["all"] : Pick(rng, s_sectors, 2), [.. s_sizes], ["basic", "average"], rng.NextDouble() < 0.5 ? "high" : "low", "ITI1"))];
    }

    public static List<SmeProfile> Smes(int count, ulong seed = 2)
    {
        var rng = new Random64(seed);
        return [.. Enumerable.Range(0, count).Select(i => new SmeProfile(
            $"u{i:D5}", s_dimensions.ToDictionary(d => d, _ => 100 * rng.NextDouble()), "average", s_sectors[rng.NextInt(s_sectors.Length)], s_sizes[rng.NextInt(3)], "ITI1",
            Pick(rng, s_barriers, 3), Pick(rng, s_barriers, 1), Pick(rng, s_goals, 2)))];
    }

    public static List<LabelledPair> Labels(IReadOnlyList<SmeProfile> smes, IReadOnlyList<PracticeProfile> practices, int count, ulong seed = 3)
    {
        var rng = new Random64(seed);
        return [.. Enumerable.Range(0, count).Select(_ => new LabelledPair(smes[rng.NextInt(smes.Count)].Id, practices[rng.NextInt(practices.Count)].Id, rng.NextDouble() < 0.3 ? 1 : -1, 1))];
    }

    /// <summary>A model with random (non-zero) parameters over the workload's vocabulary.</summary>
    public static FmModel RandomModel(IReadOnlyList<SmeProfile> smes, IReadOnlyList<PracticeProfile> practices, int factors = 8)
    {
        var vocabulary = FeatureEncoder.BuildVocabulary(smes, practices);
        var rng = new Random64(4);
        return new FmModel(vocabulary, factors, 0.1f,
            [.. Enumerable.Range(0, vocabulary.Count).Select(_ => (float)rng.NextGaussian(0, 0.1))],
            [.. Enumerable.Range(0, vocabulary.Count * factors).Select(_ => (float)rng.NextGaussian(0, 0.1))],
            4, PriorWeights.Default);
    }

    /// <summary>A model of the named trainer with its defaults, as <c>train --trainer</c> makes it.</summary>
    public static RankingModel Train(string trainer, IReadOnlyList<SmeProfile> smes, IReadOnlyList<PracticeProfile> practices, IReadOnlyList<LabelledPair> labels) => trainer switch
    {
        "fm" => FeedbackTraining.Train(smes, practices, labels, new TrainingOptions(), new Random64(42)),
        "mlnet-ffm" => MlNetFfmTrainer.Train(smes, practices, labels, new MlNetFfmOptions()),
        "mlnet-lambdarank" => MlNetLambdaRankTrainer.Train(smes, practices, labels, new MlNetLambdaRankOptions()),
        _ => throw new ArgumentException($"Unknown trainer '{trainer}'.", nameof(trainer)),
    };

    private static List<string> Pick(Random64 rng, string[] from, int count)
    {
        var copy = from.ToList();
        rng.Shuffle(copy);
        return [.. copy.Take(count)];
    }
}
