using SmartyAssess.Assessment.Catalogue;

namespace SmartyAssess.Web.Features.Catalogue;

public sealed record PracticeListResponse(IReadOnlyList<PracticeSummaryResponse> Items, int Total, string CatalogueVersion);

public sealed record PracticeSummaryResponse(
    string Id,
    string Title,
    string Summary,
    string SmartyTheme,
    string InstrumentType,
    IReadOnlyList<string> Dimensions,
    IReadOnlyList<string> Barriers,
    string Country,
    string? Region,
    string Provenance,
    bool Incomplete)
{
    public static PracticeSummaryResponse From(Practice p, PracticeLabels labels) =>
        new(p.Id, labels.Title(p), labels.Summary(p), p.Theme, p.InstrumentType, p.Dimensions, p.Barriers, p.Country, p.Nuts, p.Provenance.Kind, p.Incomplete);
}

public sealed record PracticeResponse(
    string Id,
    string Title,
    string Summary,
    string Description,
    string Region,
    string? Nuts,
    string Country,
    string SmartyTheme,
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
    DateOnly LastReviewed,
    bool Incomplete,
    IReadOnlyList<string> RelatedPractices)
{
    public static PracticeResponse From(Practice p, IReadOnlyList<Practice> related, PracticeLabels labels) =>
        new(p.Id, labels.Title(p), labels.Summary(p), p.Description, p.Region, p.Nuts, p.Country, p.Theme, p.InstrumentType, p.TargetGroup,
            p.Dimensions, p.Barriers, p.Goals, p.Topics, p.Sectors, p.Sizes, p.MaturityFit,
            p.FundingSource, p.Budget, p.EvidenceOfSuccess, p.ResourcesNeeded, p.Transferability, p.Provenance, p.Sources, p.LastReviewed,
            p.Incomplete, [.. related.Select(r => r.Id)]);
}
