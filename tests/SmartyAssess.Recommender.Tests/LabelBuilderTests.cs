namespace SmartyAssess.Recommender.Tests;

public class LabelBuilderTests
{
    [Fact]
    public void Build_LatestDecisiveEventWins_ShownOnlyIsAWeakNegative()
    {
        var labels = LabelBuilder.Build(
        [
            new("u1", "a", FeedbackKind.ShownNoAction, 1),
            new("u1", "a", FeedbackKind.Relevant, 2),
            new("u1", "a", FeedbackKind.NotRelevant, 3),
            new("u1", "a", FeedbackKind.ShownNoAction, 4),
            new("u1", "b", FeedbackKind.ShownNoAction, 5),
            new("u2", "a", FeedbackKind.Adopted, 6),
        ]);

        Assert.Equal(
            [new LabelledPair("u1", "a", -1, 1), new LabelledPair("u1", "b", -1, 0.2f), new LabelledPair("u2", "a", 1, 2)],
            labels);
    }
}
