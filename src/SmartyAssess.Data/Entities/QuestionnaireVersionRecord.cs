namespace SmartyAssess.Data.Entities;

/// <summary>
/// The exact text of every questionnaire version the service has used, so that results taken with
/// an old version can be shown and recomputed even after its file has left <c>data/</c>.
/// </summary>
public sealed class QuestionnaireVersionRecord
{
    public required string Version { get; set; }

    /// <summary>SHA-256 of <see cref="Json"/>, hex.</summary>
    public required string ContentHash { get; set; }

    public required string Json { get; set; }

    public DateTime FirstSeenAt { get; set; }
}
