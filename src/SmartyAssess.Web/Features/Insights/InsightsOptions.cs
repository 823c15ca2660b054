namespace SmartyAssess.Web.Features.Insights;

/// <summary>Section <c>Insights</c>.</summary>
public sealed class InsightsOptions
{
    public const string SectionName = "Insights";

    /// <summary>No figure rests on fewer distinct firms (ONS's threshold rule); never below 5.</summary>
    public int MinimumGroupSize { get; set; } = 10;
}
