namespace SmartyAssess.Web.Features.Journey;

public sealed class QuestionnaireOptions
{
    public const string SectionName = "Questionnaire";

    /// <summary>Folder of <c>questionnaire.*.json</c>, relative to the application's base directory unless absolute.</summary>
    public string Directory { get; set; } = "data/questionnaire";
}
