using SmartyAssess.Assessment.Scoring;
using SmartyAssess.Data.Entities;
using SmartyAssess.Web.Features.Assessments;

namespace SmartyAssess.Web.Features.Journey;

/// <summary>
/// What a step's form post does to the stored draft. Each change makes the step's rows match the
/// posted form (what the respondent sees is what is saved); values that failed validation leave
/// the previously saved value untouched.
/// </summary>
internal static class DraftChanges
{
    public static Action<AssessmentRecord> Profile(IEnumerable<string> fieldIds, IReadOnlyDictionary<string, string> valid, IReadOnlySet<string> keep) => draft =>
    {
        foreach (var fieldId in fieldIds.Where(f => !keep.Contains(f)))
        {
            if (valid.TryGetValue(fieldId, out var value))
            {
                draft.Profile[fieldId] = value;
            }
            else
            {
                draft.Profile.Remove(fieldId);
            }
        }
    };

    public static Action<AssessmentRecord> Answers(IEnumerable<string> questionIds, IReadOnlyDictionary<string, Answer> valid, IReadOnlySet<string> keep) => draft =>
    {
        foreach (var questionId in questionIds.Where(q => !keep.Contains(q)))
        {
            if (valid.TryGetValue(questionId, out var answer))
            {
                draft.Answers[questionId] = AssessmentMapping.ToStored(answer);
            }
            else
            {
                draft.Answers.Remove(questionId);
            }
        }
    };

    public static Action<AssessmentRecord> BarriersAndGoals(IReadOnlyList<string> barriers, IReadOnlyList<string> topBarriers, IReadOnlyList<string> goals, DateTime now) => draft =>
    {
        draft.Barriers = [.. barriers.Select(id => new BarrierChoice(id, topBarriers.Contains(id)))];
        draft.Goals = [.. goals];
        draft.BarriersSavedAt = now;
    };
}
