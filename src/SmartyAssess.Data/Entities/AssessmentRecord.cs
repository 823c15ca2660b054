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

    /// <summary>
    /// One firm's assessments over time (T0, T1, …) share a random series id; it is set on both when
    /// the first re-assessment starts, and names no assessment, so erasing one leaves no reference to it.
    /// </summary>
    public Guid? SeriesId { get; set; }

    /// <summary>The assessment this one re-assessed (pre-filled from); cleared when that one is erased.</summary>
    public Guid? PreviousAssessmentId { get; set; }

    /// <summary>
    /// Set when a hub's advisor started this re-assessment for a client. Its links stay with the firm:
    /// on submission the resume token is dropped and the advisor goes to the client page, so the
    /// advisor never holds the result id (the firm's capability).
    /// </summary>
    public Guid? StartedByHubId { get; set; }

    /// <summary>Target level (0–5) per dimension id, set by the firm or its advisor; a missing dimension means one level up.</summary>
    public Dictionary<string, int> Targets { get; set; } = [];

    public AssessmentResult? Result { get; set; }
}
