namespace SmartyAssess.Data.Entities;

/// <summary>
/// A bearer token for a hub's own systems (a CRM). Only the SHA-256 of the secret is stored: the
/// secret has 256 random bits, so a fast hash is enough and a slow one would only cost every call.
/// </summary>
public sealed class HubApiToken
{
    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    public required string Name { get; set; }

    public required byte[] SecretHash { get; set; }

    /// <summary>The first characters of the token, so that advisors can tell their tokens apart.</summary>
    public required string Prefix { get; set; }

    /// <summary>Always <c>read</c> so far: no API writes on a hub's behalf.</summary>
    public required string Scope { get; set; }

    public Guid CreatedById { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
