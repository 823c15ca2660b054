using SmartyAssess.Assessment.Questionnaires;
using SmartyAssess.Assessment.Scoring;
using SmartyAssess.Assessment.Submissions;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Web.Features.Journey;

/// <summary>
/// The form fields of the journey pages and how posted values become answers. Field names:
/// <c>profile.{fieldId}</c>, <c>q.{questionId}</c> (option ids plus the special values below),
/// <c>barrier</c>, <c>top</c> and <c>goal</c>.
/// </summary>
public static class StepForm
{
    public const string DontKnow = "__dk";
    public const string NotApplicable = "__na";
    public const string NoneOfThese = "__none";

    public const string ProfilePrefix = "profile.";
    public const string QuestionPrefix = "q.";
    public const string BarrierField = "barrier";
    public const string TopBarrierField = "top";
    public const string GoalField = "goal";

    // Not "action": a control named so hides the form's own action property from scripts
    // (form.action becomes the control), which broke enhanced posts.
    public const string ActionField = "move";

    // What pages rendered before the rename posted; a page left open across a deployment still saves.
    public const string LegacyActionField = "action";
    public const string ActionNext = "next";
    public const string ActionBack = "back";
    public const string ActionLater = "later";
    public const string ActionSubmit = "submit";

    private static readonly HashSet<string> s_specials = [DontKnow, NotApplicable, NoneOfThese];

    /// <summary>The form values that show a stored answer again.</summary>
    public static IReadOnlySet<string> ValuesOf(StoredAnswer? stored) => stored switch
    {
        null => new HashSet<string>(),
        { Kind: AnswerKind.DontKnow } => new HashSet<string> { DontKnow },
        { Kind: AnswerKind.NotApplicable } => new HashSet<string> { NotApplicable },
        { Selected.Count: 0 } => new HashSet<string> { NoneOfThese },
        _ => stored.Selected.ToHashSet(StringComparer.Ordinal),
    };

    /// <summary>
    /// Reads one question's posted values. Returns the answer, or null when the question was left
    /// unanswered or the values do not fit (then <paramref name="error"/> says why, if invalid).
    /// </summary>
    public static Answer? ReadAnswer(Question question, IReadOnlyCollection<string> values, out string? error)
    {
        error = null;
        if (values.Count == 0)
        {
            return null;
        }

        var specials = values.Where(s_specials.Contains).Distinct().ToList();
        var items = values.Where(v => !s_specials.Contains(v)).ToList();
        if (specials.Count > 1 || (specials.Count == 1 && items.Count > 0))
        {
            error = question.Type == QuestionType.Checklist
                ? JourneyText.ChecklistConflict
                : JourneyText.OnlyOneAnswer;
            return null;
        }

        Answer answer = specials.SingleOrDefault() switch
        {
            DontKnow => Answer.Unknown,
            NotApplicable => Answer.NotRelevant,
            NoneOfThese when question.Type == QuestionType.Checklist => new Answer.Selected([]),
            NoneOfThese => new Answer.Selected([NoneOfThese]),
            _ => new Answer.Selected(items),
        };
        error = SubmissionValidator.CheckAnswer(question, answer);
        return error is null ? answer : null;
    }
}
