using SmartyAssess.Cli.Simulation;
using SmartyAssess.Recommender;

namespace SmartyAssess.Cli.Tests;

/// <summary>The evaluation gate on a synthetic world, where a trained model is known to beat the rule prior.</summary>
public class ModelGateTests
{
    private static readonly SyntheticWorld s_world = SyntheticWorld.Generate(new WorldOptions(Seed: 4, Smes: 300, Practices: 30));

    private static (FmModel Trained, FmModel Prior, IReadOnlyList<LabelledPair> HeldOut) Models()
    {
        var labels = LabelBuilder.Build(s_world.Feedback);
        var (training, heldOut) = ModelGate.SplitByFirm(labels, new Random64(1));
        var trained = FeedbackTraining.Train(s_world.Smes, s_world.Practices, training, new TrainingOptions(), new Random64(2));
        var prior = FmModel.PriorOnly(FeedbackTraining.Vocabulary(s_world.Smes, s_world.Practices, []));
        return (trained, prior, heldOut);
    }

    [Fact]
    public void SplitByFirm_HoldsOutAFifthOfTheFirmsWithAllTheirLabels()
    {
        var labels = LabelBuilder.Build(s_world.Feedback);

        var (training, heldOut) = ModelGate.SplitByFirm(labels, new Random64(1));

        var heldFirms = heldOut.Select(l => l.SmeId).ToHashSet();
        Assert.Equal(60, heldFirms.Count);
        Assert.DoesNotContain(training, l => heldFirms.Contains(l.SmeId));
        Assert.Equal(labels.Count, training.Count + heldOut.Count);
    }

    [Fact]
    public void Compare_ABetterCandidate_IsPublished_AndAWorseOneIsNot()
    {
        var (trained, prior, heldOut) = Models();

        var better = ModelGate.Compare(prior, trained, s_world.Smes, s_world.Practices, heldOut);
        var worse = ModelGate.Compare(trained, prior, s_world.Smes, s_world.Practices, heldOut);

        Assert.True(better.Publish, better.Reason);
        Assert.True(better.CandidateNdcg > better.CurrentNdcg);
        Assert.False(worse.Publish, worse.Reason);
        Assert.Equal(better.CandidateNdcg, worse.CurrentNdcg, 12);
    }

    [Fact]
    public void Compare_TheSameModel_IsNotPublished()
    {
        var (trained, _, heldOut) = Models();

        var decision = ModelGate.Compare(trained, trained, s_world.Smes, s_world.Practices, heldOut);

        Assert.False(decision.Publish);
        Assert.Contains("not better", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_WithTooFewHeldOutFirms_PublishesNothing()
    {
        var (trained, prior, heldOut) = Models();
        var fewFirms = heldOut.Select(l => l.SmeId).Distinct().Take(5).ToHashSet();

        var decision = ModelGate.Compare(prior, trained, s_world.Smes, s_world.Practices, [.. heldOut.Where(l => fewFirms.Contains(l.SmeId))]);

        Assert.False(decision.Publish);
        Assert.True(decision.Firms <= 5);
    }
}
