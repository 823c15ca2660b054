namespace SmartyAssess.Assessment.Catalogue;

// The JSON shape of a practice file; nullable throughout so the loader can name every missing field.
#pragma warning disable CA1812 // instantiated by System.Text.Json
internal sealed class PracticeDocument
{
    public string? Id { get; set; }
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Description { get; set; }
    public string? Region { get; set; }
    public string? Nuts { get; set; }
    public string? Country { get; set; }
    public string? SmartyTheme { get; set; }
    public string? InstrumentType { get; set; }
    public string? TargetGroup { get; set; }
    public List<string>? Dimensions { get; set; }
    public List<string>? Barriers { get; set; }
    public List<string>? Goals { get; set; }
    public List<string>? Topics { get; set; }
    public List<string>? Sectors { get; set; }
    public List<string>? Sizes { get; set; }
    public List<string>? MaturityFit { get; set; }
    public string? FundingSource { get; set; }
    public string? Budget { get; set; }
    public string? EvidenceOfSuccess { get; set; }
    public string? ResourcesNeeded { get; set; }
    public TransferabilityDocument? Transferability { get; set; }
    public ProvenanceDocument? Provenance { get; set; }
    public List<SourceDocument>? Sources { get; set; }
    public string? LastReviewed { get; set; }
}

internal sealed class TransferabilityDocument
{
    public string? Conditions { get; set; }
    public string? Rating { get; set; }
}

internal sealed class ProvenanceDocument
{
    public string? Kind { get; set; }
    public string? Programme { get; set; }
    public string? Evidence { get; set; }
}

internal sealed class SourceDocument
{
    public string? Url { get; set; }
    public string? Title { get; set; }
}
#pragma warning restore CA1812
