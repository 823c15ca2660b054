using SmartyAssess.Cli.Evaluation;
using SmartyAssess.Cli.Simulation;
using SmartyAssess.Recommender;

namespace SmartyAssess.Cli.Tests;

public class SyntheticWorldTests
{
    private static readonly WorldOptions s_small = new(Seed: 5, Smes: 80, Practices: 24);

    [Fact]
    public void Generate_SameSeed_SameWorld_OtherSeed_OtherWorld()
    {
        var a = SyntheticWorld.Generate(s_small);
        var b = SyntheticWorld.Generate(s_small);
        var c = SyntheticWorld.Generate(s_small with { Seed = 6 });

        Assert.Equal(a.Feedback, b.Feedback);
        Assert.Equal(a.Utility, b.Utility);
        Assert.NotEqual(a.Utility, c.Utility);
    }

    [Fact]
    public void Truth_GradesTheTopThreeTwoAndTheNextFiveOne()
    {
        var world = SyntheticWorld.Generate(s_small);

        var truth = world.Truth(0);

        Assert.Equal(3, truth.Count(t => t.Value == 2));
        Assert.Equal(5, truth.Count(t => t.Value == 1));
        var best = Enumerable.Range(0, world.Practices.Count).MaxBy(i => world.U(0, i));
        Assert.Equal(2, truth[world.Practices[best].Id]);
    }

    [Fact]
    public void Feedback_FollowsTheLoggingPolicy_ImpressionsPerFirmAndDecisiveEventsOnlyForShownPractices()
    {
        var world = SyntheticWorld.Generate(s_small);

        var shown = world.Feedback.Where(e => e.Kind == FeedbackKind.ShownNoAction).GroupBy(e => e.SmeId).ToList();
        Assert.All(shown, g => Assert.Equal(s_small.ImpressionsPerSme, g.Count()));
        var impressions = shown.SelectMany(g => g.Select(e => (e.SmeId, e.PracticeId))).ToHashSet();
        Assert.All(world.Feedback.Where(e => e.Kind != FeedbackKind.ShownNoAction), e => Assert.Contains((e.SmeId, e.PracticeId), impressions));
    }

    [Fact]
    public void Harness_OracleIsPerfectAndBaselinesAreOrdered()
    {
        var world = SyntheticWorld.Generate(s_small);
        var results = new Dictionary<string, MethodResult>(StringComparer.Ordinal);

        Harness.Run("cold-sme", world, new TrainingOptions(MaxEpochs: 10), results);

        double Ndcg(string method) => results[method].PerFirm["ndcg@5"].Average();
        Assert.Equal(1.0, Ndcg("oracle"), 10);
        Assert.True(Ndcg("feature-oracle") > Ndcg("prior"));
        Assert.True(Ndcg("prior") > Ndcg("random"));
        Assert.Equal(s_small.Smes / 5, results["model"].PerFirm["ndcg@5"].Count);
    }
}
