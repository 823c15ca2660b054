using Microsoft.EntityFrameworkCore;
using SmartyAssess.Assessment.Questionnaires;
using SmartyAssess.Assessment.Submissions;
using SmartyAssess.Data;
using SmartyAssess.Data.Entities;
using SmartyAssess.Web.Features.Assessments;

namespace SmartyAssess.Web.Features.Journey;

/// <summary>
/// Reads and writes drafts. Every save is a complete database transaction, so nothing lives in
/// server memory between requests and any instance can serve the next step.
/// </summary>
public sealed class DraftService(SmartyDbContext db, TimeProvider time, AssessmentSubmitter submitter, ILogger<DraftService> logger)
{
    private const int MaxAttempts = 3;

    public async Task<(AssessmentRecord Draft, string Token)> CreateAsync(Questionnaire questionnaire, string language, CancellationToken cancellationToken)
    {
        var (draft, token) = NewDraft(questionnaire, language, time);
        db.Assessments.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        return (draft, token);
    }

    /// <summary>An empty draft with a new resume token (only its hash is stored); not yet added to the context.</summary>
    public static (AssessmentRecord Draft, string Token) NewDraft(Questionnaire questionnaire, string language, TimeProvider time)
    {
        var token = ResumeToken.Create();
        var now = time.UtcNowForStorage();
        return (new AssessmentRecord
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            ResumeTokenHash = ResumeToken.Hash(token),
            QuestionnaireVersion = questionnaire.Version,
            Language = language,
            CreatedAt = now,
            UpdatedAt = now,
        }, token);
    }

    /// <summary>
    /// Loads a draft: one row, since profile, answers, barriers and goals are documents in it. The
    /// result of a submitted draft comes with it. Untracked unless it is about to be changed.
    /// </summary>
    public async Task<AssessmentRecord?> FindAsync(string? token, bool tracked, CancellationToken cancellationToken)
    {
        if (!ResumeToken.IsWellFormed(token))
        {
            return null;
        }

        var hash = ResumeToken.Hash(token!);
        var query = tracked ? db.Assessments : db.Assessments.AsNoTracking();
        var draft = await query.SingleOrDefaultAsync(a => a.ResumeTokenHash == hash, cancellationToken);
        if (draft is { SubmittedAt: not null })
        {
            draft.Result = await db.Results.AsNoTracking().SingleOrDefaultAsync(r => r.AssessmentId == draft.Id, cancellationToken);
        }

        return draft;
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the draft and saves. When another request changed the
    /// draft in between (a second tab, a double click), the draft is reloaded and the change
    /// applied again, so neither save is lost.
    /// </summary>
    /// <returns>False when the draft is gone or already submitted.</returns>
    public async Task<bool> SaveAsync(string token, Action<AssessmentRecord> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var draft = await FindAsync(token, tracked: true, cancellationToken);
            if (draft is null || draft.SubmittedAt is not null)
            {
                return false;
            }

            change(draft);
            draft.UpdatedAt = time.UtcNowForStorage();
            draft.Revision++;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateException e) when (attempt < MaxAttempts)
            {
                logger.LogInformation(e, "Draft changed by another request while saving; retrying (attempt {Attempt})", attempt);
            }
        }
    }

    /// <summary>Submits the draft once; a repeated submit returns the existing result.</summary>
    public async Task<SubmitOutcome> SubmitAsync(string token, QuestionnaireCatalog catalog, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var draft = await FindAsync(token, tracked: true, cancellationToken);
            if (draft is null)
            {
                return SubmitOutcome.NotFound;
            }

            if (draft.Result is not null)
            {
                return new SubmitOutcome(draft.Result.Id, null);
            }

            var questionnaire = catalog.ForDraft(draft.QuestionnaireVersion);
            var errors = SubmissionValidator.Validate(questionnaire, AssessmentMapping.ToSubmission(draft));
            if (draft.BarriersSavedAt is null)
            {
                errors.Add(JourneySteps.BarriersStepKey, string.Format(System.Globalization.CultureInfo.CurrentUICulture, JourneyText.CompleteBarriersStep, JourneyText.StepBarriers));
            }

            if (!errors.IsEmpty)
            {
                return new SubmitOutcome(null, errors);
            }

            var result = await submitter.AttachResultAsync(draft, questionnaire, cancellationToken);
            if (draft.StartedByHubId is not null)
            {
                // The advisor's browser holds this token; once submitted it would lead to the result id.
                draft.ResumeTokenHash = null;
            }

            draft.UpdatedAt = time.UtcNowForStorage();
            draft.Revision++;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new SubmitOutcome(result.Id, null, draft.StartedByHubId is null ? null : draft.Id);
            }
            catch (DbUpdateException e) when (attempt < MaxAttempts)
            {
                // Another submit of the same draft won the race (unique index on the result's
                // assessment id) or a step save changed it; the next attempt sees which.
                logger.LogInformation(e, "Draft changed while submitting; retrying (attempt {Attempt})", attempt);
            }
        }
    }
}

/// <param name="ResultId">Set when the draft is (now) submitted.</param>
/// <param name="Errors">Set when answers are missing or invalid.</param>
/// <param name="HubClient">Set for a re-assessment an advisor started: the assessment to show on the client page instead of the results link.</param>
public sealed record SubmitOutcome(string? ResultId, ValidationErrors? Errors, Guid? HubClient = null)
{
    public static readonly SubmitOutcome NotFound = new(null, null);
}
