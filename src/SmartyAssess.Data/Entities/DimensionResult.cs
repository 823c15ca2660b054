namespace SmartyAssess.Data.Entities;

/// <summary>One dimension of a stored result; <see cref="AssessmentResult.Dimensions"/> keeps the questionnaire's order.</summary>
public sealed record DimensionResult(string DimensionId, bool Assessed, double? Score, string? Band, int? Level, int DontKnowCount);
