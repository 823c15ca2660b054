namespace SmartyAssess.Recommender;

/// <summary>What a firm or its advisor said about a recommended practice.</summary>
public enum FeedbackKind
{
    /// <summary>Shown, and nothing was said about it.</summary>
    ShownNoAction,

    /// <summary>"Not relevant to us".</summary>
    NotRelevant,

    /// <summary>"Relevant to us".</summary>
    Relevant,

    /// <summary>"We have adopted / plan to adopt".</summary>
    Adopted,

    /// <summary>"Planned": put in the firm's action plan, as recorded by its advisor.</summary>
    Planned,
}

/// <summary>Who recorded a feedback event.</summary>
public enum FeedbackSource
{
    /// <summary>The firm itself, on its results page or through the API with its link.</summary>
    Firm,

    /// <summary>A hub advisor, on the client's behalf (the client shared the assessment with the hub).</summary>
    Advisor,
}

/// <summary>One feedback event (impressions count as <see cref="FeedbackKind.ShownNoAction"/>).</summary>
/// <param name="SmeId">The firm.</param>
/// <param name="PracticeId">The practice.</param>
/// <param name="Kind">What was said.</param>
/// <param name="Sequence">Order of events; the latest decisive event of a pair wins.</param>
/// <param name="Source">Who recorded it; the firm's own word outranks its advisor's (see <see cref="LabelBuilder.Build"/>).</param>
public readonly record struct FeedbackEvent(string SmeId, string PracticeId, FeedbackKind Kind, long Sequence, FeedbackSource Source = FeedbackSource.Firm);

/// <summary>A label for one (firm, practice) pair.</summary>
/// <param name="SmeId">The firm.</param>
/// <param name="PracticeId">The practice.</param>
/// <param name="Label">+1 or −1.</param>
/// <param name="Weight">How much it counts.</param>
public readonly record struct LabelledPair(string SmeId, string PracticeId, float Label, float Weight);

/// <summary>Turns feedback events into training labels (recommender-design.md §5.2).</summary>
public static class LabelBuilder
{
    /// <summary>
    /// One label per pair from its latest decisive event (adopted, planned, relevant, not relevant);
    /// a pair only ever shown is a weak negative. The source is part of the data: when the firm itself
    /// said something about the practice, its latest word decides, and an advisor's events only decide
    /// for pairs the firm left unanswered, because the advisor records on the firm's behalf and the
    /// firm knows its own situation best. Sorted by firm, then practice.
    /// </summary>
    /// <param name="events">Feedback and impressions.</param>
    public static IReadOnlyList<LabelledPair> Build(IEnumerable<FeedbackEvent> events) =>
        [.. events
            .GroupBy(e => (e.SmeId, e.PracticeId))
            .Select(g =>
            {
                var decisive = g.Where(e => e.Kind != FeedbackKind.ShownNoAction)
                    .OrderBy(e => e.Source == FeedbackSource.Firm ? 1 : 0)
                    .ThenBy(e => e.Sequence)
                    .LastOrDefault();
                var kind = decisive == default ? FeedbackKind.ShownNoAction : decisive.Kind;
                var (label, weight) = kind switch
                {
                    FeedbackKind.Adopted => (1f, 2f),
                    // A plan is a strong "relevant" but not yet an adoption.
                    FeedbackKind.Planned => (1f, 1.5f),
                    FeedbackKind.Relevant => (1f, 1f),
                    FeedbackKind.NotRelevant => (-1f, 1f),
                    _ => (-1f, 0.2f),
                };
                return new LabelledPair(g.Key.SmeId, g.Key.PracticeId, label, weight);
            })
            .OrderBy(l => l.SmeId, StringComparer.Ordinal)
            .ThenBy(l => l.PracticeId, StringComparer.Ordinal)];
}
