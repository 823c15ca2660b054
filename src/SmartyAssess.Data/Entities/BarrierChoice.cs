namespace SmartyAssess.Data.Entities;

/// <param name="IsTop">Marked by the respondent as one of the (at most three) most important barriers.</param>
public sealed record BarrierChoice(string BarrierId, bool IsTop);
