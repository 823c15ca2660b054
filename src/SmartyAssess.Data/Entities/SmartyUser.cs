using Microsoft.AspNetCore.Identity;

namespace SmartyAssess.Data.Entities;

/// <summary>
/// A person who signs in: a hub's advisor, a regional partner's analyst or an administrator.
/// SMEs have no account; their assessments are reached by capability links.
/// </summary>
public sealed class SmartyUser : IdentityUser<Guid>
{
    /// <summary>The hub an advisor belongs to; null for other roles.</summary>
    public Guid? HubId { get; set; }

    public HubRecord? Hub { get; set; }

    /// <summary>NUTS codes a partner analyst may see aggregates of; empty for other roles.</summary>
    public List<string> Regions { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    /// <summary>Set when an administrator disables the account; it cannot sign in and its sessions end.</summary>
    public DateTime? DisabledAt { get; set; }
}
