using SmartyAssess.Cli.Evaluation;
using SmartyAssess.Cli.Simulation;
using SmartyAssess.Recommender;

namespace SmartyAssess.Cli.Commands;

/// <summary>
/// <c>ceiling --data &lt;dir&gt;</c>: trains on the planted truth itself (every pair of four fifths of
/// the firms labelled ±1 by whether it is in the firm's true top 8) and reports cold-SME NDCG@5. It
/// separates what the model can represent from what the logged feedback lets it learn.
/// </summary>
internal static class CeilingCommand
{
    public static int Run(Arguments args)
    {
        var world = SyntheticWorld.Generate(SyntheticWorld.LoadOptions(args.Required("data")));
        var options = Training.Options(args) with { NegativesPerPositive = 0 };
        var test = Enumerable.Range(0, world.Smes.Count).Where(i => i % 5 == 0).ToHashSet();
        var labels = new List<LabelledPair>();
        for (var u = 0; u < world.Smes.Count; u++)
        {
            if (test.Contains(u))
            {
                continue;
            }

            var truth = world.Truth(u);
            labels.AddRange(world.Practices.Select(p => new LabelledPair(world.Smes[u].Id, p.Id, truth.ContainsKey(p.Id) ? 1 : -1, 1)));
        }

        var engine = new RecommenderEngine(Harness.TrainModel(world, labels, options, new Random64(options.Seed)), world.Practices);
        var prior = new RulePrior(world.Practices);
        var scores = new float[world.Practices.Count];
        var model = new List<double>();
        var priorValues = new List<double>();
        foreach (var u in test.Order())
        {
            var truth = world.Truth(u);
            engine.ScoreAll(world.Smes[u], scores);
            model.Add(RankingMetrics.Ndcg(Ranking(world, scores), truth, 5)!.Value);
            prior.ScoreAll(world.Smes[u], scores);
            priorValues.Add(RankingMetrics.Ndcg(Ranking(world, scores), truth, 5)!.Value);
        }

        Console.WriteLine($"full-supervision cold-SME NDCG@5: model={model.Average():0.000} prior={priorValues.Average():0.000}");
        return 0;
    }

    private static List<string> Ranking(SyntheticWorld world, float[] scores) =>
        [.. Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ThenBy(i => world.Practices[i].Id, StringComparer.Ordinal).Select(i => world.Practices[i].Id)];
}
