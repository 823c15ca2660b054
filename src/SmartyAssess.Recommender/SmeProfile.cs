namespace SmartyAssess.Recommender;

/// <summary>What the recommender knows of a firm, in the engine's own terms.</summary>
/// <param name="Id">A stable id; with feedback from this firm the model learns a per-firm term.</param>
/// <param name="DimensionScores">Score 0–100 per assessed dimension id; a dimension left out has no gap feature.</param>
/// <param name="Band">The overall band id, e.g. <c>basic</c>.</param>
/// <param name="Sector">NACE section, e.g. <c>C</c>.</param>
/// <param name="Size">Size class, e.g. <c>small</c>.</param>
/// <param name="Region">Region id, e.g. <c>ITI1</c>.</param>
/// <param name="Barriers">Barrier ids the firm named.</param>
/// <param name="TopBarriers">The subset marked most important; weighted higher.</param>
/// <param name="Goals">Goal ids.</param>
public sealed record SmeProfile(
    string Id,
    IReadOnlyDictionary<string, double> DimensionScores,
    string? Band,
    string? Sector,
    string? Size,
    string? Region,
    IReadOnlyList<string> Barriers,
    IReadOnlyList<string> TopBarriers,
    IReadOnlyList<string> Goals)
{
    /// <summary>The gap of a dimension in [0, 1]: (100 − score) / 100, or null if not assessed.</summary>
    /// <param name="dimension">A dimension id.</param>
    public double? Gap(string dimension) => DimensionScores.TryGetValue(dimension, out var score) ? (100 - Math.Clamp(score, 0, 100)) / 100 : null;
}
