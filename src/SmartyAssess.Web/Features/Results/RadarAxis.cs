namespace SmartyAssess.Web.Features.Results;

/// <param name="Score">0–100, or null when the dimension was not assessed.</param>
public sealed record RadarAxis(string Label, double? Score);
