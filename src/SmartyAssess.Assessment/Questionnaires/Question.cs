namespace SmartyAssess.Assessment.Questionnaires;

public sealed class Question(
    string id,
    string dimensionId,
    QuestionType type,
    LocalizedText text,
    LocalizedText? help,
    IReadOnlyList<string> topics,
    IReadOnlyList<AnswerOption> options)
{
    private readonly Dictionary<string, AnswerOption> _byId = options.ToDictionary(o => o.Id, StringComparer.Ordinal);

    public string Id { get; } = id;
    public string DimensionId { get; } = dimensionId;
    public QuestionType Type { get; } = type;
    public LocalizedText Text { get; } = text;
    public LocalizedText? Help { get; } = help;

    /// <summary>Industry 4.0 topic ids the question covers (used by the catalogue and recommender).</summary>
    public IReadOnlyList<string> Topics { get; } = topics;

    public IReadOnlyList<AnswerOption> Options { get; } = options;

    public bool IsSingleChoice => Type != QuestionType.Checklist;

    public AnswerOption? FindOption(string optionId) => _byId.GetValueOrDefault(optionId);
}
