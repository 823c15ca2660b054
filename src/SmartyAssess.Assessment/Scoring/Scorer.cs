using SmartyAssess.Assessment.Questionnaires;

namespace SmartyAssess.Assessment.Scoring;

/// <summary>
/// Scoring rules, versioned so that a stored result can always be recomputed with the rules it was
/// made with. Arithmetic is in <see cref="decimal"/> so that band boundaries (25, 50, 75) are hit
/// exactly rather than missed by a binary rounding error.
/// </summary>
public static class Scorer
{
    /// <summary>Version 1: question score q ∈ [0, 10]; dimension = 100·Σq / (10·applicable); overall = mean of assessed dimensions.</summary>
    public const string CurrentVersion = "1";

    public static IReadOnlyList<string> KnownVersions { get; } = [CurrentVersion];

    /// <summary>Scores a complete set of answers.</summary>
    /// <exception cref="ArgumentException">A scored question has no answer, or an answer does not fit its question.</exception>
    /// <exception cref="NotSupportedException">The scoring version is unknown.</exception>
    public static AssessmentScore Score(Questionnaire questionnaire, IReadOnlyDictionary<string, Answer> answers, string version = CurrentVersion)
    {
        if (version != CurrentVersion)
        {
            throw new NotSupportedException($"Scoring version '{version}' is not known; known: {string.Join(", ", KnownVersions)}.");
        }

        var dimensions = questionnaire.Dimensions.Select(d => ScoreDimension(d, answers)).ToList();
        var assessed = dimensions.Where(d => d.Assessed).ToList();
        decimal? overall = assessed.Count == 0 ? null : assessed.Sum(d => d.Score!.Value) / assessed.Count;
        var weakest = assessed.Count == 0 ? null : assessed.MinBy(d => d.Score!.Value)!.DimensionId;
        return new AssessmentScore(questionnaire.Version, version, overall, dimensions, weakest);
    }

    private static DimensionScore ScoreDimension(Dimension dimension, IReadOnlyDictionary<string, Answer> answers)
    {
        var questions = dimension.Questions.Select(q => ScoreQuestion(q, answers.GetValueOrDefault(q.Id))).ToList();
        var applicable = questions.Where(q => !q.NotApplicable).ToList();
        decimal? score = applicable.Count == 0 ? null : 10m * applicable.Sum(q => q.Points!.Value) / applicable.Count;
        return new DimensionScore(dimension.Id, score, questions);
    }

    /// <summary>The 0–10 score of one answer, or null points for "not applicable".</summary>
    public static QuestionScore ScoreQuestion(Question question, Answer? answer) => answer switch
    {
        null => throw new ArgumentException($"Question '{question.Id}' has no answer.", nameof(answer)),
        Answer.NotApplicable => new QuestionScore(question.Id, null, DontKnow: false),
        Answer.DontKnow => new QuestionScore(question.Id, 0m, DontKnow: true),
        Answer.Selected selected => new QuestionScore(question.Id, Points(question, selected.OptionIds), DontKnow: false),
        _ => throw new ArgumentOutOfRangeException(nameof(answer)),
    };

    private static decimal Points(Question question, IReadOnlyList<string> optionIds)
    {
        var options = optionIds
            .Select(id => question.FindOption(id) ?? throw new ArgumentException($"Question '{question.Id}' has no option '{id}'.", nameof(optionIds)))
            .ToList();
        if (question.IsSingleChoice && options.Count != 1)
        {
            throw new ArgumentException($"Question '{question.Id}' takes exactly one option.", nameof(optionIds));
        }

        // A checklist may hold negative items (the DMA's "data not collected digitally"), so the
        // sum can leave [0, 10]; clamping keeps every question worth the same at most.
        return Math.Clamp(options.Sum(o => o.Points), 0m, 10m);
    }
}
