using System.Collections.Frozen;

namespace SmartyAssess.Assessment.Questionnaires;

/// <summary>
/// A text in several languages. Lookups fall back to the questionnaire's default language,
/// which the loader guarantees is present, so adding a language never needs a code change.
/// </summary>
public sealed class LocalizedText
{
    private readonly FrozenDictionary<string, string> _byLanguage;
    private readonly string _fallback;

    public LocalizedText(IReadOnlyDictionary<string, string> byLanguage, string fallbackLanguage)
    {
        _byLanguage = byLanguage.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _fallback = _byLanguage.TryGetValue(fallbackLanguage, out var text) ? text : _byLanguage.Values.FirstOrDefault() ?? "";
    }

    public IEnumerable<string> Languages => _byLanguage.Keys;

    public string In(string? language) =>
        language is not null && _byLanguage.TryGetValue(language, out var text) ? text : _fallback;

    public override string ToString() => _fallback;

    public static LocalizedText Invariant(string text) => new(new Dictionary<string, string> { ["en"] = text }, "en");
}
