using SmartyAssess.Assessment.Questionnaires;
using SmartyAssess.Assessment.Submissions;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Web.Features.Journey;

/// <summary>The order of the journey: profile → one step per dimension → barriers and goals → review.</summary>
public static class JourneySteps
{
    public const string ProfileSlug = "profile";
    public const string BarriersSlug = "barriers";
    public const string ReviewSlug = "review";

    /// <summary>The error key for a barriers step that was never saved (it may hold nothing, but must be seen).</summary>
    public const string BarriersStepKey = "barriers-step";

    public static IReadOnlyList<JourneyStep> For(Questionnaire questionnaire, string language) =>
    [
        new(ProfileSlug, StepKind.Profile, JourneyText.StepProfile, null),
        .. questionnaire.Dimensions.Select(d => new JourneyStep(d.Id, StepKind.Dimension, d.Title.In(language), d)),
        new(BarriersSlug, StepKind.BarriersAndGoals, JourneyText.StepBarriers, null),
        new(ReviewSlug, StepKind.Review, JourneyText.StepReview, null),
    ];

    public static bool IsComplete(JourneyStep step, Questionnaire questionnaire, AssessmentRecord draft)
    {
        switch (step.Kind)
        {
            case StepKind.Profile:
                var errors = new ValidationErrors();
                SubmissionValidator.ValidateProfile(questionnaire, draft.Profile, errors);
                return errors.IsEmpty;
            case StepKind.Dimension:
                return step.Dimension!.Questions.All(q => draft.Answers.ContainsKey(q.Id));
            case StepKind.BarriersAndGoals:
                return draft.BarriersSavedAt is not null;
            case StepKind.Review:
                return draft.SubmittedAt is not null;
            default:
                throw new ArgumentOutOfRangeException(nameof(step));
        }
    }

    /// <summary>The slug of the step a returning respondent continues with.</summary>
    public static string ResumeSlug(QuestionnaireCatalog catalog, AssessmentRecord draft)
    {
        var questionnaire = catalog.ForDraft(draft.QuestionnaireVersion);
        return FirstIncomplete(For(questionnaire, draft.Language), questionnaire, draft).Slug;
    }

    /// <summary>Where a returning respondent continues: the first step not yet complete.</summary>
    public static JourneyStep FirstIncomplete(IReadOnlyList<JourneyStep> steps, Questionnaire questionnaire, AssessmentRecord draft) =>
        steps.FirstOrDefault(s => s.Kind != StepKind.Review && !IsComplete(s, questionnaire, draft)) ?? steps[^1];
}
