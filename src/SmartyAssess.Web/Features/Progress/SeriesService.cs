using Microsoft.EntityFrameworkCore;
using SmartyAssess.Data;
using SmartyAssess.Data.Entities;
using SmartyAssess.Web.Features.Journey;

namespace SmartyAssess.Web.Features.Progress;

/// <summary>One submitted assessment of a firm's series.</summary>
public sealed record SeriesEntry(Guid AssessmentId, string ResultId, DateTime SubmittedAt, double? OverallScore, string? OverallBand, IReadOnlyList<DimensionResult> Dimensions);

/// <summary>A dimension now, before, and its target level.</summary>
public sealed record DimensionProgress(string DimensionId, double? Score, double? PreviousScore, int? Level, int? PreviousLevel, int? TargetLevel)
{
    public double? ScoreChange => Score is { } now && PreviousScore is { } before ? Math.Round(now - before, 1) : null;

    public int? LevelChange => Level is { } now && PreviousLevel is { } before ? now - before : null;
}

/// <summary>The change of a result since the assessment it re-assessed; <see cref="Previous"/> is null for a first assessment.</summary>
public sealed record ProgressReport(AssessmentResult? Previous, double? OverallChange, IReadOnlyList<DimensionProgress> Dimensions);

/// <summary>
/// A firm's assessments over time (T0, T1, …): starting a re-assessment pre-filled from the last
/// one, the series and its deltas, and the target level per dimension.
/// </summary>
public sealed class SeriesService(SmartyDbContext db, TimeProvider time, QuestionnaireCatalog catalog, ILogger<SeriesService> logger)
{
    public const int MaxLevel = 5;

    /// <summary>The submitted assessments of the series <paramref name="assessment"/> belongs to, oldest first (just itself when it has no series).</summary>
    /// <param name="result">The assessment's own result, when the caller has it: an assessment without a series then costs no query.</param>
    public async Task<IReadOnlyList<SeriesEntry>> HistoryAsync(AssessmentRecord assessment, AssessmentResult? result, CancellationToken cancellationToken)
    {
        if (assessment.SeriesId is null && (result ?? assessment.Result) is { } own)
        {
            // Most assessments have no series: no query for them (the results page is the hot path).
            return [new SeriesEntry(assessment.Id, own.Id, own.CreatedAt, own.OverallScore, own.OverallBand, own.Dimensions)];
        }

        var query = db.Results.AsNoTracking().Where(r => assessment.SeriesId == null ? r.AssessmentId == assessment.Id : r.Assessment!.SeriesId == assessment.SeriesId);
        var rows = await query.Select(r => new { r.AssessmentId, r.Id, r.CreatedAt, r.OverallScore, r.OverallBand, r.Dimensions }).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.AssessmentId).Select(r => new SeriesEntry(r.AssessmentId, r.Id, r.CreatedAt, r.OverallScore, r.OverallBand, r.Dimensions))];
    }

    /// <summary>The change since the assessment this one re-assessed, with the targets.</summary>
    public async Task<ProgressReport> ProgressAsync(AssessmentRecord assessment, AssessmentResult result, CancellationToken cancellationToken)
    {
        var previous = assessment.PreviousAssessmentId is { } id
            ? await db.Results.AsNoTracking().SingleOrDefaultAsync(r => r.AssessmentId == id, cancellationToken)
            : null;
        return Compare(assessment, result, previous);
    }

    public static ProgressReport Compare(AssessmentRecord assessment, AssessmentResult result, AssessmentResult? previous)
    {
        var before = previous?.Dimensions.ToDictionary(d => d.DimensionId, StringComparer.Ordinal) ?? [];
        var dimensions = result.Dimensions.Select(d =>
        {
            var earlier = before.GetValueOrDefault(d.DimensionId);
            return new DimensionProgress(
                d.DimensionId,
                d.Assessed ? d.Score : null,
                earlier is { Assessed: true } ? earlier.Score : null,
                d.Assessed ? d.Level : null,
                earlier is { Assessed: true } ? earlier.Level : null,
                TargetLevel(assessment, d));
        }).ToList();
        var overall = result.OverallScore is { } now && previous?.OverallScore is { } then ? Math.Round(now - then, 1) : (double?)null;
        return new ProgressReport(previous, overall, dimensions);
    }

    /// <summary>The firm's or advisor's target for the dimension; by default one level up from where it stands.</summary>
    public static int? TargetLevel(AssessmentRecord assessment, DimensionResult dimension) =>
        assessment.Targets.TryGetValue(dimension.DimensionId, out var target) ? target
        : dimension is { Assessed: true, Level: { } level } ? Math.Min(MaxLevel, level + 1)
        : null;

    /// <summary>
    /// Starts a new assessment of the same firm, pre-filled with the previous answers that the
    /// current questionnaire still asks; both join one series.
    /// </summary>
    /// <returns>Null when <paramref name="previousId"/> is not a submitted assessment.</returns>
    /// <param name="startedByHubId">The advisor's hub, when an advisor starts it for a client.</param>
    public async Task<(AssessmentRecord Draft, string Token)?> StartReassessmentAsync(Guid previousId, CancellationToken cancellationToken, Guid? startedByHubId = null)
    {
        // One conditional statement, so that two first re-assessments at once agree on one series
        // and a concurrent save of the previous assessment (its targets) is not overwritten.
        var newSeries = Guid.NewGuid();
        await db.Assessments.Where(a => a.Id == previousId && a.SubmittedAt != null && a.SeriesId == null)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.SeriesId, newSeries), cancellationToken);
        var previous = await db.Assessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == previousId && a.SubmittedAt != null, cancellationToken);
        if (previous is null)
        {
            return null;
        }

        var questionnaire = catalog.Current;
        var (draft, token) = DraftService.NewDraft(questionnaire, questionnaire.Languages.Contains(previous.Language) ? previous.Language : questionnaire.DefaultLanguage, time);
        draft.SeriesId = previous.SeriesId;
        draft.PreviousAssessmentId = previous.Id;
        draft.StartedByHubId = startedByHubId;
        // Only what the current version still asks, with options it still offers; the rest is asked afresh.
        draft.Profile = previous.Profile.Where(p => questionnaire.FindProfileField(p.Key) is { } field && field.FindOption(p.Value) is not null)
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        draft.Answers = previous.Answers.Where(a => questionnaire.FindQuestion(a.Key) is { } question && a.Value.Selected.All(o => question.FindOption(o) is not null))
            .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        draft.Barriers = [.. previous.Barriers.Where(b => questionnaire.FindBarrier(b.BarrierId) is not null)];
        draft.Goals = [.. previous.Goals.Where(g => questionnaire.FindGoal(g) is not null)];
        // The previous assessment was submitted, so its barriers and goals (even none) were given.
        draft.BarriersSavedAt = draft.CreatedAt;
        db.Assessments.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Re-assessment {Draft} started from {Previous}", draft.Id, previous.Id);
        return (draft, token);
    }

    /// <summary>Sets the target levels (0–5) of the given dimensions; others keep theirs.</summary>
    /// <returns>False when the assessment is gone.</returns>
    public async Task<bool> SetTargetsAsync(Guid assessmentId, IReadOnlyDictionary<string, int> targets, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var assessment = await db.Assessments.SingleOrDefaultAsync(a => a.Id == assessmentId && a.SubmittedAt != null, cancellationToken);
            if (assessment is null)
            {
                return false;
            }

            foreach (var (dimension, level) in targets)
            {
                assessment.Targets[dimension] = level;
            }

            assessment.Revision++;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // The firm and its advisor (or two tabs) saved at once: apply these targets on top of the other save.
            }
            catch (DbUpdateConcurrencyException)
            {
                return false;
            }
        }
    }
}
