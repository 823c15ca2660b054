using SmartyAssess.Assessment.Recommendations;
using SmartyAssess.Cli.Evaluation;
using SmartyAssess.Cli.Simulation;
using SmartyAssess.Data;
using SmartyAssess.Data.Entities;
using SmartyAssess.Recommender;

namespace SmartyAssess.Cli.Commands;

/// <summary>
/// <c>train --data &lt;dir or database&gt; --out models/&lt;file&gt; [--trainer fm|mlnet-ffm|mlnet-lambdarank]</c>. On a world directory: trains on
/// every firm's simulated feedback. On the service's database: trains on stored feedback, compares
/// the candidate with the published model on held-out firms, and with <c>--publish</c> records it;
/// only a candidate that passes the gate becomes the model the web app serves.
/// </summary>
internal static class TrainCommand
{
    public static int Run(Arguments args)
    {
        var data = args.Required("data");
        var output = args.Required("out");
        return Directory.Exists(data) ? FromWorld(args, data, output) : FromDatabase(args, data, output);
    }

    private static int FromWorld(Arguments args, string data, string output)
    {
        var options = Training.Options(args);
        var trainer = Trainers.Create(args.Optional("trainer") ?? Trainers.Default, args, label: "model");
        var world = SyntheticWorld.Generate(SyntheticWorld.LoadOptions(data));
        var labels = LabelBuilder.Build(world.Feedback);

        var model = trainer.Train(world.Smes, world.Practices, labels, new Random64(options.Seed).Fork("validation"));
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        var results = new Dictionary<string, MethodResult>(StringComparer.Ordinal);
        Harness.Run("cold-sme", world, [trainer], results);
        metrics["cold-sme ndcg@5 (model)"] = results["model"].PerFirm["ndcg@5"].Average();
        metrics["cold-sme ndcg@5 (prior)"] = results["prior"].PerFirm["ndcg@5"].Average();
        metrics["cold-sme ndcg@5 (feature-oracle)"] = results["feature-oracle"].PerFirm["ndcg@5"].Average();

        var source = world.Options.Catalogue is null ? $"{world.Practices.Count} generated practices" : $"the {world.Practices.Count} practices of the real catalogue";
        var metadata = new ModelMetadata(
            args.Optional("version") ?? $"synthetic-seed{world.Options.Seed}",
            trainer.FmOptions,
            TrainingSet.Hash(world.Practices),
            TrainingSet.Hash(labels),
            metrics,
            $"Trained on a synthetic world ({world.Smes.Count} simulated firms, {source}, seed {world.Options.Seed}); no real feedback.",
            TrainingSource.Synthetic,
            TrainerName(args),
            trainer.FmOptions is null ? trainer.Settings : null);
        Write(output, ModelFile.Serialize(model, metadata));
        Console.WriteLine($"trained on {labels.Count} labelled pairs from {labels.Select(l => l.SmeId).Distinct().Count()} firms; cold-SME NDCG@5 model={metrics["cold-sme ndcg@5 (model)"]:0.000} prior={metrics["cold-sme ndcg@5 (prior)"]:0.000}; wrote {output}");
        return 0;
    }

    private static int FromDatabase(Arguments args, string connection, string output)
    {
        var options = Training.Options(args);
        var trainer = Trainers.Create(TrainerName(args), args);
        var catalogue = CatalogueData.Load(args.Optional("catalogue") ?? "data").Catalogue;
        var practices = RecommenderInputs.Practices(catalogue);
        using var db = SmartyDbContextFactory.Create(connection);
        var progress = new Progress(4, "train");
        var stored = FeedbackDatabase.Read(db);
        progress.Step($"read {stored.Events.Count} events from {stored.Firms.Count} firms");

        var labels = LabelBuilder.Build(stored.Events);
        var random = new Random64(options.Seed);
        var (training, heldOut) = ModelGate.SplitByFirm(labels, random.Fork("gate"));
        var candidate = trainer.Train(stored.Firms, practices, training, random.Fork("validation"));
        progress.Step($"trained on {training.Count} labelled pairs");

        var (current, currentVersion) = Current(stored, args, practices);
        var decision = ModelGate.Compare(current, candidate, stored.Firms, practices, heldOut, args.Int("min-firms", 20), args.Float("min-gain", 0));
        progress.Step("compared with " + currentVersion);

        var trainingHash = TrainingSet.Hash(labels);
        var version = args.Optional("version") ?? "feedback-" + trainingHash[..12];
        var metadata = new ModelMetadata(
            version,
            trainer.FmOptions,
            TrainingSet.Hash(practices),
            trainingHash,
            new Dictionary<string, double>(StringComparer.Ordinal)
            {
                ["held-out ndcg@5 (candidate)"] = decision.CandidateNdcg,
                ["held-out ndcg@5 (current)"] = decision.CurrentNdcg,
                ["held-out firms"] = decision.Firms,
            },
            $"Trained by {trainer.Name} on stored feedback ({training.Count} labelled pairs; {labels.Count - training.Count} held out for the gate). Gate against {currentVersion}: {decision.Reason}",
            TrainingSource.Feedback,
            trainer.Name,
            trainer.FmOptions is null ? trainer.Settings : null);
        var json = ModelFile.Serialize(candidate, metadata);
        Write(output, json);

        if (args.Flag("publish"))
        {
            if (db.RecommenderModels.Any(m => m.ModelVersion == version))
            {
                throw new InvalidDataException($"A model with version {version} is already recorded; nothing new to publish.");
            }

            db.RecommenderModels.Add(new RecommenderModelRecord
            {
                ModelVersion = version,
                Json = json,
                ContentHash = ModelFile.Sha256(json),
                Published = decision.Publish,
                ComparedWith = currentVersion,
                CurrentNdcg = decision.CurrentNdcg,
                CandidateNdcg = decision.CandidateNdcg,
                HeldOutFirms = decision.Firms,
                GateReport = decision.Reason,
                CreatedAt = TimeProvider.System.GetUtcNow().UtcDateTime,
            });
            db.SaveChanges();
        }

        progress.Step(decision.Publish ? "passed the gate" : "did not pass the gate");
        var verdict = !args.Flag("publish") ? (decision.Publish ? "would be published (run with --publish)" : "would not be published")
            : decision.Publish ? "published" : "recorded, not published";
        Console.WriteLine($"model {version}: {verdict}; {decision.Reason} Wrote {output}");
        return 0;
    }

    private static string TrainerName(Arguments args) => args.Optional("trainer") ?? Trainers.Default;

    /// <summary>The model the candidate must beat: the published one, else the given or shipped file, else the rule prior alone.</summary>
    private static (RankingModel Model, string Version) Current(FeedbackDatabase stored, Arguments args, IReadOnlyList<PracticeProfile> practices)
    {
        if (stored.Published is { } published)
        {
            return (published, stored.PublishedVersion!);
        }

        if (stored.PublishedProblem is { } problem)
        {
            Console.Error.WriteLine($"warning: {problem} Comparing with the model the app falls back to.");
        }

        var file = args.Optional("current") ?? Path.Combine("models", "smarty-fm.json");
        if (File.Exists(file))
        {
            var (model, metadata) = ModelFile.Load(file);
            return (model, metadata.ModelVersion);
        }

        return (FmModel.PriorOnly(FeedbackTraining.Vocabulary([], practices, [])), "the rule prior");
    }

    private static void Write(string path, string json)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, json);
    }
}
