namespace SmartyAssess.Assessment.Questionnaires;

/// <param name="ParentFieldId">When set, every option names an option of that field as its parent
/// (a region belongs to a country), and an answer must match the answer given there.</param>
public sealed record ProfileField(
    string Id,
    LocalizedText Label,
    LocalizedText? Help,
    bool Required,
    string? ParentFieldId,
    IReadOnlyList<ProfileOption> Options)
{
    public ProfileOption? FindOption(string optionId) => Options.FirstOrDefault(o => o.Id == optionId);
}
