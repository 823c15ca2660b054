using SmartyAssess.Cli.Simulation;
using SmartyAssess.Recommender;

namespace SmartyAssess.Cli.Evaluation;

/// <summary>Per-firm metric values of one method on one split (pooled across seeds by the caller).</summary>
internal sealed class MethodResult(string method)
{
    public string Method { get; } = method;

    /// <summary>Metric name → one value per evaluated firm.</summary>
    public Dictionary<string, List<double>> PerFirm { get; } = new(StringComparer.Ordinal);

    /// <summary>Metric name → one value per seed (coverage and novelty are properties of a whole ranking set).</summary>
    public Dictionary<string, List<double>> PerSeed { get; } = new(StringComparer.Ordinal);

    public void Add(string metric, double value) => Values(PerFirm, metric).Add(value);

    public void AddSeed(string metric, double value) => Values(PerSeed, metric).Add(value);

    private static List<double> Values(Dictionary<string, List<double>> table, string metric)
    {
        if (!table.TryGetValue(metric, out var list))
        {
            list = [];
            table[metric] = list;
        }

        return list;
    }
}

/// <summary>
/// The offline evaluation protocol of recommender-design.md §3 on synthetic worlds: cold-SME,
/// warm and cold-practice splits; baselines; full rankings scored against the planted truth.
/// </summary>
internal static class Harness
{
    public static readonly string[] Methods = ["random", "popularity", "sector-popularity", "prior", "model", "oracle", "feature-oracle"];

    /// <summary>The baselines, then each trainer's model, then the oracles.</summary>
    public static string[] MethodsFor(IReadOnlyList<Trainer> trainers) =>
        ["random", "popularity", "sector-popularity", "prior", .. trainers.Select(t => t.Name), "oracle", "feature-oracle"];

    public static readonly string[] Metrics = ["ndcg@5", "ndcg@10", "precision@5", "precision@10", "recall@5", "recall@10", "map@10", "mrr"];

    /// <summary>Runs one split on one world and appends every method's per-firm values to <paramref name="results"/>.</summary>
    public static void Run(string split, SyntheticWorld world, TrainingOptions options, Dictionary<string, MethodResult> results) =>
        Run(split, world, [new Trainer("model", (smes, practices, labels, random) => FeedbackTraining.Train(smes, practices, labels, options, random), new Dictionary<string, string>(), options)], results);

    /// <summary>Runs one split on one world, training every trainer on the same labels, and appends every method's per-firm values.</summary>
    public static void Run(string split, SyntheticWorld world, IReadOnlyList<Trainer> trainers, Dictionary<string, MethodResult> results)
    {
        var methods = MethodsFor(trainers);
        var rng = new Random64((ulong)world.Options.Seed).Fork("split:" + split);
        var smeCount = world.Smes.Count;
        var labels = LabelBuilder.Build(world.Feedback);
        var smeIndex = world.Smes.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

        var order = Enumerable.Range(0, smeCount).ToList();
        rng.Shuffle(order);
        List<int> testSmes;
        List<LabelledPair> train;
        HashSet<string>? coldPractices = null;
        switch (split)
        {
            case "cold-sme":
                testSmes = [.. order.Take(smeCount / 5).Order()];
                var held = testSmes.Select(i => world.Smes[i].Id).ToHashSet(StringComparer.Ordinal);
                train = [.. labels.Where(l => !held.Contains(l.SmeId))];
                break;
            case "warm":
                testSmes = [.. Enumerable.Range(0, smeCount)];
                train = [.. labels.Where(_ => rng.NextDouble() >= 0.2)];
                break;
            case "cold-practice":
                var practiceOrder = world.Practices.Select(p => p.Id).ToList();
                rng.Shuffle(practiceOrder);
                coldPractices = [.. practiceOrder.Take(world.Practices.Count / 5)];
                testSmes = [.. Enumerable.Range(0, smeCount)];
                train = [.. labels.Where(l => !coldPractices.Contains(l.PracticeId))];
                break;
            default:
                throw new ArgumentException($"Unknown split '{split}'.", nameof(split));
        }

        // Every trainer gets the same fresh generator, so that fm's model is the one a single-trainer run trains.
        var engines = trainers.Select(t => new RecommenderEngine(t.Train(world.Smes, world.Practices, train, rng.Fork("validation")), world.Practices)).ToList();
        var prior = new RulePrior(world.Practices);

        var positives = train.Where(l => l.Label > 0).GroupBy(l => l.PracticeId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var trainUsers = train.Select(l => l.SmeId).Distinct().Count();
        var sectorPositives = train.Where(l => l.Label > 0)
            .GroupBy(l => world.Smes[smeIndex[l.SmeId]].Sector!)
            .ToDictionary(g => g.Key, g => g.GroupBy(l => l.PracticeId).ToDictionary(h => h.Key, h => h.Count(), StringComparer.Ordinal), StringComparer.Ordinal);
        var randomOrder = rng.Fork("random");

        var rankings = methods.ToDictionary(m => m, _ => new List<IReadOnlyList<string>>(), StringComparer.Ordinal);
        var scores = new float[world.Practices.Count];
        foreach (var u in testSmes)
        {
            var sme = world.Smes[u];
            var truth = world.Truth(u);
            var modelScores = new Dictionary<string, float[]>(StringComparer.Ordinal);
            for (var t = 0; t < trainers.Count; t++)
            {
                engines[t].ScoreAll(sme, scores);
                modelScores[trainers[t].Name] = (float[])scores.Clone();
            }

            prior.ScoreAll(sme, scores);
            var priorScores = (float[])scores.Clone();
            var shuffled = Enumerable.Range(0, world.Practices.Count).ToList();
            randomOrder.Shuffle(shuffled);
            var sectorCounts = sectorPositives.GetValueOrDefault(sme.Sector!) ?? [];

            foreach (var method in methods)
            {
                Func<int, double> key = modelScores.TryGetValue(method, out var trained) ? i => trained[i] : method switch
                {
                    "random" => i => -shuffled.IndexOf(i),
                    "popularity" => i => positives.GetValueOrDefault(world.Practices[i].Id),
                    "sector-popularity" => i => sectorCounts.GetValueOrDefault(world.Practices[i].Id) + (positives.GetValueOrDefault(world.Practices[i].Id) / 1000.0),
                    "prior" => i => priorScores[i],
                    "oracle" => i => world.U(u, i),
                    "feature-oracle" => i => world.FeatureU(u, i),
                    _ => throw new InvalidOperationException(method),
                };
                var ranking = Enumerable.Range(0, world.Practices.Count)
                    .OrderByDescending(key)
                    .ThenBy(i => world.Practices[i].Id, StringComparer.Ordinal)
                    .Select(i => world.Practices[i].Id)
                    .ToList();
                rankings[method].Add(ranking);
                var result = Result(results, method);
                if (RankingMetrics.Ndcg(ranking, truth, 5) is { } n5)
                {
                    result.Add("ndcg@5", n5);
                    result.Add("ndcg@10", RankingMetrics.Ndcg(ranking, truth, 10)!.Value);
                }

                result.Add("precision@5", RankingMetrics.Precision(ranking, truth, 5));
                result.Add("precision@10", RankingMetrics.Precision(ranking, truth, 10));
                result.Add("recall@5", RankingMetrics.Recall(ranking, truth, 5));
                result.Add("recall@10", RankingMetrics.Recall(ranking, truth, 10));
                result.Add("map@10", RankingMetrics.AveragePrecision(ranking, truth, 10));
                result.Add("mrr", RankingMetrics.ReciprocalRank(ranking, truth));
            }
        }

        foreach (var method in methods)
        {
            Result(results, method).AddSeed("coverage@5", RankingMetrics.Coverage(rankings[method], 5, world.Practices.Count));
            Result(results, method).AddSeed("novelty@5", RankingMetrics.Novelty(rankings[method], 5, positives, trainUsers));
        }
    }

    public static FmModel TrainModel(SyntheticWorld world, IReadOnlyList<LabelledPair> labels, TrainingOptions options, Random64 rng) =>
        FeedbackTraining.Train(world.Smes, world.Practices, labels, options, rng);

    private static MethodResult Result(Dictionary<string, MethodResult> results, string method)
    {
        if (!results.TryGetValue(method, out var result))
        {
            result = new MethodResult(method);
            results[method] = result;
        }

        return result;
    }
}
