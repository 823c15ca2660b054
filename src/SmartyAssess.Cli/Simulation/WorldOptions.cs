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
    string? Catalogue = null);
