using SmartyAssess.Assessment.Questionnaires;
using SmartyAssess.Assessment.Scoring;
using SmartyAssess.Assessment.Submissions;
using static SmartyAssess.Assessment.Scoring.Answer;

namespace SmartyAssess.Assessment.Tests;

public class SubmissionValidatorTests
{
    private static readonly Questionnaire s_questionnaire = TestQuestionnaire.Load();

    private static Submission Valid(
        Dictionary<string, string>? profile = null,
        Dictionary<string, Answer>? answers = null,
        string[]? barriers = null,
        string[]? topBarriers = null,
        string[]? goals = null) => new(
            profile ?? new() { ["sector"] = "C", ["country"] = "IT", ["region"] = "ITI1" },
            answers ?? s_questionnaire.Questions.ToDictionary(q => q.Id, q => (Answer)new Selected([q.Options[0].Id])),
            barriers ?? ["finance", "skills"],
            topBarriers ?? ["finance"],
            goals ?? ["cost"]);

    private static ValidationErrors Validate(Submission submission) => SubmissionValidator.Validate(s_questionnaire, submission);

    [Fact]
    public void Validate_CompleteSubmission_HasNoErrors()
    {
        Assert.True(Validate(Valid()).IsEmpty);
    }

    [Fact]
    public void Validate_MissingRequiredProfileField_NamesIt()
    {
        var errors = Validate(Valid(profile: new() { ["country"] = "IT", ["region"] = "ITI1" }));

        Assert.Equal(["profile.sector"], errors.Fields);
        Assert.Equal(SubmissionValidator.MissingProfileMessage, errors.For("profile.sector")[0]);
    }

    [Fact]
    public void Validate_OptionalProfileFieldMissing_IsFine()
    {
        Assert.False(Validate(Valid()).Has("profile.note"));
    }

    [Fact]
    public void Validate_RegionOfAnotherCountry_IsRefused()
    {
        var errors = Validate(Valid(profile: new() { ["sector"] = "C", ["country"] = "BE", ["region"] = "ITI1" }));

        Assert.Equal(["profile.region"], errors.Fields);
    }

    [Fact]
    public void Validate_UnknownProfileValueAndField_AreBothNamed()
    {
        var errors = Validate(Valid(profile: new() { ["sector"] = "Z", ["country"] = "IT", ["region"] = "ITI1", ["colour"] = "blue" }));

        Assert.Equal(["profile.colour", "profile.sector"], errors.Fields.Order());
    }

    [Fact]
    public void Validate_UnansweredQuestion_AsksForAnAnswerOrDontKnow()
    {
        var answers = s_questionnaire.Questions.Where(q => q.Id != "b2").ToDictionary(q => q.Id, q => (Answer)new Selected([q.Options[0].Id]));

        var errors = Validate(Valid(answers: answers));

        Assert.Equal(["answers.b2"], errors.Fields);
        Assert.Equal(SubmissionValidator.MissingAnswerMessage, errors.For("answers.b2")[0]);
    }

    [Theory]
    [InlineData("a1", new[] { "level-1", "level-2" }, "only one")]
    [InlineData("a2", new[] { "maybe" }, "\u201cmaybe\u201d is not one of the answers")]
    [InlineData("a3", new[] { "x", "x" }, "twice")]
    [InlineData("b1", new string[0], "Please answer")]
    public void Validate_AnswerThatDoesNotFitTheQuestion_NamesTheQuestion(string questionId, string[] selected, string message)
    {
        var answers = s_questionnaire.Questions.ToDictionary(q => q.Id, q => (Answer)new Selected([q.Options[0].Id]));
        answers[questionId] = new Selected(selected);

        var errors = Validate(Valid(answers: answers));

        Assert.Equal(["answers." + questionId], errors.Fields);
        Assert.Contains(message, errors.For("answers." + questionId)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyChecklist_IsAValidNoneOfTheseAnswer()
    {
        var answers = s_questionnaire.Questions.ToDictionary(q => q.Id, q => (Answer)new Selected([q.Options[0].Id]));
        answers["a3"] = new Selected([]);

        Assert.True(Validate(Valid(answers: answers)).IsEmpty);
    }

    [Fact]
    public void Validate_UnknownQuestion_IsNamed()
    {
        var answers = s_questionnaire.Questions.ToDictionary(q => q.Id, q => (Answer)new Selected([q.Options[0].Id]));
        answers["zz"] = Unknown;

        Assert.Equal(["answers.zz"], Validate(Valid(answers: answers)).Fields);
    }

    [Fact]
    public void Validate_UnknownBarrierAndGoal_AreNamed()
    {
        var errors = Validate(Valid(barriers: ["finance", "weather"], goals: ["cost", "fame"]));

        Assert.Equal(["barriers", "goals"], errors.Fields.Order());
    }

    [Fact]
    public void Validate_MoreThanThreeTopBarriers_IsRefused()
    {
        var errors = Validate(Valid(barriers: ["finance", "skills", "security", "culture"], topBarriers: ["finance", "skills", "security", "culture"]));

        Assert.Equal(["topBarriers"], errors.Fields);
        Assert.Contains("at most 3", errors.For("topBarriers")[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TopBarrierNotTicked_IsRefused()
    {
        var errors = Validate(Valid(barriers: ["finance"], topBarriers: ["skills"]));

        Assert.Equal(["topBarriers"], errors.Fields);
    }

    [Fact]
    public void Validate_NoBarriersAndNoGoals_IsAllowed()
    {
        Assert.True(Validate(Valid(barriers: [], topBarriers: [], goals: [])).IsEmpty);
    }
}
