namespace SmartyAssess.Data.Entities;

/// <summary>
/// A bearer token with which a partner analyst's own systems read the insights API. It acts as
/// its analyst: the analyst's regions, role and state are read on every request, so disabling the
/// account stops its tokens too. Only a SHA-256 hash of the secret is kept.
/// </summary>
public sealed class PartnerApiToken
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public required string Name { get; set; }

    public required byte[] SecretHash { get; set; }

    /// <summary>The first characters, so that the analyst can tell tokens apart.</summary>
    public required string Prefix { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
