namespace SmartyAssess.Assessment.Questionnaires;

/// <summary>A questionnaire file is invalid; <see cref="Problems"/> holds one line per problem, each naming file, item and problem.</summary>
public sealed class QuestionnaireValidationException(IReadOnlyList<string> problems)
    : Exception("The questionnaire data is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
