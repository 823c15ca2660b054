namespace SmartyAssess.Assessment.Catalogue;

/// <summary>
/// One transferable good practice, as curated in <c>data/catalogue</c>. Unknown facts stay null;
/// such a practice is <see cref="Incomplete"/> rather than padded.
/// </summary>
public sealed record Practice(
    string Id,
    string Title,
    string Summary,
    string Description,
    string Region,
    string? Nuts,
    string Country,
    string Theme,
    string InstrumentType,
    string? TargetGroup,
    IReadOnlyList<string> Dimensions,
    IReadOnlyList<string> Barriers,
    IReadOnlyList<string> Goals,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Sectors,
    IReadOnlyList<string> Sizes,
    IReadOnlyList<string> MaturityFit,
    string? FundingSource,
    string? Budget,
    string? EvidenceOfSuccess,
    string? ResourcesNeeded,
    Transferability Transferability,
    Provenance Provenance,
    IReadOnlyList<PracticeSource> Sources,
    DateOnly LastReviewed)
{
    /// <summary>True when a fact a manager would look for is not known from the sources.</summary>
    public bool Incomplete =>
        TargetGroup is null || FundingSource is null || Budget is null || EvidenceOfSuccess is null
        || ResourcesNeeded is null || Transferability.Conditions is null;

    public bool IsSmarty => Provenance.Kind == "smarty";

    public bool FitsSector(string sector) => Sectors.Contains(Vocabulary.AllSectors) || Sectors.Contains(sector);
}

public sealed record Transferability(string? Conditions, string Rating);

/// <param name="Kind"><c>smarty</c> when a source ties it to SMARTY, else <c>related</c>.</param>
public sealed record Provenance(string Kind, string Programme, string? Evidence);

public sealed record PracticeSource(Uri Url, string Title);
