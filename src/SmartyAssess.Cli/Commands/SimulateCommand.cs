using SmartyAssess.Cli.Simulation;
using SmartyAssess.Recommender;

namespace SmartyAssess.Cli.Commands;

/// <summary><c>simulate --seed N --smes 300 --out &lt;dir&gt; [--practices 40] [--impressions 8]</c>: writes a synthetic world.</summary>
internal static class SimulateCommand
{
    public static int Run(Arguments args)
    {
        var output = args.Required("out");
        var options = new WorldOptions(
            Seed: args.Int("seed", 1),
            Smes: args.Int("smes", 300),
            Practices: args.Int("practices", 40),
            ImpressionsPerSme: args.Int("impressions", 8),
            Catalogue: args.Optional("catalogue") is { } catalogue ? Path.GetFullPath(catalogue) : null);
        var progress = new Progress(2, "simulate");
        var world = SyntheticWorld.Generate(options);
        progress.Step("generated");
        world.Save(output);
        progress.Step("saved");
        var kinds = world.Feedback.GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.Count());
        Console.WriteLine($"simulated {world.Smes.Count} SMEs and {world.Practices.Count} practices (seed {options.Seed}) in {output}: " +
            $"{kinds.GetValueOrDefault(FeedbackKind.ShownNoAction)} impressions, {kinds.GetValueOrDefault(FeedbackKind.Adopted)} adopted, " +
            $"{kinds.GetValueOrDefault(FeedbackKind.Relevant)} relevant, {kinds.GetValueOrDefault(FeedbackKind.NotRelevant)} not relevant");
        return 0;
    }
}
