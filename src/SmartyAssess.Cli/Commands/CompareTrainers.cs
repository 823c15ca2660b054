using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SmartyAssess.Cli.Evaluation;
using SmartyAssess.Cli.Simulation;

namespace SmartyAssess.Cli.Commands;

/// <summary>
/// <c>evaluate --trainers fm,mlnet-ffm [--seeds 5] [--catalogue data] [--data &lt;dir&gt;] [--out &lt;dir&gt;]</c>:
/// every trainer on identical cold-SME splits of five worlds (generic, the real catalogue, one where
/// only the prior matters, and two whose planted affinity is not the one <c>fm</c> assumes), in one
/// table with paired 95% intervals against <c>fm</c> and against the prior, and the targets a default trainer must meet.
/// </summary>
internal static class CompareTrainers
{
    public static readonly string[] Worlds = ["generic", "real-catalogue", "prior-only", WorldAffinity.RegionInstrument, WorldAffinity.ThreeWay];

    public static int Run(Arguments args, string list)
    {
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0 || names.FirstOrDefault(n => !Trainers.Names.Contains(n)) is not null)
        {
            var unknown = names.FirstOrDefault(n => !Trainers.Names.Contains(n));
            throw new UsageException($"--trainers: name trainers from {string.Join(", ", Trainers.Names)}{(unknown is null ? "" : $" ('{unknown}' is not one)")}.");
        }

        if (!names.Contains(Trainers.Fm))
        {
            // Everything is measured against the baseline, so it always runs.
            names.Insert(0, Trainers.Fm);
        }

        var seeds = args.Int("seeds", 5);
        var generic = (args.Optional("data") is { } data ? SyntheticWorld.LoadOptions(data) : new WorldOptions()) with { Catalogue = null };
        var catalogue = args.Optional("catalogue") ?? "data";
        var worlds = new Dictionary<string, WorldOptions>(StringComparer.Ordinal)
        {
            ["generic"] = generic,
            ["real-catalogue"] = generic with { Catalogue = catalogue },
            ["prior-only"] = generic with { FeatureTermWeight = 0, FirmTermWeight = 0, NonLinearWeight = 0 },
            [WorldAffinity.RegionInstrument] = generic with { Affinity = WorldAffinity.RegionInstrument },
            [WorldAffinity.ThreeWay] = generic with { Affinity = WorldAffinity.ThreeWay },
        };
        var stopwatch = Stopwatch.StartNew();
        var results = Worlds.ToDictionary(w => w, _ => new Dictionary<string, MethodResult>(StringComparer.Ordinal), StringComparer.Ordinal);
        var trainingSeconds = names.ToDictionary(n => n, _ => 0.0, StringComparer.Ordinal);
        var progress = new Progress(seeds * Worlds.Length, "evaluate");
        foreach (var world in Worlds)
        {
            for (var s = 0; s < seeds; s++)
            {
                var seed = generic.Seed + s;
                var trainers = names.Select(n => Timed(Trainers.Create(n, args, (ulong)seed), trainingSeconds)).ToList();
                Harness.Run("cold-sme", SyntheticWorld.Generate(worlds[world] with { Seed = seed }), trainers, results[world]);
                progress.Step($"{world}, seed {seed}");
            }
        }

        var report = Build(results, names, seeds, generic, catalogue, trainingSeconds, stopwatch.Elapsed);
        var output = args.Optional("out") ?? Path.Combine(Path.GetTempPath(), "smartyassess-trainers");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "trainers.md"), report.Markdown);
        File.WriteAllText(Path.Combine(output, "trainers.json"), report.Json);
        Console.WriteLine(report.Markdown);
        Console.WriteLine($"Reports: {Path.Combine(output, "trainers.md")}, {Path.Combine(output, "trainers.json")}");
        return 0;
    }

    private static Trainer Timed(Trainer trainer, Dictionary<string, double> seconds) => trainer with
    {
        Train = (smes, practices, labels, random) =>
        {
            var watch = Stopwatch.StartNew();
            var model = trainer.Train(smes, practices, labels, random);
            seconds[trainer.Name] += watch.Elapsed.TotalSeconds;
            return model;
        },
    };

    private sealed record Row(string World, string Trainer, Estimate Ndcg, Estimate VersusFm, Estimate VersusPrior, double FeatureOracle, double Prior);

    private static (string Markdown, string Json) Build(
        Dictionary<string, Dictionary<string, MethodResult>> results, IReadOnlyList<string> names, int seeds, WorldOptions generic, string catalogue, Dictionary<string, double> trainingSeconds, TimeSpan elapsed)
    {
        var rows = new List<Row>();
        foreach (var world in Worlds)
        {
            List<double> Values(string method) => results[world][method].PerFirm["ndcg@5"];
            var oracle = Values("feature-oracle").Average();
            var prior = Values("prior").Average();
            rows.AddRange(names.Select(n => new Row(world, n, Statistics.Bootstrap(Values(n), 7), Statistics.PairedDifference(Values(n), Values(Trainers.Fm), 11), Statistics.PairedDifference(Values(n), Values("prior"), 11), oracle, prior)));
        }

        var md = new StringBuilder();
        md.AppendLine("# Trainers side by side");
        md.AppendLine();
        md.AppendLine(Invariant($"Cold-SME split (a fifth of the firms held out, trained on the rest, identical for every trainer), truth-NDCG@5 (grade 2 for a firm's top 3 practices by true utility, 1 for ranks 4–8), mean and 95% bootstrap interval over firms pooled across {seeds} seeds ({generic.Seed}–{generic.Seed + seeds - 1}). {generic.Smes} firms per world, {generic.ImpressionsPerSme} impressions each; generated worlds have {generic.Practices} practices, the real-catalogue world the practices of `{catalogue}`. Ran in {elapsed.TotalSeconds:0} s."));
        md.AppendLine();
        md.AppendLine("| world (prior · 0.85 × feature oracle) | trainer | NDCG@5 | − fm, paired | − prior, paired |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var row in rows)
        {
            var first = row.Trainer == names[0];
            var bar = row.Ndcg.Mean >= 0.85 * row.FeatureOracle ? "" : " ↓";
            md.AppendLine(Invariant($"| {(first ? $"{row.World} ({row.Prior:0.000} · {0.85 * row.FeatureOracle:0.000})" : "")} | {row.Trainer} | {row.Ndcg}{bar} | {(row.Trainer == Trainers.Fm ? "–" : row.VersusFm.ToString())} | {row.VersusPrior} |"));
        }

        md.AppendLine();
        md.AppendLine("↓: below 0.85 × the feature oracle (E[utility | features]).");
        md.AppendLine();
        md.AppendLine("## Targets for a default trainer");
        md.AppendLine();
        md.AppendLine("| trainer | ≥ 0.85 × feature oracle on every world | no world below prior − 0.01 | generic and real catalogue: − fm lower end ≥ −0.01 | training time, all worlds and seeds |");
        md.AppendLine("|---|---|---|---|---|");
        var targets = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var mine = rows.Where(r => r.Trainer == name).ToList();
            var oracleMisses = mine.Where(r => r.Ndcg.Mean < 0.85 * r.FeatureOracle).Select(r => r.World).ToList();
            var priorMisses = mine.Where(r => r.Ndcg.Mean < r.Prior - 0.01).Select(r => r.World).ToList();
            var fmMisses = name == Trainers.Fm ? [] : mine.Where(r => r.World is "generic" or "real-catalogue" && r.VersusFm.Low < -0.01).Select(r => r.World).ToList();
            string Verdict(List<string> misses) => misses.Count == 0 ? "yes" : "**no**: " + string.Join(", ", misses);
            md.AppendLine(Invariant($"| {name} | {Verdict(oracleMisses)} | {Verdict(priorMisses)} | {(name == Trainers.Fm ? "–" : Verdict(fmMisses))} | {trainingSeconds[name]:0.0} s |"));
            targets[name] = new { oracle = oracleMisses, prior = priorMisses, fm = fmMisses, met = oracleMisses.Count + priorMisses.Count + fmMisses.Count == 0 };
        }

        var json = JsonSerializer.Serialize(new
        {
            seeds,
            world = generic,
            rows = rows.Select(r => new { r.World, r.Trainer, ndcg = r.Ndcg, versusFm = r.VersusFm, versusPrior = r.VersusPrior, featureOracle = r.FeatureOracle, prior = r.Prior }),
            targets,
            trainingSeconds,
        }, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });
        return (md.ToString(), json);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
