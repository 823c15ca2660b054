namespace SmartyAssess.Assessment.Catalogue;

/// <summary>What a visitor filters the catalogue by; null means "any". Parameter names match the API's query string.</summary>
public sealed record PracticeFilter(
    string? Theme = null,
    string? Dimension = null,
    string? Barrier = null,
    string? Country = null,
    string? Region = null,
    string? Sector = null,
    string? Instrument = null,
    string? Q = null)
{
    public bool IsEmpty => this == new PracticeFilter();
}
