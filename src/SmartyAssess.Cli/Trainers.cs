using SmartyAssess.Recommender;
using SmartyAssess.Recommender.MLNet;

namespace SmartyAssess.Cli;

/// <summary>One way to train the served model from labelled pairs.</summary>
/// <param name="Name">As the command line and the reports name it.</param>
/// <param name="Train">Trains on every firm's labels; the generator makes any choice the trainer leaves to chance.</param>
/// <param name="Settings">Its hyperparameters, for the model file.</param>
/// <param name="FmOptions">The options of <c>fm</c>, recorded as they always were; null for another trainer.</param>
internal sealed record Trainer(
    string Name,
    Func<IReadOnlyList<SmeProfile>, IReadOnlyList<PracticeProfile>, IReadOnlyList<LabelledPair>, Random64, RankingModel> Train,
    IReadOnlyDictionary<string, string> Settings,
    TrainingOptions? FmOptions);

/// <summary>The trainers <c>train --trainer</c> and <c>evaluate --trainers</c> choose from.</summary>
internal static class Trainers
{
    /// <summary>Our own factorisation machine (ADR 0009, 0011): the baseline.</summary>
    public const string Fm = "fm";

    /// <summary>ML.NET's field-aware factorisation machine (ADR 0021).</summary>
    public const string MlNetFfm = "mlnet-ffm";

    /// <summary>ML.NET's LightGBM LambdaRank (ADR 0021).</summary>
    public const string MlNetLambdaRank = "mlnet-lambdarank";

    public static readonly string[] Names = [Fm, MlNetFfm, MlNetLambdaRank];

    /// <summary>The default of <c>train</c>.</summary>
    public const string Default = Fm;

    /// <param name="seed">Overrides <c>--seed</c> (each seed of an evaluation).</param>
    /// <param name="label">The name reports use; the trainer's own by default.</param>
    public static Trainer Create(string name, Arguments args, ulong? seed = null, string? label = null)
    {
        var options = Training.Options(args);
        options = seed is { } s ? options with { Seed = s } : options;
        return name switch
        {
            Fm => new Trainer(label ?? Fm, (smes, practices, labels, random) => FeedbackTraining.Train(smes, practices, labels, options, random), new Dictionary<string, string>(), options),
            MlNetFfm => MlNet(label ?? MlNetFfm, FfmOptions(args, options)),
            MlNetLambdaRank => LambdaRank(label ?? MlNetLambdaRank, LambdaRankOptions(args, options)),
            _ => throw new UsageException($"Unknown trainer '{name}'; one of: {string.Join(", ", Names)}."),
        };
    }

    public static MlNetFfmOptions FfmOptions(Arguments args, TrainingOptions fm)
    {
        var defaults = new MlNetFfmOptions();
        return new MlNetFfmOptions(
            LatentDimension: args.Int("ffm-dimension", defaults.LatentDimension),
            Iterations: args.Int("ffm-iterations", defaults.Iterations),
            LearningRate: args.Float("ffm-learning-rate", defaults.LearningRate),
            LambdaLinear: args.Float("ffm-lambda-linear", defaults.LambdaLinear),
            LambdaLatent: args.Float("ffm-lambda-latent", defaults.LambdaLatent),
            Kappa: fm.Kappa,
            Seed: (int)(fm.Seed % int.MaxValue),
            Radius: args.Float("ffm-radius", defaults.Radius),
            Features: Kinds("ffm-features", args.Optional("ffm-features") ?? defaults.Features));
    }

    private static string Kinds(string option, string specification)
    {
        try
        {
            return FeatureInteractions.Normalise(specification);
        }
        catch (FormatException e)
        {
            throw new UsageException($"--{option}: {e.Message}");
        }
    }

    public static MlNetLambdaRankOptions LambdaRankOptions(Arguments args, TrainingOptions fm)
    {
        var defaults = new MlNetLambdaRankOptions();
        return new MlNetLambdaRankOptions(
            Trees: args.Int("trees", defaults.Trees),
            Leaves: args.Int("leaves", defaults.Leaves),
            MinimumPerLeaf: args.Int("min-per-leaf", defaults.MinimumPerLeaf),
            LearningRate: args.Float("tree-learning-rate", (float)defaults.LearningRate),
            Kappa: fm.Kappa,
            Seed: (int)(fm.Seed % int.MaxValue),
            Threads: args.Int("threads", defaults.Threads),
            Features: Kinds("tree-features", args.Optional("tree-features") ?? defaults.Features));
    }

    private static Trainer LambdaRank(string label, MlNetLambdaRankOptions options) => new(
        label,
        (smes, practices, labels, _) => MlNetLambdaRankTrainer.Train(smes, practices, labels, options),
        new Dictionary<string, string>
        {
            ["trees"] = Invariant(options.Trees),
            ["leaves"] = Invariant(options.Leaves),
            ["minimumPerLeaf"] = Invariant(options.MinimumPerLeaf),
            ["learningRate"] = Invariant(options.LearningRate),
            ["kappa"] = Invariant(options.Kappa),
            ["seed"] = Invariant(options.Seed),
            ["threads"] = Invariant(options.Threads),
            ["features"] = options.Features,
        },
        null);

    private static Trainer MlNet(string label, MlNetFfmOptions options) => new(
        label,
        (smes, practices, labels, _) => MlNetFfmTrainer.Train(smes, practices, labels, options),
        new Dictionary<string, string>
        {
            ["latentDimension"] = Invariant(options.LatentDimension),
            ["iterations"] = Invariant(options.Iterations),
            ["learningRate"] = Invariant(options.LearningRate),
            ["lambdaLinear"] = Invariant(options.LambdaLinear),
            ["lambdaLatent"] = Invariant(options.LambdaLatent),
            ["kappa"] = Invariant(options.Kappa),
            ["seed"] = Invariant(options.Seed),
            ["radius"] = Invariant(options.Radius),
            ["features"] = options.Features,
        },
        null);

    private static string Invariant(IFormattable value) => value.ToString(null, System.Globalization.CultureInfo.InvariantCulture);
}
