namespace SmartyAssess.Data.Entities;

/// <summary>
/// One firm's run through the questionnaire: a draft while the steps are being filled in, then
/// submitted with exactly one <see cref="AssessmentResult"/>.
/// </summary>
public sealed class AssessmentRecord
{
    public Guid Id { get; set; }

    /// <summary>SHA-256 of the resume token; the token itself is never stored. Null for API submissions.</summary>
    public byte[]? ResumeTokenHash { get; set; }

    public required string QuestionnaireVersion { get; set; }

    public string Language { get; set; } = "en";

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>When the barriers and goals step was saved; that step may legitimately hold nothing.</summary>
    public DateTime? BarriersSavedAt { get; set; }

    public DateTime? SubmittedAt { get; set; }

    /// <summary>Optimistic concurrency: two tabs saving the same draft must not silently overwrite each other's rows.</summary>
    public int Revision { get; set; }

    public List<ProfileAnswer> Profile { get; set; } = [];

    public List<AssessmentAnswer> Answers { get; set; } = [];

    public List<AssessmentBarrier> Barriers { get; set; } = [];

    public List<AssessmentGoal> Goals { get; set; } = [];

    public AssessmentResult? Result { get; set; }
}
