namespace SmartyAssess.Data.Entities;

/// <summary>
/// An SME's consent to let one hub see one assessment (GDPR art. 7: the record shows what was agreed
/// to, when, and under which privacy notice). Revoking sets <see cref="RevokedAt"/>; sharing again
/// adds a new record, so the history stays.
/// </summary>
public sealed class ShareConsent
{
    public Guid Id { get; set; }

    public Guid AssessmentId { get; set; }

    public Guid HubId { get; set; }

    public HubRecord? Hub { get; set; }

    /// <summary>The name the firm chose to be known by at this hub; null shows sector, size and region instead.</summary>
    public string? FirmLabel { get; set; }

    /// <summary>What the hub may see, as the comma-separated parts of <see cref="ShareScopes"/>.</summary>
    public required string Scope { get; set; }

    /// <summary>The privacy notice the firm was shown when it agreed.</summary>
    public required string PrivacyNoticeVersion { get; set; }

    /// <summary>Set when an advisor's re-assessment carried an active share over to the new assessment.</summary>
    public Guid? ContinuedFromId { get; set; }

    public DateTime GrantedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}

/// <summary>The parts of an assessment a share covers.</summary>
public static class ShareScopes
{
    public const string Full = "profile,answers,scores,recommendations,feedback";
}
