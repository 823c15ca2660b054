namespace SmartyAssess.Data.Entities;

/// <summary>
/// What one submitted assessment contributes to the regional partners' insights, written in the
/// same transaction as its result (ADR 0020). Every instance keeps these in memory and reads new
/// ones by <see cref="Id"/>; nothing here names the firm beyond the random <see cref="FirmId"/>,
/// which never leaves the server.
/// </summary>
public sealed class InsightFact
{
    /// <summary>Ascending in insertion order: instances read what is new since the last id they saw.</summary>
    public long Id { get; set; }

    public Guid AssessmentId { get; set; }

    /// <summary>A random key shared by the assessments of one firm's series, so that a firm counts once.</summary>
    public Guid FirmId { get; set; }

    public bool Reassessment { get; set; }

    /// <summary>Written by <c>smartyassess seed-demo</c>: a made-up firm. The tool refuses a database holding any fact without it.</summary>
    public bool Synthetic { get; set; }

    public DateTime SubmittedAt { get; set; }

    public string? Country { get; set; }

    public string? Region { get; set; }

    public string? Sector { get; set; }

    public string? Size { get; set; }

    public List<FactScore> Scores { get; set; } = [];

    public List<BarrierChoice> Barriers { get; set; } = [];
}

/// <summary>A dimension the firm was assessed on: its score (0–100) and band id.</summary>
public sealed record FactScore(string Dimension, double Score, string Band);

/// <summary>
/// A fact deleted by an erasure, by its number only, so that every instance drops it from memory.
/// It holds nothing that leads back to the firm: the fact it numbered is gone.
/// </summary>
public sealed class InsightFactRemoval
{
    public long Id { get; set; }

    public long FactId { get; set; }

    public DateTime RemovedAt { get; set; }
}
