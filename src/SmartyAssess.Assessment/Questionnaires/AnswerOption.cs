namespace SmartyAssess.Assessment.Questionnaires;

/// <param name="Level">The level 0–5 for scale questions, otherwise null.</param>
public sealed record AnswerOption(string Id, LocalizedText Label, decimal Points, int? Level);
