using SmartyAssess.Assessment.Scoring;

namespace SmartyAssess.Assessment.Questionnaires;

public sealed class Dimension(
    string id,
    LocalizedText title,
    LocalizedText description,
    IReadOnlyList<LocalizedText> levels,
    IReadOnlyDictionary<Band, LocalizedText> bandNarratives,
    IReadOnlyList<Question> questions)
{
    public string Id { get; } = id;
    public LocalizedText Title { get; } = title;
    public LocalizedText Description { get; } = description;

    /// <summary>What the dimension looks like at readiness levels 0–5 (index = level).</summary>
    public IReadOnlyList<LocalizedText> Levels { get; } = levels;

    public IReadOnlyDictionary<Band, LocalizedText> BandNarratives { get; } = bandNarratives;
    public IReadOnlyList<Question> Questions { get; } = questions;
}
