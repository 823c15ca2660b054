using SmartyAssess.Assessment.Questionnaires;
using SmartyAssess.Assessment.Scoring;

namespace SmartyAssess.Web.Tests.Infrastructure;

/// <summary>
/// One firm's answers, used both through the pages and through the API, so the two can be compared.
/// It mixes every kind of answer: levels, choices, checklists (with the negative item and "none"),
/// "don't know" and "not applicable".
/// </summary>
public static class SampleAnswers
{
    public static readonly Dictionary<string, string> Profile = new()
    {
        ["sector"] = "C",
        ["size"] = "small",
        ["country"] = "IT",
        ["region"] = "ITI1",
        ["role"] = "owner",
        ["dih"] = "no",
    };

    public static readonly string[] Barriers = ["finance", "workforce-skills", "legacy-systems", "data-security"];
    public static readonly string[] TopBarriers = ["finance", "workforce-skills"];
    public static readonly string[] Goals = ["quality", "sustainability"];

    /// <summary>The form values for each question (option ids or the StepForm specials).</summary>
    public static Dictionary<string, string[]> FormValues(Questionnaire questionnaire)
    {
        var values = new Dictionary<string, string[]>();
        var index = 0;
        foreach (var question in questionnaire.Questions)
        {
            values[question.Id] = (index++ % 7, question.Type) switch
            {
                (5, _) => ["__dk"],
                (6, _) => ["__na"],
                (_, QuestionType.Scale) => [question.Options[index % 6].Id],
                (_, QuestionType.Choice) => [question.Options[index % question.Options.Count].Id],
                (0 or 2, QuestionType.Checklist) => [.. question.Options.Where((_, i) => i % 2 == 0).Select(o => o.Id)],
                (3, QuestionType.Checklist) => ["__none"],
                (_, QuestionType.Checklist) => [.. question.Options.Take(3).Select(o => o.Id)],
                _ => throw new InvalidOperationException(),
            };
        }

        return values;
    }

    public static Dictionary<string, Answer> Answers(Questionnaire questionnaire) =>
        FormValues(questionnaire).ToDictionary(p => p.Key, p => p.Value switch
        {
            ["__dk"] => Answer.Unknown,
            ["__na"] => Answer.NotRelevant,
            ["__none"] => new Answer.Selected([]),
            var ids => (Answer)new Answer.Selected(ids),
        });

    /// <summary>The same answers as the API's JSON shape.</summary>
    public static object ApiRequest(Questionnaire questionnaire) => new
    {
        profile = Profile,
        answers = FormValues(questionnaire).ToDictionary(p => p.Key, p => p.Value switch
        {
            ["__dk"] => (object)new { dontKnow = true },
            ["__na"] => new { notApplicable = true },
            ["__none"] => new { selected = Array.Empty<string>() },
            var ids => new { selected = ids },
        }),
        barriers = Barriers,
        topBarriers = TopBarriers,
        goals = Goals,
    };
}
