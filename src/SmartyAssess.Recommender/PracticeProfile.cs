namespace SmartyAssess.Recommender;

/// <summary>What the recommender knows of a practice, in the engine's own terms.</summary>
/// <param name="Id">The practice id.</param>
/// <param name="Theme">Theme id.</param>
/// <param name="InstrumentType">Instrument type id.</param>
/// <param name="Dimensions">Dimension ids it strengthens.</param>
/// <param name="Barriers">Barrier ids it addresses.</param>
/// <param name="Goals">Goal ids it serves.</param>
/// <param name="Topics">Industry 4.0 topic ids.</param>
/// <param name="Sectors">NACE sections, or <c>all</c>.</param>
/// <param name="Sizes">Size classes it is open to.</param>
/// <param name="MaturityFit">Band ids it suits.</param>
/// <param name="Transferability"><c>low</c>, <c>medium</c> or <c>high</c>.</param>
/// <param name="Region">Region of origin, if any.</param>
public sealed record PracticeProfile(
    string Id,
    string Theme,
    string InstrumentType,
    IReadOnlyList<string> Dimensions,
    IReadOnlyList<string> Barriers,
    IReadOnlyList<string> Goals,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Sectors,
    IReadOnlyList<string> Sizes,
    IReadOnlyList<string> MaturityFit,
    string Transferability,
    string? Region)
{
    /// <summary>True when the practice is open to the given sector (or to all).</summary>
    /// <param name="sector">A NACE section.</param>
    public bool FitsSector(string? sector) => sector is null || Sectors.Contains("all") || Sectors.Contains(sector);

    /// <summary>Transferability as a number in [0, 1]: low 0.2, medium 0.5, high 0.8.</summary>
    public double TransferabilityValue => Transferability switch
    {
        "high" => 0.8,
        "medium" => 0.5,
        _ => 0.2,
    };
}
