using SmartyAssess.Assessment.Scoring;
using SmartyAssess.Assessment.Submissions;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Web.Features.Assessments;

/// <summary>Converts between stored rows and the assessment library's answer types.</summary>
internal static class AssessmentMapping
{
    public static Answer ToAnswer(StoredAnswer stored) => stored.Kind switch
    {
        AnswerKind.DontKnow => Answer.Unknown,
        AnswerKind.NotApplicable => Answer.NotRelevant,
        AnswerKind.Selected => new Answer.Selected([.. stored.Selected]),
        _ => throw new ArgumentOutOfRangeException(nameof(stored)),
    };

    public static StoredAnswer ToStored(Answer answer) => answer switch
    {
        Answer.DontKnow => StoredAnswer.DontKnow,
        Answer.NotApplicable => StoredAnswer.NotApplicable,
        Answer.Selected selected => new StoredAnswer(AnswerKind.Selected, [.. selected.OptionIds]),
        _ => throw new ArgumentOutOfRangeException(nameof(answer)),
    };

    public static Submission ToSubmission(AssessmentRecord assessment) => new(
        assessment.Profile,
        assessment.Answers.ToDictionary(a => a.Key, a => ToAnswer(a.Value), StringComparer.Ordinal),
        [.. assessment.Barriers.Select(b => b.BarrierId)],
        [.. assessment.Barriers.Where(b => b.IsTop).Select(b => b.BarrierId)],
        [.. assessment.Goals]);

    /// <summary>Replaces everything the assessment holds with the submission's answers.</summary>
    public static void Apply(AssessmentRecord assessment, Submission submission)
    {
        assessment.Profile = new Dictionary<string, string>(submission.Profile, StringComparer.Ordinal);
        assessment.Answers = submission.Answers.ToDictionary(a => a.Key, a => ToStored(a.Value), StringComparer.Ordinal);
        assessment.Barriers = [.. submission.Barriers.Distinct().Select(b => new BarrierChoice(b, submission.TopBarriers.Contains(b)))];
        assessment.Goals = [.. submission.Goals.Distinct()];
    }
}
