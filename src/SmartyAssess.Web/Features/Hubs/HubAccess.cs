using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SmartyAssess.Data;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Web.Features.Hubs;

/// <summary>Who is asking for a hub's data: a signed-in advisor, or one of the hub's API tokens.</summary>
/// <param name="UserId">The advisor; null for a token.</param>
/// <param name="Email">The advisor's e-mail address, shown with their notes.</param>
public sealed record HubCaller(Guid HubId, string HubName, Guid? UserId, string? Email);

/// <summary>
/// Resolves the caller's hub on every request from the database, not from the cookie: a disabled
/// account or hub, a revoked token and a revoked share all take effect on the next request.
/// </summary>
public sealed class HubAccess(SmartyDbContext db)
{
    public async Task<HubCaller?> ResolveAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (principal.FindFirst(HubTokenAuthentication.HubClaim)?.Value is { } tokenHub && Guid.TryParse(tokenHub, out var hubId))
        {
            // The token handler checked the token itself; the hub may have been disabled since.
            var hub = await db.Hubs.AsNoTracking().Where(h => h.Id == hubId && h.DisabledAt == null).Select(h => h.Name).SingleOrDefaultAsync(cancellationToken);
            return hub is null ? null : new HubCaller(hubId, hub, null, null);
        }

        if (!principal.IsInRole(Roles.Advisor) || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return null;
        }

        var advisor = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.DisabledAt == null && u.HubId != null && u.Hub!.DisabledAt == null)
            .Select(u => new { HubId = u.HubId!.Value, HubName = u.Hub!.Name, u.Email })
            .SingleOrDefaultAsync(cancellationToken);
        return advisor is null ? null : new HubCaller(advisor.HubId, advisor.HubName, userId, advisor.Email);
    }

    /// <summary>True when the submitted assessment is shared with the caller's hub right now (a re-assessment still being filled in is not yet a client's result).</summary>
    public Task<bool> CanSeeAsync(HubCaller caller, Guid assessmentId, CancellationToken cancellationToken) =>
        db.ShareConsents.AnyAsync(c => c.HubId == caller.HubId && c.AssessmentId == assessmentId && c.RevokedAt == null && db.Results.Any(r => r.AssessmentId == assessmentId), cancellationToken);
}
