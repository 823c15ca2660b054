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
            var row = draft.Profile.FirstOrDefault(p => p.FieldId == fieldId);
            if (valid.TryGetValue(fieldId, out var value))
            {
                if (row is null)
                {
                    draft.Profile.Add(new ProfileAnswer { AssessmentId = draft.Id, FieldId = fieldId, Value = value });
                }
                else
                {
                    row.Value = value;
                }
            }
            else if (row is not null)
            {
                draft.Profile.Remove(row);
            }
        }
    };

    public static Action<AssessmentRecord> Answers(IEnumerable<string> questionIds, IReadOnlyDictionary<string, Answer> valid, IReadOnlySet<string> keep) => draft =>
    {
        foreach (var questionId in questionIds.Where(q => !keep.Contains(q)))
        {
            var row = draft.Answers.FirstOrDefault(a => a.QuestionId == questionId);
            if (valid.TryGetValue(questionId, out var answer))
            {
                var updated = AssessmentMapping.ToRow(draft.Id, questionId, answer);
                if (row is null)
                {
                    draft.Answers.Add(updated);
                }
                else
                {
                    row.Kind = updated.Kind;
                    row.SelectedOptionIds = updated.SelectedOptionIds;
                }
            }
            else if (row is not null)
            {
                draft.Answers.Remove(row);
            }
        }
    };

    public static Action<AssessmentRecord> BarriersAndGoals(IReadOnlyList<string> barriers, IReadOnlyList<string> topBarriers, IReadOnlyList<string> goals, DateTime now) => draft =>
    {
        draft.Barriers.RemoveAll(b => !barriers.Contains(b.BarrierId));
        foreach (var id in barriers)
        {
            var row = draft.Barriers.FirstOrDefault(b => b.BarrierId == id);
            if (row is null)
            {
                draft.Barriers.Add(new AssessmentBarrier { AssessmentId = draft.Id, BarrierId = id, IsTop = topBarriers.Contains(id) });
            }
            else
            {
                row.IsTop = topBarriers.Contains(id);
            }
        }

        draft.Goals.RemoveAll(g => !goals.Contains(g.GoalId));
        foreach (var id in goals.Where(id => draft.Goals.All(g => g.GoalId != id)))
        {
            draft.Goals.Add(new AssessmentGoal { AssessmentId = draft.Id, GoalId = id });
        }

        draft.BarriersSavedAt = now;
    };
}
