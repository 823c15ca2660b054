using Microsoft.EntityFrameworkCore;
using SmartyAssess.Data;
using SmartyAssess.Data.Entities;
using SmartyAssess.Web.Features.Catalogue;
using SmartyAssess.Web.Features.Journey;

namespace SmartyAssess.Web.Features.Hubs;

/// <summary>One client in the advisor workspace: the latest assessment of a firm's series that is shared with the hub.</summary>
public sealed record ClientRow(
    Guid AssessmentId,
    string Label,
    bool Named,
    string? Sector,
    string? Size,
    string? Region,
    DateTime SubmittedAt,
    double? OverallScore,
    string? OverallBand,
    string? WeakestDimensionId,
    int ActedOn,
    int Assessments);

/// <summary>The clients of a hub: assessments currently shared with it (never one that is not).</summary>
public sealed class HubClients(SmartyDbContext db, QuestionnaireCatalog catalog)
{
    /// <summary>How the hub knows a firm: the name it gave when sharing, else its sector, size and region.</summary>
    public static string Describe(string? firmLabel, IReadOnlyDictionary<string, string> profile, PracticeLabels labels)
    {
        if (firmLabel is not null)
        {
            return firmLabel;
        }

        var described = string.Join(", ", new[]
        {
            profile.GetValueOrDefault("sector") is { } sector ? labels.Sector(sector) : null,
            profile.GetValueOrDefault("size") is { } size ? labels.Size(size) : null,
            profile.GetValueOrDefault("region") is { } region ? labels.Region(region) : null,
        }.Where(s => s is not null));
        // In the labels' language: the page's for the workspace, English for the API and the download.
        return described.Length > 0 ? described : AdvisorText.ResourceManager.GetString(nameof(AdvisorText.UnnamedFirm), System.Globalization.CultureInfo.GetCultureInfo(labels.Language))!;
    }

    public Task<string?> ShareCodeAsync(Guid hubId, CancellationToken cancellationToken) =>
        db.Hubs.AsNoTracking().Where(h => h.Id == hubId).Select(h => h.ShareCode).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The clients, described with the questionnaire's labels in its own language (as the API and the download give them).</summary>
    public Task<IReadOnlyList<ClientRow>> ListAsync(Guid hubId, CancellationToken cancellationToken) =>
        ListAsync(hubId, catalog.Current.DefaultLanguage, cancellationToken);

    /// <summary>The clients, described with the questionnaire's labels in <paramref name="language"/> (for a page).</summary>
    public async Task<IReadOnlyList<ClientRow>> ListAsync(Guid hubId, string language, CancellationToken cancellationToken)
    {
        var shared = await db.ShareConsents.AsNoTracking()
            .Where(c => c.HubId == hubId && c.RevokedAt == null)
            .Join(db.Results, c => c.AssessmentId, r => r.AssessmentId, (c, r) => new
            {
                c.AssessmentId,
                c.FirmLabel,
                c.GrantedAt,
                r.Assessment!.SeriesId,
                r.Assessment.Profile,
                r.CreatedAt,
                r.OverallScore,
                r.OverallBand,
                r.WeakestDimensionId,
            })
            .ToListAsync(cancellationToken);
        var ids = shared.Select(s => s.AssessmentId).Distinct().ToList();
        var feedback = await db.Feedback.AsNoTracking().Where(f => ids.Contains(f.AssessmentId) && (f.HubId == null || f.HubId == hubId)).OrderBy(f => f.Id)
            .Select(f => new { f.AssessmentId, f.PracticeId, f.Kind }).ToListAsync(cancellationToken);
        var plans = await db.ActionPlanItems.AsNoTracking().Where(i => i.HubId == hubId && ids.Contains(i.AssessmentId) && i.Status != ActionPlanStatus.Dropped)
            .Select(i => new { i.AssessmentId, i.PracticeId }).ToListAsync(cancellationToken);

        // Acted on: the latest word on the practice is "planned" or "adopted", or it is in the plan.
        var actedOn = feedback.GroupBy(f => (f.AssessmentId, f.PracticeId)).Select(g => (g.Key, Kind: g.Last().Kind))
            .Where(x => x.Kind is PracticeFeedbackKind.Adopted or PracticeFeedbackKind.Planned).Select(x => x.Key)
            .Concat(plans.Select(p => (p.AssessmentId, p.PracticeId)))
            .Distinct()
            .GroupBy(x => x.AssessmentId).ToDictionary(g => g.Key, g => g.Count());

        var labels = new PracticeLabels(catalog.Current, language);
        return [.. shared
            .GroupBy(s => s.AssessmentId).Select(g => g.OrderByDescending(s => s.GrantedAt).First())
            .GroupBy(s => s.SeriesId ?? s.AssessmentId)
            .Select(series =>
            {
                var latest = series.OrderByDescending(s => s.CreatedAt).First();
                var sector = latest.Profile.GetValueOrDefault("sector");
                var size = latest.Profile.GetValueOrDefault("size");
                var region = latest.Profile.GetValueOrDefault("region");
                return new ClientRow(
                    latest.AssessmentId,
                    Describe(latest.FirmLabel, latest.Profile, labels),
                    latest.FirmLabel is not null,
                    sector,
                    size,
                    region,
                    latest.CreatedAt,
                    latest.OverallScore,
                    latest.OverallBand,
                    latest.WeakestDimensionId,
                    actedOn.GetValueOrDefault(latest.AssessmentId),
                    series.Count());
            })
            .OrderByDescending(c => c.SubmittedAt)];
    }
}
