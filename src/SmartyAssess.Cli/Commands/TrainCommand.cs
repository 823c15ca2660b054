using SmartyAssess.Cli.Evaluation;
using SmartyAssess.Cli.Simulation;
using SmartyAssess.Recommender;

namespace SmartyAssess.Cli.Commands;

/// <summary><c>train --data &lt;dir&gt; --out models/&lt;file&gt;</c>: trains on every firm's feedback in a world directory and writes a model file.</summary>
internal static class TrainCommand
{
    public static int Run(Arguments args)
    {
        var data = args.Required("data");
        var output = args.Required("out");
        var options = Training.Options(args);
        var world = SyntheticWorld.Generate(SyntheticWorld.LoadOptions(data));
        var labels = LabelBuilder.Build(world.Feedback);

        var model = Harness.TrainModel(world, labels, options, new Random64(options.Seed).Fork("validation"));
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        var results = new Dictionary<string, MethodResult>(StringComparer.Ordinal);
        Harness.Run("cold-sme", world, options, results);
        metrics["cold-sme ndcg@5 (model)"] = results["model"].PerFirm["ndcg@5"].Average();
        metrics["cold-sme ndcg@5 (prior)"] = results["prior"].PerFirm["ndcg@5"].Average();

        var metadata = new ModelMetadata(
            args.Optional("version") ?? $"synthetic-seed{world.Options.Seed}",
            options,
            TrainingSet.Hash(world.Practices),
            TrainingSet.Hash(labels),
            metrics,
            $"Trained on a synthetic world ({world.Smes.Count} firms, {world.Practices.Count} practices, seed {world.Options.Seed}); no real feedback.");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        File.WriteAllText(output, ModelFile.Serialize(model, metadata));
        Console.WriteLine($"trained on {labels.Count} labelled pairs from {labels.Select(l => l.SmeId).Distinct().Count()} firms; cold-SME NDCG@5 model={metrics["cold-sme ndcg@5 (model)"]:0.000} prior={metrics["cold-sme ndcg@5 (prior)"]:0.000}; wrote {output}");
        return 0;
    }
}
