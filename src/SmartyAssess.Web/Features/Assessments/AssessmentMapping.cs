using SmartyAssess.Assessment.Scoring;
using SmartyAssess.Assessment.Submissions;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Web.Features.Assessments;

/// <summary>Converts between stored rows and the assessment library's answer types.</summary>
internal static class AssessmentMapping
{
    public static Answer ToAnswer(AssessmentAnswer row) => row.Kind switch
    {
        AnswerKind.DontKnow => Answer.Unknown,
        AnswerKind.NotApplicable => Answer.NotRelevant,
        AnswerKind.Selected => new Answer.Selected([.. row.SelectedOptionIds]),
        _ => throw new ArgumentOutOfRangeException(nameof(row)),
    };

    public static AssessmentAnswer ToRow(Guid assessmentId, string questionId, Answer answer) => answer switch
    {
        Answer.DontKnow => new AssessmentAnswer { AssessmentId = assessmentId, QuestionId = questionId, Kind = AnswerKind.DontKnow },
        Answer.NotApplicable => new AssessmentAnswer { AssessmentId = assessmentId, QuestionId = questionId, Kind = AnswerKind.NotApplicable },
        Answer.Selected selected => new AssessmentAnswer { AssessmentId = assessmentId, QuestionId = questionId, Kind = AnswerKind.Selected, SelectedOptionIds = [.. selected.OptionIds] },
        _ => throw new ArgumentOutOfRangeException(nameof(answer)),
    };

    public static Submission ToSubmission(AssessmentRecord assessment) => new(
        assessment.Profile.ToDictionary(p => p.FieldId, p => p.Value, StringComparer.Ordinal),
        assessment.Answers.ToDictionary(a => a.QuestionId, ToAnswer, StringComparer.Ordinal),
        [.. assessment.Barriers.Select(b => b.BarrierId)],
        [.. assessment.Barriers.Where(b => b.IsTop).Select(b => b.BarrierId)],
        [.. assessment.Goals.Select(g => g.GoalId)]);

    /// <summary>Replaces everything the assessment holds with the submission's answers.</summary>
    public static void Apply(AssessmentRecord assessment, Submission submission)
    {
        assessment.Profile = [.. submission.Profile.Select(p => new ProfileAnswer { AssessmentId = assessment.Id, FieldId = p.Key, Value = p.Value })];
        assessment.Answers = [.. submission.Answers.Select(a => ToRow(assessment.Id, a.Key, a.Value))];
        assessment.Barriers = [.. submission.Barriers.Distinct().Select(b => new AssessmentBarrier { AssessmentId = assessment.Id, BarrierId = b, IsTop = submission.TopBarriers.Contains(b) })];
        assessment.Goals = [.. submission.Goals.Distinct().Select(g => new AssessmentGoal { AssessmentId = assessment.Id, GoalId = g })];
    }
}
