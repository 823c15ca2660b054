using Microsoft.EntityFrameworkCore;
using SmartyAssess.Data;
using SmartyAssess.Data.Entities;
using SmartyAssess.Web.Features.Hubs;
using SmartyAssess.Web.Features.Recommendations;

namespace SmartyAssess.Web.Features.DataRights;

/// <summary>
/// GDPR articles 15 and 20: everything the service holds about one assessment, as one JSON
/// document. Advisors' notes are included (they are about the firm); the advisors are named by
/// their hub, not by their personal e-mail address.
/// </summary>
public sealed class ExportService(SmartyDbContext db, TimeProvider time)
{
    public const string FormatVersion = "smartyassess-export/1";

    public async Task<AssessmentExport?> ExportAsync(string resultId, CancellationToken cancellationToken)
    {
        var result = await db.Results.AsNoTracking().Include(r => r.Assessment).SingleOrDefaultAsync(r => r.Id == resultId, cancellationToken);
        if (result?.Assessment is not { } a)
        {
            return null;
        }

        var hubs = await db.Hubs.AsNoTracking().Select(h => new { h.Id, h.Name }).ToDictionaryAsync(h => h.Id, h => h.Name, cancellationToken);
        string HubName(Guid? id) => id is { } h && hubs.TryGetValue(h, out var name) ? name : "";

        var impressions = await db.Impressions.AsNoTracking().Where(i => i.AssessmentId == a.Id).OrderBy(i => i.Id)
            .Select(i => new ExportImpression(i.PracticeId, i.ModelVersion, i.Rank, i.Score, i.ShownAt)).ToListAsync(cancellationToken);
        var feedback = (await db.Feedback.AsNoTracking().Where(f => f.AssessmentId == a.Id).OrderBy(f => f.Id).ToListAsync(cancellationToken))
            .Select(f => new ExportFeedback(f.PracticeId, FeedbackKinds.Name(f.Kind), f.Source, f.HubId is null ? null : HubName(f.HubId), f.CreatedAt)).ToList();
        var consents = (await db.ShareConsents.AsNoTracking().Where(c => c.AssessmentId == a.Id).OrderBy(c => c.GrantedAt).ToListAsync(cancellationToken))
            .Select(c => new ExportConsent(HubName(c.HubId), c.FirmLabel, c.Scope.Split(','), c.PrivacyNoticeVersion, c.GrantedAt, c.RevokedAt)).ToList();
        var notes = (await db.AdvisorNotes.AsNoTracking().Where(n => n.AssessmentId == a.Id).OrderBy(n => n.Id).ToListAsync(cancellationToken))
            .Select(n => new ExportNote(HubName(n.HubId), n.Text, n.CreatedAt, n.UpdatedAt)).ToList();
        var plan = (await db.ActionPlanItems.AsNoTracking().Where(i => i.AssessmentId == a.Id).OrderBy(i => i.Id).ToListAsync(cancellationToken))
            .Select(i => new ExportPlanItem(HubName(i.HubId), i.PracticeId, i.Owner, PlanStatuses.Name(i.Status), i.TargetDate, i.CreatedAt, i.UpdatedAt)).ToList();

        return new AssessmentExport(
            FormatVersion,
            time.GetUtcNow(),
            new ExportAssessment(result.Id, a.QuestionnaireVersion, a.Language, a.CreatedAt, a.SubmittedAt, a.Profile, a.Answers, a.Barriers, a.Goals, a.Targets, a.SeriesId is not null),
            new ExportResult(result.ScoringVersion, result.CreatedAt, result.OverallScore, result.OverallBand, result.WeakestDimensionId, result.Dimensions),
            impressions,
            feedback,
            consents,
            plan,
            notes);
    }
}

public sealed record AssessmentExport(
    string Format,
    DateTimeOffset ExportedAt,
    ExportAssessment Assessment,
    ExportResult Result,
    IReadOnlyList<ExportImpression> RecommendationsShown,
    IReadOnlyList<ExportFeedback> Feedback,
    IReadOnlyList<ExportConsent> Shares,
    IReadOnlyList<ExportPlanItem> ActionPlan,
    IReadOnlyList<ExportNote> AdvisorNotes);

public sealed record ExportAssessment(
    string ResultId,
    string QuestionnaireVersion,
    string Language,
    DateTime StartedAt,
    DateTime? SubmittedAt,
    IReadOnlyDictionary<string, string> Profile,
    IReadOnlyDictionary<string, StoredAnswer> Answers,
    IReadOnlyList<BarrierChoice> Barriers,
    IReadOnlyList<string> Goals,
    IReadOnlyDictionary<string, int> TargetLevels,
    bool PartOfSeries);

public sealed record ExportResult(string ScoringVersion, DateTime ComputedAt, double? OverallScore, string? OverallBand, string? WeakestDimension, IReadOnlyList<DimensionResult> Dimensions);

public sealed record ExportImpression(string PracticeId, string ModelVersion, int Rank, double Score, DateTime ShownAt);

public sealed record ExportFeedback(string PracticeId, string Kind, string Source, string? Hub, DateTime At);

public sealed record ExportConsent(string Hub, string? FirmLabel, IReadOnlyList<string> Scope, string PrivacyNoticeVersion, DateTime GrantedAt, DateTime? RevokedAt);

public sealed record ExportPlanItem(string Hub, string PracticeId, string Owner, string Status, DateOnly? TargetDate, DateTime CreatedAt, DateTime UpdatedAt);

public sealed record ExportNote(string Hub, string Text, DateTime WrittenAt, DateTime UpdatedAt);
