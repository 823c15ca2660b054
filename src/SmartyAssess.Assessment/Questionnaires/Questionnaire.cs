using SmartyAssess.Assessment.Scoring;

namespace SmartyAssess.Assessment.Questionnaires;

/// <summary>One validated version of the readiness questionnaire, as loaded from <c>data/questionnaire</c>.</summary>
public sealed class Questionnaire
{
    private readonly Dictionary<string, Question> _questions;
    private readonly Dictionary<string, Dimension> _dimensions;
    private readonly Dictionary<string, ProfileField> _profile;

    public Questionnaire(
        string version,
        string defaultLanguage,
        IReadOnlyList<string> languages,
        LocalizedText title,
        IReadOnlyDictionary<Band, LocalizedText> bandLabels,
        IReadOnlyDictionary<Band, LocalizedText> bandNarratives,
        IReadOnlyList<ProfileField> profile,
        IReadOnlyList<Dimension> dimensions,
        IReadOnlyList<VocabularyItem> barriers,
        int maxTopBarriers,
        IReadOnlyList<VocabularyItem> goals,
        IReadOnlyList<VocabularyItem> topics)
    {
        Version = version;
        DefaultLanguage = defaultLanguage;
        Languages = languages;
        Title = title;
        BandLabels = bandLabels;
        BandNarratives = bandNarratives;
        Profile = profile;
        Dimensions = dimensions;
        Barriers = barriers;
        MaxTopBarriers = maxTopBarriers;
        Goals = goals;
        Topics = topics;
        _questions = dimensions.SelectMany(d => d.Questions).ToDictionary(q => q.Id, StringComparer.Ordinal);
        _dimensions = dimensions.ToDictionary(d => d.Id, StringComparer.Ordinal);
        _profile = profile.ToDictionary(f => f.Id, StringComparer.Ordinal);
    }

    public string Version { get; }
    public string DefaultLanguage { get; }
    public IReadOnlyList<string> Languages { get; }
    public LocalizedText Title { get; }
    public IReadOnlyDictionary<Band, LocalizedText> BandLabels { get; }

    /// <summary>What the overall band means for the firm as a whole.</summary>
    public IReadOnlyDictionary<Band, LocalizedText> BandNarratives { get; }

    public IReadOnlyList<ProfileField> Profile { get; }
    public IReadOnlyList<Dimension> Dimensions { get; }
    public IReadOnlyList<VocabularyItem> Barriers { get; }

    /// <summary>How many barriers a respondent may mark as most important.</summary>
    public int MaxTopBarriers { get; }

    public IReadOnlyList<VocabularyItem> Goals { get; }
    public IReadOnlyList<VocabularyItem> Topics { get; }

    /// <summary>Each translated language's progress; the default language is the source and has no entry.</summary>
    public IReadOnlyDictionary<string, TranslationStatus> Translations { get; internal set; } = new Dictionary<string, TranslationStatus>();

    /// <summary>True when <paramref name="language"/> is the source or fully reviewed: pages mark every other translation as a draft.</summary>
    public bool IsReviewed(string language) =>
        language.Equals(DefaultLanguage, StringComparison.OrdinalIgnoreCase) || (Translations.TryGetValue(language, out var status) && status.IsReviewed);

    public IEnumerable<Question> Questions => Dimensions.SelectMany(d => d.Questions);

    public Question? FindQuestion(string id) => _questions.GetValueOrDefault(id);

    public Dimension? FindDimension(string id) => _dimensions.GetValueOrDefault(id);

    public ProfileField? FindProfileField(string id) => _profile.GetValueOrDefault(id);

    public VocabularyItem? FindBarrier(string id) => Barriers.FirstOrDefault(b => b.Id == id);

    public VocabularyItem? FindGoal(string id) => Goals.FirstOrDefault(g => g.Id == id);
}
