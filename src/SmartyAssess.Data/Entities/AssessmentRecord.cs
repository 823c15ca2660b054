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

    /// <summary>Company-profile answers by field id (sector, size, region, …; the questionnaire version defines the fields).</summary>
    public Dictionary<string, string> Profile { get; set; } = [];

    /// <summary>
    /// Answers by question id. Profile, answers, barriers and goals are JSON documents in this one
    /// row: a draft is always read and written whole, and one row instead of one per answer is
    /// what let submissions meet their latency target on SQLite (docs/decisions/0004-answers-as-documents.md).
    /// </summary>
    public Dictionary<string, StoredAnswer> Answers { get; set; } = [];

    public List<BarrierChoice> Barriers { get; set; } = [];

    /// <summary>Goal ids, in the order the questionnaire lists them.</summary>
    public List<string> Goals { get; set; } = [];

    public AssessmentResult? Result { get; set; }
}
