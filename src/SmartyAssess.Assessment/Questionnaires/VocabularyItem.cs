namespace SmartyAssess.Assessment.Questionnaires;

/// <summary>An entry of a controlled vocabulary: an adoption barrier, a goal or an Industry 4.0 topic.</summary>
public sealed record VocabularyItem(string Id, LocalizedText Label, LocalizedText? Description);
