namespace SmartyAssess.Data.Entities;

/// <summary>
/// The scores as they were computed at submission, with the versions that produced them, so that
/// the result is shown as it was even after the questionnaire or the scoring rules change.
/// </summary>
public sealed class AssessmentResult
{
    /// <summary>128 random bits, base64url; knowing it is what allows reading the result.</summary>
    public required string Id { get; set; }

    public Guid AssessmentId { get; set; }

    public AssessmentRecord? Assessment { get; set; }

    public required string QuestionnaireVersion { get; set; }

    public required string ScoringVersion { get; set; }

    public DateTime CreatedAt { get; set; }

    public double? OverallScore { get; set; }

    public string? OverallBand { get; set; }

    public string? WeakestDimensionId { get; set; }

    public List<DimensionResult> Dimensions { get; set; } = [];
}
