using SmartyAssess.Assessment.Questionnaires;
using SmartyAssess.Assessment.Scoring;
using SmartyAssess.Assessment.Submissions;
using SmartyAssess.Data;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Web.Features.Assessments;

/// <summary>Scores a validated submission and stores it with its result, whether it came from the API or from a draft.</summary>
public sealed class AssessmentSubmitter(SmartyDbContext db, TimeProvider time)
{
    /// <summary>Stores a new, complete assessment (the API path) and its result in one transaction.</summary>
    public async Task<AssessmentResult> CreateAsync(Questionnaire questionnaire, Submission submission, string language, CancellationToken cancellationToken)
    {
        var now = time.UtcNowForStorage();
        var assessment = new AssessmentRecord
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            QuestionnaireVersion = questionnaire.Version,
            Language = language,
            CreatedAt = now,
            UpdatedAt = now,
            SubmittedAt = now,
        };
        AssessmentMapping.Apply(assessment, submission);
        assessment.Result = BuildResult(assessment.Id, Scorer.Score(questionnaire, submission.Answers), now);
        db.Assessments.Add(assessment);
        db.InsightFacts.Add(InsightFacts.For(assessment, assessment.Result, Guid.NewGuid()));
        await db.SaveChangesAsync(cancellationToken);
        return assessment.Result;
    }

    /// <summary>Scores the draft's answers and attaches the result and its insights fact; the caller saves.</summary>
    public async Task<AssessmentResult> AttachResultAsync(AssessmentRecord draft, Questionnaire questionnaire, CancellationToken cancellationToken)
    {
        var now = time.UtcNowForStorage();
        var submission = AssessmentMapping.ToSubmission(draft);
        draft.Result = BuildResult(draft.Id, Scorer.Score(questionnaire, submission.Answers), now);
        draft.SubmittedAt = now;
        db.InsightFacts.Add(InsightFacts.For(draft, draft.Result, await InsightFacts.FirmOfAsync(db, draft, cancellationToken)));
        return draft.Result;
    }

    private static AssessmentResult BuildResult(Guid assessmentId, AssessmentScore score, DateTime now)
    {
        var id = ResultId.Create();
        return new AssessmentResult
        {
            Id = id,
            AssessmentId = assessmentId,
            QuestionnaireVersion = score.QuestionnaireVersion,
            ScoringVersion = score.ScoringVersion,
            CreatedAt = now,
            OverallScore = (double?)score.Overall,
            OverallBand = score.OverallBand?.ToId(),
            WeakestDimensionId = score.WeakestDimensionId,
            Dimensions = [.. score.Dimensions.Select(d => new DimensionResult(d.DimensionId, d.Assessed, (double?)d.Score, d.Band?.ToId(), d.Level, d.DontKnowCount))],
        };
    }
}
