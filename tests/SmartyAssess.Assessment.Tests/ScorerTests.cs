using SmartyAssess.Assessment.Questionnaires;
using SmartyAssess.Assessment.Scoring;
using static SmartyAssess.Assessment.Scoring.Answer;

namespace SmartyAssess.Assessment.Tests;

public class ScorerTests
{
    private static readonly Questionnaire s_questionnaire = TestQuestionnaire.Load();

    private static Dictionary<string, Answer> AllAnswered(params (string Id, Answer Answer)[] overrides)
    {
        var answers = s_questionnaire.Questions.ToDictionary(q => q.Id, q => (Answer)new Selected([q.Options[0].Id]));
        foreach (var (id, answer) in overrides)
        {
            answers[id] = answer;
        }

        return answers;
    }

    [Theory]
    // question type, selection → points
    [InlineData("a1", new[] { "level-0" }, 0)]
    [InlineData("a1", new[] { "level-3" }, 6)]
    [InlineData("a1", new[] { "level-5" }, 10)]
    [InlineData("a2", new[] { "partly" }, 5)]
    // checklist: sum of points, clamped to 0–10
    [InlineData("a3", new[] { "x" }, 4)]
    [InlineData("a3", new[] { "x", "y" }, 8)]
    [InlineData("a3", new[] { "x", "y", "z" }, 10)]
    [InlineData("a3", new[] { "neg", "x" }, 1)]
    [InlineData("a3", new[] { "neg" }, 0)]
    [InlineData("a3", new string[0], 0)]
    public void ScoreQuestion_Selection_GivesHandComputedPoints(string questionId, string[] selected, int expected)
    {
        var score = Scorer.ScoreQuestion(s_questionnaire.FindQuestion(questionId)!, new Selected(selected));

        Assert.Equal(expected, score.Points);
        Assert.False(score.DontKnow);
    }

    [Fact]
    public void ScoreQuestion_DontKnow_ScoresZeroAndIsFlagged()
    {
        var score = Scorer.ScoreQuestion(s_questionnaire.FindQuestion("b1")!, Unknown);

        Assert.Equal(0m, score.Points);
        Assert.True(score.DontKnow);
    }

    [Fact]
    public void ScoreQuestion_NotApplicable_HasNoPoints()
    {
        var score = Scorer.ScoreQuestion(s_questionnaire.FindQuestion("b1")!, NotRelevant);

        Assert.Null(score.Points);
        Assert.True(score.NotApplicable);
    }

    [Fact]
    public void Score_HandComputedExample_MatchesTable()
    {
        // a: 6 + 5 + 4 = 15 of 30          → 50.000 (Average, level 2)
        // b: 2 + N/A + don't know(0) = 2 of 20 → 10.000 (Basic, level 0)
        // c: 10 + 10 + 5 = 25 of 30        → 83.333… (Advanced, level 4)
        // overall = (50 + 10 + 83.333…) / 3 = 47.777… (Average); weakest = b
        var answers = AllAnswered(
            ("a1", Select("level-3")), ("a2", Select("partly")), ("a3", Select("x")),
            ("b1", Select("level-1")), ("b2", NotRelevant), ("b3", Unknown),
            ("c1", Select("yes")), ("c2", Select("yes")), ("c3", Select("partly")));

        var score = Scorer.Score(s_questionnaire, answers);

        Assert.Equal(50m, score.Find("a")!.Score);
        Assert.Equal(Band.Average, score.Find("a")!.Band);
        Assert.Equal(2, score.Find("a")!.Level);
        Assert.Equal(10m, score.Find("b")!.Score);
        Assert.Equal(Band.Basic, score.Find("b")!.Band);
        Assert.Equal(0, score.Find("b")!.Level);
        Assert.Equal(1, score.Find("b")!.DontKnowCount);
        Assert.Equal(83.3333m, Math.Round(score.Find("c")!.Score!.Value, 4));
        Assert.Equal(Band.Advanced, score.Find("c")!.Band);
        Assert.Equal(4, score.Find("c")!.Level);
        Assert.Equal(47.7778m, Math.Round(score.Overall!.Value, 4));
        Assert.Equal(Band.Average, score.OverallBand);
        Assert.Equal("b", score.WeakestDimensionId);
        Assert.Equal("2026.1", score.QuestionnaireVersion);
        Assert.Equal(Scorer.CurrentVersion, score.ScoringVersion);
    }

    [Fact]
    public void Score_NotApplicableQuestion_LeavesTheDenominator()
    {
        // b: level-5 (10) + level-0 (0), b1 not applicable → 10 of 20 = 50, not 10 of 30 = 33.3
        var score = Scorer.Score(s_questionnaire, AllAnswered(("b1", NotRelevant), ("b2", Select("level-5")), ("b3", Select("level-0"))));

        Assert.Equal(50m, score.Find("b")!.Score);
    }

    [Fact]
    public void Score_DontKnow_StaysInTheDenominatorAsZero()
    {
        // b: don't know (0) + 10 + 10 = 20 of 30 = 66.67, whereas N/A would give 100
        var score = Scorer.Score(s_questionnaire, AllAnswered(("b1", Unknown), ("b2", Select("level-5")), ("b3", Select("level-5"))));

        Assert.Equal(66.67m, Math.Round(score.Find("b")!.Score!.Value, 2));
    }

    [Fact]
    public void Score_DimensionAllNotApplicable_IsNotAssessedAndLeftOutOfOverall()
    {
        var answers = AllAnswered(
            ("a1", Select("level-5")), ("a2", Select("yes")), ("a3", Select("x", "y", "z")), // a = 100
            ("b1", Select("level-0")), ("b2", Select("level-0")), ("b3", Select("level-5")), // b = 33.3…
            ("c1", NotRelevant), ("c2", NotRelevant), ("c3", NotRelevant));

        var score = Scorer.Score(s_questionnaire, answers);

        var c = score.Find("c")!;
        Assert.False(c.Assessed);
        Assert.Null(c.Score);
        Assert.Null(c.Band);
        Assert.Null(c.Level);
        Assert.Equal(66.6667m, Math.Round(score.Overall!.Value, 4)); // (100 + 33.333…) / 2, not / 3
        Assert.Equal("b", score.WeakestDimensionId);
    }

    [Fact]
    public void Score_EverythingNotApplicable_HasNoOverallScore()
    {
        var answers = s_questionnaire.Questions.ToDictionary(q => q.Id, _ => NotRelevant);

        var score = Scorer.Score(s_questionnaire, answers);

        Assert.Null(score.Overall);
        Assert.Null(score.OverallBand);
        Assert.Null(score.WeakestDimensionId);
        Assert.All(score.Dimensions, d => Assert.False(d.Assessed));
    }

    [Fact]
    public void Score_ExactBandBoundariesFromAnswers_FallIntoTheLowerBand()
    {
        // c: partly (5) + no (0), one N/A → 5 of 20 = exactly 25 → Basic
        var quarter = Scorer.Score(s_questionnaire, AllAnswered(("c1", Select("partly")), ("c2", Select("no")), ("c3", NotRelevant)));
        // c: yes (10) + partly (5), one N/A → 15 of 20 = exactly 75 → Moderately advanced
        var threeQuarters = Scorer.Score(s_questionnaire, AllAnswered(("c1", Select("yes")), ("c2", Select("partly")), ("c3", NotRelevant)));

        Assert.Equal(25m, quarter.Find("c")!.Score);
        Assert.Equal(Band.Basic, quarter.Find("c")!.Band);
        Assert.Equal(75m, threeQuarters.Find("c")!.Score);
        Assert.Equal(Band.ModeratelyAdvanced, threeQuarters.Find("c")!.Band);
        Assert.Equal(3, threeQuarters.Find("c")!.Level);
    }

    [Fact]
    public void Score_TiedWeakestDimensions_NamesTheFirstInQuestionnaireOrder()
    {
        var answers = AllAnswered(
            ("a1", Select("level-0")), ("a2", Select("no")), ("a3", Select()),
            ("b1", Select("level-0")), ("b2", Select("level-0")), ("b3", Select("level-0")),
            ("c1", NotRelevant), ("c2", NotRelevant), ("c3", NotRelevant));

        var score = Scorer.Score(s_questionnaire, answers);

        Assert.Equal(0m, score.Find("a")!.Score);
        Assert.Equal(0m, score.Find("b")!.Score);
        Assert.Equal("a", score.WeakestDimensionId);
    }

    [Fact]
    public void Score_MissingAnswer_Throws()
    {
        var answers = AllAnswered();
        answers.Remove("b2");

        var error = Assert.Throws<ArgumentException>(() => Scorer.Score(s_questionnaire, answers));
        Assert.Contains("b2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_UnknownScoringVersion_IsRefused()
    {
        Assert.Throws<NotSupportedException>(() => Scorer.Score(s_questionnaire, AllAnswered(), "0"));
    }
}
