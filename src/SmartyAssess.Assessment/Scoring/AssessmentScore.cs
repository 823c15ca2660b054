namespace SmartyAssess.Assessment.Scoring;

/// <param name="Overall">Mean of the assessed dimension scores, or null when no dimension was assessed.</param>
/// <param name="WeakestDimensionId">The assessed dimension with the lowest score (first in questionnaire order on a tie).</param>
public sealed record AssessmentScore(
    string QuestionnaireVersion,
    string ScoringVersion,
    decimal? Overall,
    IReadOnlyList<DimensionScore> Dimensions,
    string? WeakestDimensionId)
{
    public Band? OverallBand => Overall is { } s ? Bands.Classify(s) : null;

    public DimensionScore? Find(string dimensionId) => Dimensions.FirstOrDefault(d => d.DimensionId == dimensionId);
}
