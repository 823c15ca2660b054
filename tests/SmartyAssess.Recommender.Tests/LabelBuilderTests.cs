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

    [Fact]
    public void Build_TheFirmsOwnWordOutranksItsAdvisors_AdvisorEventsDecideOnlyWhereTheFirmSaidNothing()
    {
        var labels = LabelBuilder.Build(
        [
            // The firm said "not relevant"; its advisor later recorded a plan: the firm's word counts.
            new("u1", "a", FeedbackKind.NotRelevant, 1, FeedbackSource.Firm),
            new("u1", "a", FeedbackKind.Planned, 2, FeedbackSource.Advisor),
            // Only the advisor spoke: a plan is a positive between "relevant" and "adopted".
            new("u1", "b", FeedbackKind.ShownNoAction, 3),
            new("u1", "b", FeedbackKind.Planned, 4, FeedbackSource.Advisor),
            // Two advisor events: the latest counts.
            new("u2", "a", FeedbackKind.Relevant, 5, FeedbackSource.Advisor),
            new("u2", "a", FeedbackKind.Adopted, 6, FeedbackSource.Advisor),
        ]);

        Assert.Equal(
            [new LabelledPair("u1", "a", -1, 1), new LabelledPair("u1", "b", 1, 1.5f), new LabelledPair("u2", "a", 1, 2)],
            labels);
    }
}
