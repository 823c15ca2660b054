using Microsoft.EntityFrameworkCore;
using SmartyAssess.Assessment.Catalogue;
using SmartyAssess.Assessment.Recommendations;
using SmartyAssess.Data;
using SmartyAssess.Data.Entities;
using SmartyAssess.Recommender;
using SmartyAssess.Web.Features.Catalogue;
using SmartyAssess.Web.Features.Journey;
using SmartyAssess.Web.Features.Languages;

namespace SmartyAssess.Web.Features.Recommendations;

/// <summary>A recommended practice as pages and the API show it.</summary>
public sealed record RecommendedPractice(Practice Practice, int Rank, double Score, IReadOnlyList<(string Text, double Contribution)> Reasons, PracticeFeedbackKind? Feedback);

/// <summary>A firm's recommendations, and the practices it has already given feedback on.</summary>
public sealed record RecommendationSet(string ModelVersion, TrainingSource TrainedOn, IReadOnlyList<RecommendedPractice> Items, IReadOnlyList<(Practice Practice, PracticeFeedbackKind Kind)> Feedback);

public enum FeedbackOutcome
{
    Saved,
    AssessmentNotFound,
    UnknownPractice,
    TooMany,
}

/// <summary>
/// Serves recommendations for a stored result and records what the firm says about them. Every
/// practice shown is logged as an impression (once per model version) and every feedback event is
/// appended: together they are the training data of the next model.
/// </summary>
public sealed class RecommendationService(
    SmartyDbContext db,
    ModelHolder models,
    PracticeCatalogue catalogue,
    CatalogueTexts catalogueTexts,
    QuestionnaireCatalog questionnaires,
    RecommenderOptions options,
    TimeProvider time,
    ImpressionLog impressions,
    ILogger<RecommendationService> logger)
{
    /// <summary>Recommendations for the result, or null when there is no such result.</summary>
    public async Task<RecommendationSet?> GetAsync(string resultId, int count, CancellationToken cancellationToken)
    {
        var result = await ServingQueries.For(db).ResultWithAssessment(db, resultId, cancellationToken);
        return result is null ? null : await GetAsync(result, count, cancellationToken);
    }

    /// <param name="logImpressions">False when the list is shown to someone other than the firm (its advisor), so that the training data only counts what the firm saw.</param>
    public async Task<RecommendationSet> GetAsync(AssessmentResult result, int count, CancellationToken cancellationToken, bool logImpressions = true)
    {
        var serving = models.Current;
        var latest = await LatestFeedbackAsync(result.AssessmentId, cancellationToken);
        var firm = Firm(result);
        var exclude = latest.Where(f => f.Value is PracticeFeedbackKind.Adopted or PracticeFeedbackKind.Planned or PracticeFeedbackKind.NotRelevant).Select(f => f.Key)
            .Concat(RecommenderInputs.Ineligible(serving.Engine.Practices, firm))
            .ToHashSet(StringComparer.Ordinal);
        var recommendations = serving.Engine.Recommend(firm, count, exclude);
        if (logImpressions)
        {
            await RecordImpressionsAsync(result.AssessmentId, serving.ModelVersion, recommendations, cancellationToken);
        }

        var questionnaire = questionnaires.Find(result.QuestionnaireVersion) ?? questionnaires.Current;
        var words = new ReasonText(new PracticeLabels(questionnaire, PageLanguage.For(questionnaire), catalogueTexts), result, serving.TrainedOn == TrainingSource.Feedback);
        var items = recommendations
            .Where(r => catalogue.Find(r.Practice.Id) is not null)
            .Select(r => new RecommendedPractice(
                catalogue.Find(r.Practice.Id)!,
                r.Rank,
                r.Score,
                [.. r.Reasons.Select(c => (ReasonText.Sentence(words.For(c)), c.Value))],
                latest.TryGetValue(r.Practice.Id, out var kind) ? kind : null))
            .ToList();
        var given = latest
            .Where(f => catalogue.Find(f.Key) is not null)
            .Select(f => (catalogue.Find(f.Key)!, f.Value))
            .OrderBy(f => f.Item1.Title, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new RecommendationSet(serving.ModelVersion, serving.TrainedOn, items, given);
    }

    /// <summary>Appends a feedback event; repeating the latest kind for a practice changes nothing.</summary>
    public async Task<FeedbackOutcome> RecordFeedbackAsync(string resultId, string practiceId, PracticeFeedbackKind kind, string source, CancellationToken cancellationToken)
    {
        var assessmentId = await db.Results.AsNoTracking().Where(r => r.Id == resultId).Select(r => (Guid?)r.AssessmentId).SingleOrDefaultAsync(cancellationToken);
        return assessmentId is { } id
            ? await RecordFeedbackAsync(id, practiceId, kind, source, null, cancellationToken)
            : FeedbackOutcome.AssessmentNotFound;
    }

    /// <summary>Appends a feedback event for a known assessment; <paramref name="hubId"/> names the advisor's hub for advisor feedback.</summary>
    public async Task<FeedbackOutcome> RecordFeedbackAsync(Guid id, string practiceId, PracticeFeedbackKind kind, string source, Guid? hubId, CancellationToken cancellationToken)
    {
        if (catalogue.Find(practiceId) is null)
        {
            return FeedbackOutcome.UnknownPractice;
        }

        var events = await db.Feedback.AsNoTracking().Where(f => f.AssessmentId == id).OrderBy(f => f.Id).Select(f => new { f.PracticeId, f.Kind }).ToListAsync(cancellationToken);
        if (events.LastOrDefault(e => e.PracticeId == practiceId) is { } last && last.Kind == kind)
        {
            return FeedbackOutcome.Saved;
        }

        if (events.Count >= options.MaxFeedbackPerAssessment)
        {
            return FeedbackOutcome.TooMany;
        }

        var shown = await db.Impressions.AsNoTracking()
            .Where(i => i.AssessmentId == id && i.PracticeId == practiceId)
            .OrderByDescending(i => i.Id)
            .Select(i => new { i.ModelVersion, i.Rank })
            .FirstOrDefaultAsync(cancellationToken);
        db.Feedback.Add(new PracticeFeedback
        {
            AssessmentId = id,
            PracticeId = practiceId,
            Kind = kind,
            Source = source,
            ModelVersion = shown?.ModelVersion,
            Rank = shown?.Rank,
            CreatedAt = time.UtcNowForStorage(),
            HubId = hubId,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.Assessments.AnyAsync(a => a.Id == id, cancellationToken))
            {
                throw;
            }

            // Erased while this request ran.
            return FeedbackOutcome.AssessmentNotFound;
        }
        return FeedbackOutcome.Saved;
    }

    private async Task<Dictionary<string, PracticeFeedbackKind>> LatestFeedbackAsync(Guid assessmentId, CancellationToken cancellationToken)
    {
        var events = await ServingQueries.For(db).FeedbackInOrder(db, assessmentId).ToListAsync(cancellationToken);
        var latest = new Dictionary<string, PracticeFeedbackKind>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            latest[e.PracticeId] = e.Kind;
        }

        return latest;
    }

    private async Task RecordImpressionsAsync(Guid assessmentId, string modelVersion, IReadOnlyList<Recommendation> shown, CancellationToken cancellationToken)
    {
        var ids = shown.Select(r => r.Practice.Id).ToList();
        if (impressions.AllLogged(assessmentId, modelVersion, ids))
        {
            return;
        }

        var logged = await ServingQueries.For(db).ImpressedPractices(db, assessmentId, modelVersion).ToListAsync(cancellationToken);
        var now = time.UtcNowForStorage();
        var added = shown.Where(r => !logged.Contains(r.Practice.Id))
            .Select(r => new RecommendationImpression { AssessmentId = assessmentId, PracticeId = r.Practice.Id, ModelVersion = modelVersion, Rank = r.Rank, Score = r.Score, ShownAt = now })
            .ToList();
        if (added.Count == 0)
        {
            impressions.Remember(assessmentId, modelVersion, logged);
            return;
        }

        db.Impressions.AddRange(added);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            impressions.Remember(assessmentId, modelVersion, logged.Concat(ids));
        }
        catch (DbUpdateException e)
        {
            // Two views of the same page at once: the other request logged them (unique index).
            logger.LogDebug(e, "Impressions for assessment {AssessmentId} were logged by a concurrent request", assessmentId);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    internal static SmeProfile Firm(AssessmentResult result) => RecommenderInputs.Firm(
        RecommenderInputs.FirmId(result.AssessmentId),
        result.Dimensions.Where(d => d.Assessed && d.Score is not null).Select(d => (d.DimensionId, d.Score!.Value)),
        result.OverallBand,
        result.Assessment!.Profile,
        result.Assessment.Barriers.Select(b => (b.BarrierId, b.IsTop)),
        result.Assessment.Goals);
}
