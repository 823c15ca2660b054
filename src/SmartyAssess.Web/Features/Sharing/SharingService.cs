using Microsoft.EntityFrameworkCore;
using SmartyAssess.Data;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Web.Features.Sharing;

public enum ShareOutcome
{
    Shared,
    UnknownHub,
    HubDisabled,
    AlreadyShared,
    LabelTooLong,
}

public enum RevokeOutcome
{
    Revoked,
    NotShared,
    ResultNotFound,
}

/// <summary>
/// Consent-based sharing of one assessment with one hub. Every check of a hub's access reads the
/// consent rows afresh, so a revocation takes effect on the very next request on every instance.
/// </summary>
public sealed class SharingService(SmartyDbContext db, TimeProvider time, PrivacyOptions privacy, ILogger<SharingService> logger)
{
    public const int MaxFirmLabelLength = 80;

    /// <summary>Share codes as people type them: case, spaces and dashes do not matter.</summary>
    public static string NormalizeCode(string? code) =>
        new([.. (code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant)]);

    public async Task<HubRecord?> FindHubByCodeAsync(string? code, CancellationToken cancellationToken)
    {
        var normal = NormalizeCode(code);
        return normal.Length is 0 or > 16 ? null : await db.Hubs.AsNoTracking().SingleOrDefaultAsync(h => h.ShareCode == normal, cancellationToken);
    }

    public async Task<HubRecord?> FindHubBySlugAsync(string? slug, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(slug) || slug.Length > 80 ? null : await db.Hubs.AsNoTracking().SingleOrDefaultAsync(h => h.Slug == slug, cancellationToken);

    /// <summary>The assessment's consents, newest first, with their hubs.</summary>
    public async Task<IReadOnlyList<ShareConsent>> ConsentsAsync(Guid assessmentId, CancellationToken cancellationToken) =>
        await Recommendations.ServingQueries.For(db).ConsentsWithHubs(db, assessmentId).ToListAsync(cancellationToken);

    /// <summary>Why the assessment cannot be shared with <paramref name="hub"/> now, or null when it can.</summary>
    public async Task<ShareOutcome?> RefusalAsync(Guid assessmentId, HubRecord? hub, CancellationToken cancellationToken)
    {
        if (hub is null)
        {
            return ShareOutcome.UnknownHub;
        }

        if (hub.DisabledAt is not null)
        {
            return ShareOutcome.HubDisabled;
        }

        return await db.ShareConsents.AnyAsync(c => c.AssessmentId == assessmentId && c.HubId == hub.Id && c.RevokedAt == null, cancellationToken)
            ? ShareOutcome.AlreadyShared
            : null;
    }

    public async Task<ShareOutcome> ShareAsync(Guid assessmentId, Guid hubId, string? firmLabel, CancellationToken cancellationToken)
    {
        if (firmLabel?.Trim() is { Length: > MaxFirmLabelLength })
        {
            return ShareOutcome.LabelTooLong;
        }

        var hub = await db.Hubs.AsNoTracking().SingleOrDefaultAsync(h => h.Id == hubId, cancellationToken);
        if (await RefusalAsync(assessmentId, hub, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        db.ShareConsents.Add(new ShareConsent
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            AssessmentId = assessmentId,
            HubId = hubId,
            FirmLabel = string.IsNullOrWhiteSpace(firmLabel) ? null : firmLabel.Trim(),
            Scope = ShareScopes.Full,
            PrivacyNoticeVersion = privacy.NoticeVersion,
            GrantedAt = time.UtcNowForStorage(),
        });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Assessment {Assessment} shared with hub {Hub}", assessmentId, hubId);
        return ShareOutcome.Shared;
    }

    public async Task<RevokeOutcome> RevokeAsync(Guid assessmentId, Guid consentId, CancellationToken cancellationToken)
    {
        // One statement, so that two clicks or two instances cannot both "revoke" and the time is the first.
        var now = time.UtcNowForStorage();
        var changed = await db.ShareConsents
            .Where(c => c.Id == consentId && c.AssessmentId == assessmentId && c.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RevokedAt, now), cancellationToken);
        if (changed == 0)
        {
            return RevokeOutcome.NotShared;
        }

        // A re-assessment the hub's advisor has started but not submitted carries this share; it ends too.
        await db.ShareConsents
            .Where(c => c.ContinuedFromId == consentId && c.RevokedAt == null && !db.Results.Any(r => r.AssessmentId == c.AssessmentId))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RevokedAt, now), cancellationToken);

        logger.LogInformation("Share {Consent} of assessment {Assessment} revoked", consentId, assessmentId);
        return RevokeOutcome.Revoked;
    }

    /// <summary>The active consent that lets <paramref name="hubId"/> see the assessment, if any.</summary>
    public Task<ShareConsent?> ActiveConsentAsync(Guid hubId, Guid assessmentId, CancellationToken cancellationToken) =>
        db.ShareConsents.AsNoTracking().Where(c => c.HubId == hubId && c.AssessmentId == assessmentId && c.RevokedAt == null)
            .OrderByDescending(c => c.GrantedAt).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Carries the hub's active share over to a re-assessment its advisor started, so that the hub sees the new one too; the firm can revoke it like any other.</summary>
    public async Task ContinueAsync(ShareConsent from, Guid newAssessmentId, CancellationToken cancellationToken)
    {
        db.ShareConsents.Add(new ShareConsent
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            AssessmentId = newAssessmentId,
            HubId = from.HubId,
            FirmLabel = from.FirmLabel,
            Scope = from.Scope,
            PrivacyNoticeVersion = from.PrivacyNoticeVersion,
            ContinuedFromId = from.Id,
            GrantedAt = time.UtcNowForStorage(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
