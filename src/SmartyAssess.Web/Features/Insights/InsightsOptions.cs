namespace SmartyAssess.Web.Features.Insights;

/// <summary>Section <c>Insights</c>.</summary>
public sealed class InsightsOptions
{
    public const string SectionName = "Insights";

    /// <summary>No figure rests on fewer distinct firms (ONS's threshold rule); never below 5.</summary>
    public int MinimumGroupSize { get; set; } = 10;

    /// <summary>
    /// How stale the peer benchmark on the results page may be: it reads new facts at most this
    /// often, so that the busiest page costs no extra query per view.
    /// </summary>
    public TimeSpan PeerRefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether the results page compares the firm with its peers (off: the section says so; the benchmark's baseline).</summary>
    public bool PeerBenchmark { get; set; } = true;
}
