using System.Globalization;
using SmartyAssess.Assessment.Questionnaires;
using SmartyAssess.Assessment.Scoring;

namespace SmartyAssess.Assessment.Submissions;

/// <summary>
/// Checks answers against a questionnaire with an allow-list: every id must be one the
/// questionnaire defines. Messages are written for the respondent, not for a developer,
/// because the questionnaire pages show them next to the question; they come from
/// <c>ValidationText</c> in the current UI culture's language, as do the labels they quote.
/// </summary>
public static class SubmissionValidator
{
    public const string ProfilePrefix = "profile.";
    public const string AnswersPrefix = "answers.";
    public const string BarriersField = "barriers";
    public const string TopBarriersField = "topBarriers";
    public const string GoalsField = "goals";

    public static string MissingAnswerMessage => ValidationText.MissingAnswer;

    public static string MissingProfileMessage => ValidationText.MissingProfile;

    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    private static string Say(string format, params object?[] args) => string.Format(CultureInfo.CurrentUICulture, format, args);

    public static ValidationErrors Validate(Questionnaire questionnaire, Submission submission)
    {
        var errors = new ValidationErrors();
        ValidateProfile(questionnaire, submission.Profile, errors);
        ValidateAnswers(questionnaire, submission.Answers, errors);
        foreach (var question in questionnaire.Questions.Where(q => !submission.Answers.ContainsKey(q.Id)))
        {
            errors.Add(AnswersPrefix + question.Id, MissingAnswerMessage);
        }

        ValidateBarriers(questionnaire, submission.Barriers, submission.TopBarriers, errors);
        ValidateGoals(questionnaire, submission.Goals, errors);
        return errors;
    }

    /// <summary>Checks the profile fields present; reports required fields that are missing.</summary>
    public static void ValidateProfile(Questionnaire questionnaire, IReadOnlyDictionary<string, string> profile, ValidationErrors errors)
    {
        foreach (var key in profile.Keys.Where(k => questionnaire.FindProfileField(k) is null))
        {
            errors.Add(ProfilePrefix + key, Say(ValidationText.UnknownProfileField, key));
        }

        foreach (var field in questionnaire.Profile)
        {
            var value = profile.GetValueOrDefault(field.Id);
            var label = field.Label.In(Language);
            if (string.IsNullOrWhiteSpace(value))
            {
                if (field.Required)
                {
                    errors.Add(ProfilePrefix + field.Id, MissingProfileMessage);
                }

                continue;
            }

            var option = field.FindOption(value);
            if (option is null)
            {
                errors.Add(ProfilePrefix + field.Id, Say(ValidationText.NotAChoice, value, label));
                continue;
            }

            if (field.ParentFieldId is { } parentId
                && profile.GetValueOrDefault(parentId) is { Length: > 0 } parentValue
                && option.ParentId != parentValue)
            {
                errors.Add(ProfilePrefix + field.Id, Say(ValidationText.RegionOfOtherCountry, option.Label.In(Language)));
            }
        }
    }

    /// <summary>Checks the answers present; unknown question ids are errors, missing questions are not.</summary>
    public static void ValidateAnswers(Questionnaire questionnaire, IReadOnlyDictionary<string, Answer> answers, ValidationErrors errors)
    {
        foreach (var (questionId, answer) in answers)
        {
            var question = questionnaire.FindQuestion(questionId);
            if (question is null)
            {
                errors.Add(AnswersPrefix + questionId, Say(ValidationText.UnknownQuestion, questionId, questionnaire.Version));
                continue;
            }

            if (CheckAnswer(question, answer) is { } message)
            {
                errors.Add(AnswersPrefix + questionId, message);
            }
        }
    }

    /// <summary>Returns why the answer does not fit the question, or null when it does.</summary>
    public static string? CheckAnswer(Question question, Answer answer)
    {
        if (answer is not Answer.Selected selected)
        {
            return null;
        }

        foreach (var id in selected.OptionIds)
        {
            if (question.FindOption(id) is null)
            {
                return Say(ValidationText.UnknownAnswer, id);
            }
        }

        if (selected.OptionIds.Distinct(StringComparer.Ordinal).Count() != selected.OptionIds.Count)
        {
            return ValidationText.AnswerTwice;
        }

        return question.IsSingleChoice && selected.OptionIds.Count != 1
            ? selected.OptionIds.Count == 0 ? MissingAnswerMessage : ValidationText.OnlyOneAnswer
            : null;
    }

    public static void ValidateBarriers(Questionnaire questionnaire, IReadOnlyList<string> barriers, IReadOnlyList<string> topBarriers, ValidationErrors errors)
    {
        CheckVocabulary(barriers, id => questionnaire.FindBarrier(id) is not null, BarriersField, ValidationText.UnknownBarrier, ValidationText.BarrierTwice, errors);
        CheckVocabulary(topBarriers, id => questionnaire.FindBarrier(id) is not null, TopBarriersField, ValidationText.UnknownBarrier, ValidationText.BarrierTwice, errors);
        if (topBarriers.Distinct().Count() > questionnaire.MaxTopBarriers)
        {
            errors.Add(TopBarriersField, Say(ValidationText.TooManyTopBarriers, questionnaire.MaxTopBarriers));
        }

        foreach (var id in topBarriers.Where(t => questionnaire.FindBarrier(t) is not null && !barriers.Contains(t)))
        {
            errors.Add(TopBarriersField, Say(ValidationText.TopNotTicked, questionnaire.FindBarrier(id)!.Label.In(Language)));
        }
    }

    public static void ValidateGoals(Questionnaire questionnaire, IReadOnlyList<string> goals, ValidationErrors errors) =>
        CheckVocabulary(goals, id => questionnaire.FindGoal(id) is not null, GoalsField, ValidationText.UnknownGoal, ValidationText.GoalTwice, errors);

    private static void CheckVocabulary(IReadOnlyList<string> ids, Func<string, bool> known, string field, string unknown, string twice, ValidationErrors errors)
    {
        foreach (var id in ids.Where(id => !known(id)))
        {
            errors.Add(field, Say(unknown, id));
        }

        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
        {
            errors.Add(field, twice);
        }
    }
}
