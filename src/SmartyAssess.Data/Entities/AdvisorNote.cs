namespace SmartyAssess.Data.Entities;

/// <summary>A hub advisor's private note on a client's assessment; shown only to that hub's advisors while the assessment is shared with it.</summary>
public sealed class AdvisorNote
{
    public long Id { get; set; }

    public Guid AssessmentId { get; set; }

    public Guid HubId { get; set; }

    /// <summary>The advisor who wrote it; only they may edit it.</summary>
    public Guid AuthorId { get; set; }

    /// <summary>Kept with the note so that it still says who wrote it after the account is disabled.</summary>
    public required string AuthorEmail { get; set; }

    public required string Text { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
