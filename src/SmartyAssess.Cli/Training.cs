using SmartyAssess.Recommender;

namespace SmartyAssess.Cli;

/// <summary>Hyperparameters from the command line, with the engine's defaults.</summary>
internal static class Training
{
    public static TrainingOptions Options(Arguments args)
    {
        var defaults = new TrainingOptions();
        return new TrainingOptions(
            Factors: args.Int("factors", defaults.Factors),
            LearningRate: args.Float("learning-rate", defaults.LearningRate),
            LambdaWeights: args.Float("lambda-weights", defaults.LambdaWeights),
            LambdaLatent: args.Float("lambda-latent", defaults.LambdaLatent),
            LambdaIdentifiers: args.Float("lambda-ids", defaults.LambdaIdentifiers),
            MaxEpochs: args.Int("epochs", defaults.MaxEpochs),
            Patience: args.Int("patience", defaults.Patience),
            NegativesPerPositive: args.Int("negatives", defaults.NegativesPerPositive),
            Seed: (ulong)args.Int("seed", (int)defaults.Seed),
            Kappa: args.Float("kappa", defaults.Kappa),
            Interactions: Interactions(args.Optional("interactions") ?? defaults.Interactions));
    }

    private static string Interactions(string specification)
    {
        try
        {
            return FeatureInteractions.Normalise(specification);
        }
        catch (FormatException e)
        {
            throw new UsageException($"--interactions: {e.Message}");
        }
    }
}
