namespace SmartyAssess.Assessment.Catalogue;

/// <summary>What the rule-based match knows of a firm: from its result, profile and named barriers.</summary>
public sealed record FirmContext(
    string? WeakestDimension,
    string? OverallBand,
    IReadOnlyList<string> Barriers,
    IReadOnlyList<string> TopBarriers,
    string? Size,
    string? Sector,
    string? Country);
