namespace SmartyAssess.Web.Features.Hubs;

/// <summary>The workspace's filters and sort order, shared by the page, its CSV export and the API (same query names).</summary>
public sealed record ClientFilter(string? Sector, string? Size, string? Region, string? Band, string? Sort)
{
    public static readonly string[] Sorts = ["date", "label", "score", "acted"];

    public static ClientFilter From(IQueryCollection query) =>
        new(Value(query, "sector"), Value(query, "size"), Value(query, "region"), Value(query, "band"), Value(query, "sort"));

    public IEnumerable<ClientRow> Apply(IEnumerable<ClientRow> rows)
    {
        var kept = rows.Where(r => (Sector is null || r.Sector == Sector) && (Size is null || r.Size == Size) && (Region is null || r.Region == Region) && (Band is null || r.OverallBand == Band));
        return Sort switch
        {
            "label" => kept.OrderBy(r => r.Label, StringComparer.CurrentCultureIgnoreCase),
            "score" => kept.OrderBy(r => r.OverallScore ?? double.MaxValue),
            "acted" => kept.OrderByDescending(r => r.ActedOn).ThenByDescending(r => r.SubmittedAt),
            _ => kept.OrderByDescending(r => r.SubmittedAt),
        };
    }

    public string QueryString =>
        string.Join("&", new[] { ("sector", Sector), ("size", Size), ("region", Region), ("band", Band), ("sort", Sort) }
            .Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));

    private static string? Value(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var value) && value.ToString() is { Length: > 0 and <= 64 } text ? text : null;
}
