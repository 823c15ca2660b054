namespace SmartyAssess.Data.Entities;

/// <summary>
/// A practice shown to a firm as a recommendation: one row per assessment, model version and
/// practice (the first rank it was shown at), so reloading the page does not inflate the log.
/// </summary>
public sealed class RecommendationImpression
{
    public long Id { get; set; }

    public Guid AssessmentId { get; set; }

    public required string PracticeId { get; set; }

    public required string ModelVersion { get; set; }

    public int Rank { get; set; }

    public double Score { get; set; }

    public DateTime ShownAt { get; set; }
}
