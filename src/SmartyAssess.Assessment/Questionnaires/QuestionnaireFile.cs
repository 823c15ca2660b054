namespace SmartyAssess.Assessment.Questionnaires;

/// <summary>The raw text of one questionnaire file, kept so the exact version can be archived.</summary>
public sealed record QuestionnaireFile(string FileName, string Json);
