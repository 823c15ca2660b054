using Microsoft.EntityFrameworkCore;
using SmartyAssess.Assessment.Questionnaires;
using SmartyAssess.Assessment.Scoring;
using SmartyAssess.Assessment.Submissions;
using SmartyAssess.Data;
using SmartyAssess.Data.Entities;
using SmartyAssess.Web.Features.Assessments;
using SmartyAssess.Web.Features.Journey;
using SmartyAssess.Web.Features.Sharing;

namespace SmartyAssess.Web.Features.Hubs;

/// <summary>
/// Development only, with the demo accounts: one demo firm assessed twice (T0, then T1 a level
/// higher in most questions), both shared with the demo hub, so that the advisor's workspace, the
/// client page and the progress since T0 can be seen right after <c>dotnet run</c>.
/// </summary>
internal static class DemoClients
{
    public const string FirmLabel = "Demo firm: Tessitura Esempio";

    /// <returns>The results link of the newer assessment (the firm's view), or null when the demo firm already exists.</returns>
    public static async Task<string?> SeedAsync(IServiceProvider services, HubRecord hub, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<SmartyDbContext>();
        if (await db.ShareConsents.AnyAsync(c => c.HubId == hub.Id && c.FirmLabel == FirmLabel, cancellationToken))
        {
            return null;
        }

        var questionnaire = services.GetRequiredService<QuestionnaireCatalog>().Current;
        var submitter = services.GetRequiredService<AssessmentSubmitter>();
        var sharing = services.GetRequiredService<SharingService>();
        var t0 = await submitter.CreateAsync(questionnaire, Submission(questionnaire, level: 1), questionnaire.DefaultLanguage, cancellationToken);
        var t1 = await submitter.CreateAsync(questionnaire, Submission(questionnaire, level: 2), questionnaire.DefaultLanguage, cancellationToken);
        var series = Guid.NewGuid();
        await db.Assessments.Where(a => a.Id == t0.AssessmentId).ExecuteUpdateAsync(s => s.SetProperty(a => a.SeriesId, series), cancellationToken);
        await db.Assessments.Where(a => a.Id == t1.AssessmentId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.SeriesId, series).SetProperty(a => a.PreviousAssessmentId, t0.AssessmentId), cancellationToken);
        // Linked after the fact, at start-up before any instance reads the facts.
        var firm = await db.InsightFacts.Where(f => f.AssessmentId == t0.AssessmentId).Select(f => f.FirmId).SingleAsync(cancellationToken);
        await db.InsightFacts.Where(f => f.AssessmentId == t1.AssessmentId)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.FirmId, firm).SetProperty(f => f.Reassessment, true), cancellationToken);
        foreach (var result in new[] { t0, t1 })
        {
            var outcome = await sharing.ShareAsync(result.AssessmentId, hub.Id, FirmLabel, cancellationToken);
            if (outcome != ShareOutcome.Shared)
            {
                throw new InvalidOperationException($"The demo firm could not be shared with the demo hub: {outcome}.");
            }
        }

        return "/results/" + t1.Id;
    }

    /// <summary>A firm in Tuscany that answers every scale question at <paramref name="level"/> (or the nearest option) and names two barriers.</summary>
    private static Submission Submission(Questionnaire questionnaire, int level)
    {
        var profile = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in questionnaire.Profile)
        {
            var preferred = field.Id switch { "country" => "IT", "region" => "ITI1", _ => null };
            var option = field.Options.FirstOrDefault(o => o.Id == preferred)
                ?? field.Options.First(o => field.ParentFieldId is null || o.ParentId == profile.GetValueOrDefault(field.ParentFieldId));
            profile[field.Id] = option.Id;
        }

        var answers = questionnaire.Questions.ToDictionary(q => q.Id, q => q.Type switch
        {
            QuestionType.Checklist => Answer.Select([.. q.Options.Take(level).Select(o => o.Id)]),
            QuestionType.Scale => Answer.Select(q.Options.OrderBy(o => Math.Abs((o.Level ?? 0) - level)).First().Id),
            _ => Answer.Select(q.Options[Math.Min(level, q.Options.Count - 1)].Id),
        }, StringComparer.Ordinal);
        var barriers = questionnaire.Barriers.Take(2).Select(b => b.Id).ToList();
        var submission = new Submission(profile, answers, barriers, barriers.Take(1).ToList(), questionnaire.Goals.Take(1).Select(g => g.Id).ToList());
        var errors = SubmissionValidator.Validate(questionnaire, submission);
        return errors.IsEmpty ? submission : throw new InvalidOperationException("The demo firm's answers do not fit the questionnaire: " + string.Join(", ", errors.Fields));
    }
}
