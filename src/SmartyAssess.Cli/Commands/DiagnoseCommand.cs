using SmartyAssess.Cli.Evaluation;
using SmartyAssess.Cli.Simulation;
using SmartyAssess.Recommender;

namespace SmartyAssess.Cli.Commands;

internal static class DiagnoseCommand
{
    public static int Run(Arguments args)
    {
        var world = SyntheticWorld.Generate(SyntheticWorld.LoadOptions(args.Required("data")));
        var options = Training.Options(args);
        var test = Enumerable.Range(0, world.Smes.Count).Where(i => i % 5 == 0).ToHashSet();
        var labels = new List<LabelledPair>();
        for (var u = 0; u < world.Smes.Count; u++)
        {
            if (test.Contains(u)) continue;
            var truth = world.Truth(u);
            foreach (var p in world.Practices)
            {
                labels.Add(new LabelledPair(world.Smes[u].Id, p.Id, truth.ContainsKey(p.Id) ? 1 : -1, 1));
            }
        }
        var model = Harness.TrainModel(world, labels, options with { NegativesPerPositive = 0 }, new Random64(1));
        var engine = new RecommenderEngine(model, world.Practices);
        var prior = new RulePrior(world.Practices);
        var scores = new float[world.Practices.Count];
        var m = new List<double>(); var pr = new List<double>();
        foreach (var u in test)
        {
            engine.ScoreAll(world.Smes[u], scores);
            var r = Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).Select(i => world.Practices[i].Id).ToList();
            m.Add(RankingMetrics.Ndcg(r, world.Truth(u), 5)!.Value);
            prior.ScoreAll(world.Smes[u], scores);
            r = Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).Select(i => world.Practices[i].Id).ToList();
            pr.Add(RankingMetrics.Ndcg(r, world.Truth(u), 5)!.Value);
        }
        Console.WriteLine($"full-supervision cold-SME ndcg@5 model={m.Average():0.000} prior={pr.Average():0.000}");
        return 0;
    }
}
