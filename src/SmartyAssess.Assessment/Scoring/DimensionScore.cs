namespace SmartyAssess.Assessment.Scoring;

/// <summary>
/// The score of one dimension. A dimension whose questions are all "not applicable" is not
/// assessed: it has no score, band or level, and is left out of the overall score.
/// </summary>
public sealed record DimensionScore(string DimensionId, decimal? Score, IReadOnlyList<QuestionScore> Questions)
{
    public bool Assessed => Score is not null;

    public Band? Band => Score is { } s ? Bands.Classify(s) : null;

    public int? Level => Score is { } s ? Bands.Level(s) : null;

    public int DontKnowCount => Questions.Count(q => q.DontKnow);
}
