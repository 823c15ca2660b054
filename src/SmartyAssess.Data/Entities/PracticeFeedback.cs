namespace SmartyAssess.Data.Entities;

/// <summary>
/// One feedback event on a practice for an assessment. Events are only ever added: a firm that
/// changes its mind adds a new one, and the latest counts. The log is the recommender's training data.
/// </summary>
public sealed class PracticeFeedback
{
    public long Id { get; set; }

    public Guid AssessmentId { get; set; }

    public required string PracticeId { get; set; }

    public PracticeFeedbackKind Kind { get; set; }

    /// <summary>Who gave it: <see cref="FeedbackSources.Sme"/> (results page or API with the result's link) or <see cref="FeedbackSources.Advisor"/> (on the client's behalf).</summary>
    public required string Source { get; set; }

    /// <summary>The model version and rank the practice was shown with, when it was shown (feedback on any practice is allowed).</summary>
    public string? ModelVersion { get; set; }

    public int? Rank { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The advisor's hub, for advisor feedback.</summary>
    public Guid? HubId { get; set; }
}

/// <summary>The values of <see cref="PracticeFeedback.Source"/>.</summary>
public static class FeedbackSources
{
    public const string Sme = "sme";
    public const string Advisor = "advisor";
}
