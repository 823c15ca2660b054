using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SmartyAssess.Cli.Evaluation;
using SmartyAssess.Cli.Simulation;
using SmartyAssess.Recommender;

namespace SmartyAssess.Cli.Commands;

/// <summary>
/// <c>evaluate --data &lt;dir&gt; --seeds 10 [--out &lt;dir&gt;]</c>: for each seed, regenerates the world
/// described in <c>&lt;dir&gt;/world.json</c> (the first seed is the world on disk), runs the cold-SME,
/// warm and cold-practice splits and a prior-only world, and writes a Markdown and a JSON report.
/// </summary>
internal static class EvaluateCommand
{
    public static readonly string[] Splits = ["cold-sme", "warm", "cold-practice", "prior-only-world"];

    public static int Run(Arguments args)
    {
        if (args.Optional("trainers") is { } trainers)
        {
            return CompareTrainers.Run(args, trainers);
        }

        var data = args.Required("data");
        var seeds = args.Int("seeds", 10);
        var output = args.Optional("out") ?? Path.Combine(data, "report");
        var options = SyntheticWorld.LoadOptions(data);
        var training = Training.Options(args);
        var stopwatch = Stopwatch.StartNew();

        var results = Splits.ToDictionary(s => s, _ => new Dictionary<string, MethodResult>(StringComparer.Ordinal), StringComparer.Ordinal);
        var progress = new Progress(seeds * Splits.Length, "evaluate");
        for (var s = 0; s < seeds; s++)
        {
            var seed = options.Seed + s;
            var world = SyntheticWorld.Generate(options with { Seed = seed });
            foreach (var split in Splits.Take(3))
            {
                Harness.Run(split, world, training with { Seed = (ulong)seed }, results[split]);
                progress.Step($"{split}, seed {seed}");
            }

            var priorOnly = SyntheticWorld.Generate(options with { Seed = seed, FeatureTermWeight = 0, FirmTermWeight = 0, NonLinearWeight = 0 });
            Harness.Run("cold-sme", priorOnly, training with { Seed = (ulong)seed }, results["prior-only-world"]);
            progress.Step($"prior-only world, seed {seed}");
        }

        var report = Report.Build(results, options, seeds, training, stopwatch.Elapsed);
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "evaluation.md"), report.Markdown);
        File.WriteAllText(Path.Combine(output, "evaluation.json"), report.Json);
        Console.WriteLine(report.Markdown);
        Console.WriteLine($"Reports: {Path.Combine(output, "evaluation.md")}, {Path.Combine(output, "evaluation.json")}");
        Console.WriteLine(report.SummaryLine);
        return report.AllTargetsMet ? 0 : 3;
    }
}

/// <summary>The evaluation report: tables per split, paired comparisons and the targets of the issue.</summary>
internal sealed record Report(string Markdown, string Json, string SummaryLine, bool AllTargetsMet)
{
    public static Report Build(Dictionary<string, Dictionary<string, MethodResult>> results, WorldOptions world, int seeds, TrainingOptions training, TimeSpan elapsed)
    {
        Estimate E(string split, string method, string metric) =>
            results[split][method].PerFirm.TryGetValue(metric, out var values) ? Statistics.Bootstrap(values, 7)
            : Statistics.Bootstrap(results[split][method].PerSeed[metric], 7);
        List<double> Values(string split, string method) => results[split][method].PerFirm["ndcg@5"];

        var md = new StringBuilder();
        md.AppendLine("# Recommender evaluation on synthetic worlds");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{seeds} seeds ({world.Seed}–{world.Seed + seeds - 1}); {world.Smes} firms and {(world.Catalogue is null ? $"{world.Practices} generated practices" : $"the real catalogue's practices ({world.Catalogue})")} per world; {world.ImpressionsPerSme} impressions per firm; utility weights prior {world.PriorTermWeight}, features {world.FeatureTermWeight}, firm-specific {world.FirmTermWeight}. Metrics against the planted truth (grade 2 for a firm's top 3 practices by true utility, 1 for ranks 4–8), full rankings, mean and 95% bootstrap interval over firms pooled across seeds. Ran in {elapsed.TotalSeconds:0} s.");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Model: k={training.Factors}, interactions {training.Interactions}, η={training.LearningRate}, λw={training.LambdaWeights}, λv={training.LambdaLatent}, λid={training.LambdaIdentifiers}, κ={training.Kappa}, {(training.Patience > 0 ? $"≤{training.MaxEpochs} epochs with early stopping (patience {training.Patience})" : $"{training.MaxEpochs} epochs, no early stopping")}, {training.NegativesPerPositive} sampled negatives per positive.");
        var json = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var split in EvaluateCommand.Splits)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"## {split}");
            md.AppendLine();
            md.AppendLine("| method | " + string.Join(" | ", Harness.Metrics) + " | coverage@5 | novelty@5 |");
            md.AppendLine("|---|" + string.Concat(Enumerable.Repeat("---|", Harness.Metrics.Length + 2)));
            var table = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var method in Harness.Methods)
            {
                var row = Harness.Metrics.Append("coverage@5").Append("novelty@5").ToDictionary(m => m, m => E(split, method, m));
                md.AppendLine($"| {method} | " + string.Join(" | ", row.Values) + " |");
                table[method] = row.ToDictionary(r => r.Key, r => new { mean = r.Value.Mean, low = r.Value.Low, high = r.Value.High });
            }

            var paired = Statistics.PairedDifference(Values(split, "model"), Values(split, "prior"), 11);
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"Model − prior, NDCG@5, paired over firms: {paired}.");
            table["model-minus-prior"] = new { mean = paired.Mean, low = paired.Low, high = paired.High };
            json[split] = table;
        }

        var cold = (Model: E("cold-sme", "model", "ndcg@5").Mean, Prior: E("cold-sme", "prior", "ndcg@5").Mean, Popularity: E("cold-sme", "popularity", "ndcg@5").Mean, FeatureOracle: E("cold-sme", "feature-oracle", "ndcg@5").Mean);
        var coldPaired = Statistics.PairedDifference(Values("cold-sme", "model"), Values("cold-sme", "prior"), 11);
        var warm = (Model: E("warm", "model", "ndcg@5").Mean, Oracle: E("warm", "oracle", "ndcg@5").Mean);
        var coldPractice = (Model: E("cold-practice", "model", "ndcg@5").Mean, Prior: E("cold-practice", "prior", "ndcg@5").Mean);
        var priorOnly = (Model: E("prior-only-world", "model", "ndcg@5").Mean, Prior: E("prior-only-world", "prior", "ndcg@5").Mean);
        var coverage = E("cold-sme", "model", "coverage@5").Mean;
        var targets = new (string Check, string Measured, bool Met)[]
        {
            ("cold-SME ≥ 0.85 × feature-oracle", Fmt($"{cold.Model:0.000} vs {0.85 * cold.FeatureOracle:0.000}"), cold.Model >= 0.85 * cold.FeatureOracle),
            ("cold-SME ≥ prior + 0.03, paired interval above 0", Fmt($"{cold.Model - cold.Prior:+0.000;-0.000}, interval {coldPaired}"), cold.Model >= cold.Prior + 0.03 && coldPaired.Low > 0),
            ("cold-SME ≥ popularity + 0.15", Fmt($"{cold.Model - cold.Popularity:+0.000;-0.000}"), cold.Model >= cold.Popularity + 0.15),
            ("warm ≥ 0.80 × oracle", Fmt($"{warm.Model:0.000} vs {0.80 * warm.Oracle:0.000}"), warm.Model >= 0.80 * warm.Oracle),
            ("cold-practice ≥ prior − 0.01", Fmt($"{coldPractice.Model - coldPractice.Prior:+0.000;-0.000}"), coldPractice.Model >= coldPractice.Prior - 0.01),
            ("prior-only world ≥ prior − 0.01", Fmt($"{priorOnly.Model - priorOnly.Prior:+0.000;-0.000}"), priorOnly.Model >= priorOnly.Prior - 0.01),
            ("coverage@5 ≥ 0.5 (cold-SME)", Fmt($"{coverage:0.000}"), coverage >= 0.5),
        };
        md.AppendLine();
        md.AppendLine("## Targets");
        md.AppendLine();
        md.AppendLine("| check | measured | met |");
        md.AppendLine("|---|---|---|");
        foreach (var (check, measured, met) in targets)
        {
            md.AppendLine($"| {check} | {measured} | {(met ? "yes" : "**no**")} |");
        }

        json["targets"] = targets.Select(t => new { check = t.Check, measured = t.Measured, met = t.Met }).ToList();
        json["world"] = world;
        json["seeds"] = seeds;
        json["training"] = training;
        var summary = Fmt($"cold-SME NDCG@5: model={cold.Model:0.000} prior={cold.Prior:0.000} popularity={cold.Popularity:0.000} feature-oracle={cold.FeatureOracle:0.000}");
        return new Report(md.ToString(), JsonSerializer.Serialize(json, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }), summary, targets.All(t => t.Met));
    }

    private static string Fmt(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
