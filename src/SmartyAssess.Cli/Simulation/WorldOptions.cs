namespace SmartyAssess.Cli.Simulation;

/// <summary>
/// Parameters of a synthetic world (recommender-design.md §3): a hidden utility made of a
/// misspecified prior term, a term learnable from features, a firm-specific term and one
/// non-linear rule, observed through a logging policy with exploration and position effects.
/// </summary>
internal sealed record WorldOptions(
    int Seed = 1,
    int Smes = 300,
    int Practices = 40,
    int ImpressionsPerSme = 8,
    double PriorTermWeight = 0.5,
    double FeatureTermWeight = 0.35,
    double FirmTermWeight = 0.15,
    double NonLinearWeight = 0.8,
    double Exploration = 0.2,
    double ResponseNoise = 0.4,
    double AdoptedAbove = 1.2,
    double RelevantAbove = 0.5,
    double NotRelevantBelow = -0.2,
    string? Catalogue = null,
    string Affinity = WorldAffinity.SectorSizeTheme);

/// <summary>
/// Where the planted feature-learnable affinity lies. The default is the interaction map the
/// <c>fm</c> trainer assumes; the others test a model on structure it was not told about.
/// </summary>
internal static class WorldAffinity
{
    /// <summary>The firm's sector and size vectors (summed) meet the practice's theme vector.</summary>
    public const string SectorSizeTheme = "sector-size-theme";

    /// <summary>The firm's region meets the practice's instrument type.</summary>
    public const string RegionInstrument = "region-instrument";

    /// <summary>Sector, size and theme together (Σk sector_k·size_k·theme_k): no sum of pairs expresses it.</summary>
    public const string ThreeWay = "sector-size-theme-3way";

    public static readonly string[] All = [SectorSizeTheme, RegionInstrument, ThreeWay];
}
