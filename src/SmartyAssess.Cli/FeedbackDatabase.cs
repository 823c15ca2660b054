using Microsoft.EntityFrameworkCore;
using SmartyAssess.Assessment.Recommendations;
using SmartyAssess.Data;
using SmartyAssess.Data.Entities;
using SmartyAssess.Recommender;

namespace SmartyAssess.Cli;

/// <summary>The service's stored impressions and feedback, as the recommender's firms and events.</summary>
internal sealed record FeedbackDatabase(IReadOnlyList<SmeProfile> Firms, IReadOnlyList<FeedbackEvent> Events, RankingModel? Published, string? PublishedVersion, string? PublishedProblem = null)
{
    /// <summary>
    /// Reads every submitted assessment that was shown recommendations or gave feedback. Firms are
    /// named by the assessment's id, never by the result id (which is the secret link to a result).
    /// </summary>
    public static FeedbackDatabase Read(SmartyDbContext db)
    {
        if (db.Database.GetPendingMigrations().Any())
        {
            throw new InvalidDataException("The database schema is older than this tool; start the web app once (it migrates the database) and try again.");
        }

        var impressions = db.Impressions.AsNoTracking().Select(i => new { i.AssessmentId, i.PracticeId }).ToList();
        var feedback = db.Feedback.AsNoTracking().OrderBy(f => f.Id).Select(f => new { f.Id, f.AssessmentId, f.PracticeId, f.Kind, f.Source }).ToList();
        var ids = impressions.Select(i => i.AssessmentId).Concat(feedback.Select(f => f.AssessmentId)).ToHashSet();
        var results = db.Results.AsNoTracking().Include(r => r.Assessment).Where(r => ids.Contains(r.AssessmentId)).ToList();

        var firms = results
            .OrderBy(r => r.AssessmentId)
            .Select(r => RecommenderInputs.Firm(
                RecommenderInputs.FirmId(r.AssessmentId),
                r.Dimensions.Where(d => d.Assessed && d.Score is not null).Select(d => (d.DimensionId, d.Score!.Value)),
                r.OverallBand,
                r.Assessment!.Profile,
                r.Assessment.Barriers.Select(b => (b.BarrierId, b.IsTop)),
                r.Assessment.Goals))
            .ToList();
        var events = impressions.Select(i => new FeedbackEvent(RecommenderInputs.FirmId(i.AssessmentId), i.PracticeId, FeedbackKind.ShownNoAction, 0))
            .Concat(feedback.Select(f => new FeedbackEvent(RecommenderInputs.FirmId(f.AssessmentId), f.PracticeId, Kind(f.Kind), f.Id, f.Source == FeedbackSources.Advisor ? FeedbackSource.Advisor : FeedbackSource.Firm)))
            .ToList();

        var published = db.RecommenderModels.AsNoTracking().Where(m => m.Published).OrderByDescending(m => m.Id).FirstOrDefault();
        if (published is null)
        {
            return new FeedbackDatabase(firms, events, null, null);
        }

        try
        {
            return new FeedbackDatabase(firms, events, ModelFile.Deserialize(published.Json).Model, published.ModelVersion);
        }
        catch (ModelFileException e)
        {
            // The app skips such a row too (it serves the shipped file or the prior), so retraining
            // compares with what is actually served instead of failing on every scheduled run.
            return new FeedbackDatabase(firms, events, null, null, $"the published model {published.ModelVersion} cannot be read: {e.Message}");
        }
    }

    private static FeedbackKind Kind(PracticeFeedbackKind kind) => kind switch
    {
        PracticeFeedbackKind.Adopted => FeedbackKind.Adopted,
        PracticeFeedbackKind.Relevant => FeedbackKind.Relevant,
        PracticeFeedbackKind.Planned => FeedbackKind.Planned,
        _ => FeedbackKind.NotRelevant,
    };
}
