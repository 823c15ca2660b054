using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace SmartyAssess.Assessment.Questionnaires;

/// <summary>
/// Translations of a published questionnaire version, kept beside it in
/// <c>translations/questionnaire.&lt;version&gt;.&lt;language&gt;.json</c>. A published version's file never
/// changes (its answers are archived with it), but its translations are corrected and reviewed over
/// time, so they live in their own files keyed by stable paths such as
/// <c>questions.strategy-plan.options.level-3</c>.
/// </summary>
public static partial class QuestionnaireTranslations
{
    public const string Folder = "translations";

    public const string FilePattern = "questionnaire.*.json";

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex PlaceholderPattern();

    /// <summary>The translation files in the <c>translations</c> folder under a questionnaire folder; none when it is missing.</summary>
    public static IReadOnlyList<QuestionnaireFile> ReadDirectory(string questionnaireDirectory)
    {
        var folder = Path.Combine(questionnaireDirectory, Folder);
        return Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder, FilePattern).Order(StringComparer.Ordinal).Select(f => new QuestionnaireFile(Path.GetFileName(f), File.ReadAllText(f)))]
            : [];
    }

    /// <summary>
    /// Every text of a questionnaire file in its default language, by translation key, in file order:
    /// what a translator translates.
    /// </summary>
    /// <exception cref="QuestionnaireValidationException">The file cannot be read as a questionnaire.</exception>
    public static IReadOnlyList<KeyValuePair<string, string>> SourceTexts(QuestionnaireFile questionnaire)
    {
        var problems = new List<string>();
        var document = Deserialize<QuestionnaireDocument>(questionnaire, problems) ?? throw new QuestionnaireValidationException(problems);
        var language = document.DefaultLanguage ?? "en";
        return [.. Texts(document).Where(t => t.Texts.ContainsKey(language)).Select(t => KeyValuePair.Create(t.Key, t.Texts[language]))];
    }

    /// <summary>
    /// What a translation lacks against the questionnaire's default language: keys with no text,
    /// and texts whose placeholders (<c>{…}</c>) differ from the source's. Empty when complete.
    /// </summary>
    public static IReadOnlyList<string> Completeness(QuestionnaireFile questionnaire, QuestionnaireFile translation)
    {
        var problems = new List<string>();
        var document = Deserialize<TranslationDocument>(translation, problems);
        if (document is null)
        {
            return problems;
        }

        foreach (var (key, source) in SourceTexts(questionnaire))
        {
            if (document.Texts?.GetValueOrDefault(key) is not { } text || string.IsNullOrWhiteSpace(text))
            {
                problems.Add($"{translation.FileName}: {key}: no '{document.Language}' text");
            }
            else if (!Placeholders(source).SequenceEqual(Placeholders(text)))
            {
                problems.Add($"{translation.FileName}: {key}: placeholders {string.Join(" ", Placeholders(text))} do not match the source's {string.Join(" ", Placeholders(source))}");
            }
        }

        return problems;
    }

    /// <summary>The placeholders of a text, in order, as .NET format items or named holes.</summary>
    public static IReadOnlyList<string> Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Value)];

    /// <summary>
    /// Adds the translations of <paramref name="document"/>'s version to its texts; reports files for
    /// an unknown key or a malformed entry. Missing texts are not problems here: the page falls back to
    /// the default language, and the completeness check names them.
    /// </summary>
    internal static Dictionary<string, TranslationStatus> Apply(QuestionnaireDocument document, IEnumerable<QuestionnaireFile> translations, List<string> problems)
    {
        var statuses = new Dictionary<string, TranslationStatus>(StringComparer.OrdinalIgnoreCase);
        var byKey = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (key, texts) in Texts(document))
        {
            byKey.TryAdd(key, texts);
        }

        var source = document.DefaultLanguage ?? "en";
        var sourceKeys = byKey.Where(p => p.Value.ContainsKey(source)).Select(p => p.Key).ToList();
        // Only this version's files, picked by name, so that each file is read once and its problems are reported once.
        foreach (var file in translations.Where(f => IsFileOf(f.FileName, document.Version)))
        {
            var translation = Deserialize<TranslationDocument>(file, problems);
            if (translation is null)
            {
                continue;
            }

            if (translation.Questionnaire != document.Version)
            {
                problems.Add($"{file.FileName}: questionnaire: '{translation.Questionnaire}' does not match the version in the file name, '{document.Version}'");
                continue;
            }

            var where = file.FileName;
            if (string.IsNullOrWhiteSpace(translation.Language) || translation.Language.Equals(source, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{where}: language: give a language other than the source '{source}'");
                continue;
            }

            if (statuses.ContainsKey(translation.Language))
            {
                problems.Add($"{where}: language: '{translation.Language}' is translated by another file too");
                continue;
            }

            var reviewed = new HashSet<string>(translation.Reviewed ?? [], StringComparer.Ordinal);
            foreach (var key in reviewed.Where(k => translation.Texts?.ContainsKey(k) != true))
            {
                problems.Add($"{where}: reviewed: '{key}' has no text in this file");
            }

            foreach (var (key, text) in translation.Texts ?? [])
            {
                if (!byKey.TryGetValue(key, out var texts))
                {
                    problems.Add($"{where}: {key}: no such text in questionnaire {document.Version}");
                }
                else if (string.IsNullOrWhiteSpace(text))
                {
                    problems.Add($"{where}: {key}: the text is empty (leave the key out to fall back to '{source}')");
                }
                else
                {
                    texts[translation.Language] = text;
                }
            }

            var translated = sourceKeys.Count(k => translation.Texts?.ContainsKey(k) == true);
            statuses[translation.Language] = new TranslationStatus(translation.Language, sourceKeys.Count, translated, sourceKeys.Count(reviewed.Contains));
            document.Languages = [.. document.Languages ?? [], translation.Language];
        }

        return statuses;
    }

    /// <summary>True for <c>questionnaire.&lt;version&gt;.&lt;language&gt;.json</c>.</summary>
    private static bool IsFileOf(string fileName, string? version)
    {
        var prefix = $"questionnaire.{version}.";
        return fileName.StartsWith(prefix, StringComparison.Ordinal) && fileName.EndsWith(".json", StringComparison.Ordinal)
            && fileName.Length > prefix.Length + 5 && !fileName[prefix.Length..^5].Contains('.', StringComparison.Ordinal);
    }

    /// <summary>Every localized text of the document with its stable key, in file order; question ids are unique in a file.</summary>
    internal static List<(string Key, Dictionary<string, string> Texts)> Texts(QuestionnaireDocument document)
    {
        var all = new List<(string, Dictionary<string, string>)>();
        void Add(string key, Dictionary<string, string>? texts)
        {
            if (texts is not null)
            {
                all.Add((key, texts));
            }
        }

        Add("title", document.Title);
        foreach (var (band, entry) in document.Bands ?? [])
        {
            Add($"bands.{band}.label", entry.Label);
            Add($"bands.{band}.narrative", entry.Narrative);
        }

        foreach (var field in document.Profile ?? [])
        {
            Add($"profile.{field.Id}.label", field.Label);
            Add($"profile.{field.Id}.help", field.Help);
            (field.Options ?? []).ForEach(option => Add($"profile.{field.Id}.options.{option.Id}", option.Label));
        }

        foreach (var dimension in document.Dimensions ?? [])
        {
            var at = $"dimensions.{dimension.Id}";
            Add($"{at}.title", dimension.Title);
            Add($"{at}.description", dimension.Description);
            for (var i = 0; i < (dimension.Levels?.Count ?? 0); i++)
            {
                Add($"{at}.levels.{i}", dimension.Levels![i]);
            }

            foreach (var (band, text) in dimension.BandNarratives ?? [])
            {
                Add($"{at}.bandNarratives.{band}", text);
            }

            foreach (var question in dimension.Questions ?? [])
            {
                Add($"questions.{question.Id}.text", question.Text);
                Add($"questions.{question.Id}.help", question.Help);
                (question.Options ?? []).ForEach(option => Add($"questions.{question.Id}.options.{option.Id}", option.Label));
            }
        }

        foreach (var (name, items) in new[] { ("barriers", document.Barriers), ("goals", document.Goals), ("topics", document.Topics) })
        {
            foreach (var entry in items ?? [])
            {
                Add($"{name}.{entry.Id}.label", entry.Label);
                Add($"{name}.{entry.Id}.description", entry.Description);
            }
        }

        return all;
    }

    private static T? Deserialize<T>(QuestionnaireFile file, List<string> problems)
        where T : class
    {
        try
        {
            var value = JsonSerializer.Deserialize<T>(file.Json, s_json);
            if (value is null)
            {
                problems.Add($"{file.FileName}: the file is empty");
            }

            return value;
        }
        catch (JsonException e)
        {
            problems.Add(QuestionnaireLoader.JsonProblem(file.FileName, e));
            return null;
        }
    }

#pragma warning disable CA1812 // instantiated by System.Text.Json
    private sealed class TranslationDocument
    {
        /// <summary>The questionnaire version translated.</summary>
        public string? Questionnaire { get; set; }

        public string? Language { get; set; }

        public Dictionary<string, string>? Texts { get; set; }

        /// <summary>Keys whose text a native speaker has checked; every other text is a draft.</summary>
        public List<string>? Reviewed { get; set; }
    }
#pragma warning restore CA1812
}

/// <summary>How far one language's translation of a questionnaire version has come.</summary>
/// <param name="Texts">Texts in the source language.</param>
/// <param name="Translated">Of those, the texts this language has.</param>
/// <param name="Reviewed">Of those, the texts a native speaker has reviewed.</param>
public sealed record TranslationStatus(string Language, int Texts, int Translated, int Reviewed)
{
    /// <summary>Every text is translated and reviewed.</summary>
    public bool IsReviewed => Reviewed == Texts && Translated == Texts;
}
