using System.Collections.Frozen;
using System.Text.Json;
using SmartyAssess.Assessment.Catalogue;
using SmartyAssess.Assessment.Questionnaires;

namespace SmartyAssess.Web.Features.Catalogue;

/// <summary>
/// The catalogue's titles, summaries and vocabulary labels in the other languages, from
/// <c>data/catalogue/translations/catalogue.&lt;language&gt;.json</c> (data/README.md). Full
/// descriptions stay in their source language and the practice page says so. A missing text falls
/// back to English; a text for a practice or label the catalogue does not have is a problem.
/// </summary>
public sealed class CatalogueTexts
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _texts;
    private readonly FrozenSet<string> _reviewedLanguages;

    private CatalogueTexts(Dictionary<string, FrozenDictionary<string, string>> texts, HashSet<string> reviewedLanguages, IReadOnlyList<string> problems)
    {
        _texts = texts.ToFrozenDictionary();
        _reviewedLanguages = reviewedLanguages.ToFrozenSet();
        Problems = problems;
    }

    public static CatalogueTexts Empty { get; } = new([], [], []);

    /// <summary>What is wrong with the files, one sentence each naming file and key; empty when all is well.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>The keys every translation should have: each practice's title and summary, and each vocabulary label.</summary>
    public static IEnumerable<string> SourceKeys(PracticeCatalogue catalogue) =>
        catalogue.Practices.SelectMany(p => new[] { $"practices.{p.Id}.title", $"practices.{p.Id}.summary" })
            .Concat(Vocabulary.Themes.Select(t => "themes." + t.Id))
            .Concat(Vocabulary.InstrumentTypes.Select(t => "instruments." + t.Id))
            .Concat(Vocabulary.TransferabilityRatings.Select(t => "transferability." + t.Id))
            .Concat(Vocabulary.ProvenanceKinds.Select(t => "provenance." + t.Id));

    public static CatalogueTexts Load(string directory, PracticeCatalogue catalogue)
    {
        var texts = new Dictionary<string, FrozenDictionary<string, string>>();
        var reviewed = new HashSet<string>();
        var problems = new List<string>();
        if (!Directory.Exists(directory))
        {
            return new(texts, reviewed, problems);
        }

        var known = SourceKeys(catalogue).ToHashSet(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(directory, "catalogue.*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            TranslationFile? file;
            try
            {
                file = JsonSerializer.Deserialize<TranslationFile>(File.ReadAllText(path), s_json);
            }
            catch (JsonException e)
            {
                problems.Add($"{name}: not valid JSON ({e.Message.Split(". ")[0]}).");
                continue;
            }

            var language = file?.Language;
            if (file is null || language is null || !SupportedLanguages.Translated.Contains(language) || name != $"catalogue.{language}.json")
            {
                problems.Add($"{name}: \"language\" must be one of {string.Join(", ", SupportedLanguages.Translated)} and match the file name.");
                continue;
            }

            var entries = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, text) in file.Texts ?? [])
            {
                if (!known.Contains(key))
                {
                    problems.Add($"{name}: \"{key}\" is not a practice or label of the catalogue.");
                }
                else if (string.IsNullOrWhiteSpace(text))
                {
                    problems.Add($"{name}: \"{key}\" is empty; leave a text out to show the English one.");
                }
                else
                {
                    entries[key] = text.Trim();
                }
            }

            var reviewedKeys = (file.Reviewed ?? []).ToHashSet(StringComparer.Ordinal);
            foreach (var key in reviewedKeys.Where(k => !entries.ContainsKey(k)))
            {
                problems.Add($"{name}: \"{key}\" is marked reviewed but has no text.");
            }

            texts[language] = entries.ToFrozenDictionary(StringComparer.Ordinal);
            if (known.All(k => entries.ContainsKey(k) && reviewedKeys.Contains(k)))
            {
                reviewed.Add(language);
            }
        }

        return new(texts, reviewed, problems);
    }

    /// <summary>The text in that language, or null where there is none (the English one is shown).</summary>
    public string? Find(string language, string key) =>
        _texts.TryGetValue(language, out var texts) && texts.TryGetValue(key, out var text) ? text : null;

    /// <summary>True when every catalogue text in that language is translated and marked reviewed.</summary>
    public bool IsReviewed(string language) => language == SupportedLanguages.Source || _reviewedLanguages.Contains(language);

    private sealed record TranslationFile(string? Language, Dictionary<string, string?>? Texts, List<string>? Reviewed);
}
