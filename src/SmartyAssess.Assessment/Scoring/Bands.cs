namespace SmartyAssess.Assessment.Scoring;

public static class Bands
{
    public static IReadOnlyList<Band> All { get; } = [Band.Basic, Band.Average, Band.ModeratelyAdvanced, Band.Advanced];

    /// <summary>
    /// Half-open thresholds on the unrounded score: Basic ≤ 25 &lt; Average ≤ 50 &lt; Moderately advanced ≤ 75 &lt; Advanced.
    /// Inclusive integer ranges (0–25, 26–50, …) would leave 25.4 in no band; see dma-structure.md.
    /// </summary>
    public static Band Classify(decimal score) => score switch
    {
        <= 25m => Band.Basic,
        <= 50m => Band.Average,
        <= 75m => Band.ModeratelyAdvanced,
        _ => Band.Advanced,
    };

    /// <summary>Readiness level 0–5 = min(5, ⌊score / 20⌋).</summary>
    public static int Level(decimal score) => (int)Math.Min(5m, Math.Floor(Math.Max(0m, score) / 20m));

    /// <summary>The stable id used in data files and the API.</summary>
    public static string ToId(this Band band) => band switch
    {
        Band.Basic => "basic",
        Band.Average => "average",
        Band.ModeratelyAdvanced => "moderately-advanced",
        Band.Advanced => "advanced",
        _ => throw new ArgumentOutOfRangeException(nameof(band)),
    };

    public static bool TryParse(string id, out Band band)
    {
        foreach (var candidate in All)
        {
            if (candidate.ToId() == id)
            {
                band = candidate;
                return true;
            }
        }

        band = default;
        return false;
    }
}
