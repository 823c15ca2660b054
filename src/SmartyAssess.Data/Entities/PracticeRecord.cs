namespace SmartyAssess.Data.Entities;

/// <summary>
/// A practice of the catalogue as last seeded from <c>data/catalogue</c>. The files are the
/// source of truth; rows exist so that feedback, notes and history can refer to a practice, and
/// are kept (withdrawn) when a practice leaves the catalogue.
/// </summary>
public sealed class PracticeRecord
{
    public required string Id { get; set; }

    public required string Title { get; set; }

    public required string Theme { get; set; }

    public required string Country { get; set; }

    public required string Provenance { get; set; }

    /// <summary>The practice file's exact text.</summary>
    public required string Json { get; set; }

    /// <summary>SHA-256 of <see cref="Json"/>, hex: an edited file is seen by its hash.</summary>
    public required string ContentHash { get; set; }

    public DateTime FirstSeenAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public bool Withdrawn { get; set; }
}
