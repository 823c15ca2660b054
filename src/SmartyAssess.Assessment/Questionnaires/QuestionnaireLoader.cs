using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using SmartyAssess.Assessment.Scoring;

namespace SmartyAssess.Assessment.Questionnaires;

/// <summary>
/// Reads questionnaire files and checks everything the scoring and the pages rely on.
/// Every problem is reported, each naming the file, the item and what is wrong, so that an
/// editor can fix a file in one pass.
/// </summary>
public static partial class QuestionnaireLoader
{
    public const string FilePattern = "questionnaire.*.json";

    /// <summary>Ids that the form uses for "Don't know", "Not applicable" and "None of these" start with this.</summary>
    public const string ReservedPrefix = "__";

    public const int MinQuestionsPerDimension = 3;
    public const int MaxQuestionsPerDimension = 6;
    public const int ScaleLevels = 6;

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex IdPattern();

    /// <summary>Loads every <c>questionnaire.*.json</c> in <paramref name="directory"/>; the highest version is current.</summary>
    /// <exception cref="QuestionnaireValidationException">Any file is invalid, or none is found.</exception>
    public static QuestionnaireSet LoadDirectory(string directory) => new(Load(ReadDirectory(directory), QuestionnaireTranslations.ReadDirectory(directory)));

    /// <summary>Reads the questionnaire files of a folder without parsing them.</summary>
    /// <exception cref="QuestionnaireValidationException">The folder is missing or holds no questionnaire file.</exception>
    public static IReadOnlyList<QuestionnaireFile> ReadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new QuestionnaireValidationException([$"{directory}: the questionnaire folder does not exist"]);
        }

        var files = Directory.GetFiles(directory, FilePattern).Order(StringComparer.Ordinal).ToList();
        return files.Count == 0
            ? throw new QuestionnaireValidationException([$"{directory}: no file matches {FilePattern}"])
            : files.Select(f => new QuestionnaireFile(Path.GetFileName(f), File.ReadAllText(f))).ToList();
    }

    /// <summary>Parses and validates several files, with their translations; versions must be unique.</summary>
    /// <exception cref="QuestionnaireValidationException">Any file or translation is invalid.</exception>
    public static IReadOnlyList<Questionnaire> Load(IEnumerable<QuestionnaireFile> files, IReadOnlyList<QuestionnaireFile>? translations = null)
    {
        var problems = new List<string>();
        var loaded = new List<Questionnaire>();
        foreach (var file in files)
        {
            var questionnaire = TryParse(file.Json, file.FileName, problems, translations ?? []);
            if (questionnaire is null)
            {
                continue;
            }

            if (loaded.Any(q => q.Version == questionnaire.Version))
            {
                problems.Add($"{file.FileName}: version: '{questionnaire.Version}' is used by another file");
                continue;
            }

            loaded.Add(questionnaire);
        }

        return problems.Count > 0 ? throw new QuestionnaireValidationException(problems) : loaded;
    }

    /// <summary>Parses and validates one questionnaire file.</summary>
    /// <exception cref="QuestionnaireValidationException">The file is invalid.</exception>
    public static Questionnaire Parse(string json, string fileName, IReadOnlyList<QuestionnaireFile>? translations = null)
    {
        var problems = new List<string>();
        var questionnaire = TryParse(json, fileName, problems, translations ?? []);
        return problems.Count > 0 || questionnaire is null ? throw new QuestionnaireValidationException(problems) : questionnaire;
    }

    private static Questionnaire? TryParse(string json, string fileName, List<string> problems, IReadOnlyList<QuestionnaireFile> translations)
    {
        QuestionnaireDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<QuestionnaireDocument>(json, s_json);
        }
        catch (JsonException e)
        {
            problems.Add(JsonProblem(fileName, e));
            return null;
        }

        if (document is null)
        {
            problems.Add($"{fileName}: the file is empty");
            return null;
        }

        var before = problems.Count;
        var statuses = QuestionnaireTranslations.Apply(document, translations, problems);
        var result = new Builder(fileName, document, problems).Build();
        if (result is not null)
        {
            result.Translations = statuses;
        }

        return problems.Count == before ? result : null;
    }

    /// <summary>A file's JSON error as one line naming the file, line and path.</summary>
    internal static string JsonProblem(string fileName, JsonException e) =>
        $"{fileName}: {(e.LineNumber is { } line ? $"line {line + 1}" : "file")} ({e.Path ?? "$"}): {FirstSentence(e.Message)}";

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }

    private sealed class Builder(string file, QuestionnaireDocument doc, List<string> problems)
    {
        private string _language = "en";
        private HashSet<string> _languages = [];

        public Questionnaire? Build()
        {
            if (string.IsNullOrWhiteSpace(doc.Version))
            {
                Problem("version", "is missing");
            }

            _languages = new HashSet<string>(doc.Languages ?? [], StringComparer.OrdinalIgnoreCase);
            if (_languages.Count == 0)
            {
                Problem("languages", "list at least one language");
            }

            if (string.IsNullOrWhiteSpace(doc.DefaultLanguage))
            {
                Problem("defaultLanguage", "is missing");
            }
            else
            {
                _language = doc.DefaultLanguage;
                if (_languages.Count > 0 && !_languages.Contains(_language))
                {
                    Problem("defaultLanguage", $"'{_language}' is not in languages");
                }
            }

            var title = Text(doc.Title, "title");
            var (bandLabels, bandNarratives) = BuildBands();
            var topics = Vocabulary(doc.Topics, "topics");
            var topicIds = topics.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
            var profile = BuildProfile();
            var dimensions = BuildDimensions(topicIds);
            var barriers = Vocabulary(doc.Barriers, "barriers");
            var goals = Vocabulary(doc.Goals, "goals");

            var maxTop = doc.MaxTopBarriers ?? 3;
            if (maxTop < 1 || maxTop > barriers.Count)
            {
                Problem("maxTopBarriers", $"must be between 1 and the number of barriers ({barriers.Count})");
            }

            return new Questionnaire(
                doc.Version ?? "",
                _language,
                [.. _languages.Order(StringComparer.Ordinal)],
                title,
                bandLabels,
                bandNarratives,
                profile,
                dimensions,
                barriers,
                maxTop,
                goals,
                topics);
        }

        private (Dictionary<Band, LocalizedText>, Dictionary<Band, LocalizedText>) BuildBands()
        {
            var labels = new Dictionary<Band, LocalizedText>();
            var narratives = new Dictionary<Band, LocalizedText>();
            var bands = doc.Bands ?? [];
            foreach (var (key, _) in bands)
            {
                if (!Bands.TryParse(key, out _))
                {
                    Problem($"bands.{key}", $"is not a band; use {string.Join(", ", Bands.All.Select(b => b.ToId()))}");
                }
            }

            foreach (var band in Bands.All)
            {
                var where = $"bands.{band.ToId()}";
                if (!bands.TryGetValue(band.ToId(), out var entry))
                {
                    Problem(where, "is missing");
                    continue;
                }

                labels[band] = Text(entry.Label, where + ".label");
                narratives[band] = Text(entry.Narrative, where + ".narrative");
            }

            return (labels, narratives);
        }

        private List<ProfileField> BuildProfile()
        {
            var fields = new List<ProfileField>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (field, index) in (doc.Profile ?? []).Select((f, i) => (f, i)))
            {
                var where = $"profile field {Name(field.Id, index)}";
                if (!CheckId(field.Id, where, seen))
                {
                    continue;
                }

                var optionIds = new HashSet<string>(StringComparer.Ordinal);
                var options = new List<ProfileOption>();
                foreach (var (option, optionIndex) in (field.Options ?? []).Select((o, i) => (o, i)))
                {
                    var optionWhere = $"{where}, option {Name(option.Id, optionIndex)}";
                    if (!CheckId(option.Id, optionWhere, optionIds))
                    {
                        continue;
                    }

                    options.Add(new ProfileOption(option.Id!, Text(option.Label, optionWhere + ": label"), option.Parent, option.Smarty));
                }

                if (options.Count == 0)
                {
                    Problem(where, "has no options");
                }

                fields.Add(new ProfileField(field.Id!, Text(field.Label, where + ": label"), OptionalText(field.Help, where + ": help"), field.Required, field.Parent, options));
            }

            // Parent links are checked once every field is known, so order in the file does not matter.
            foreach (var field in fields)
            {
                if (field.ParentFieldId is null)
                {
                    if (field.Options.FirstOrDefault(o => o.ParentId is not null) is { } stray)
                    {
                        Problem($"profile field '{field.Id}', option '{stray.Id}'", "has a parent but the field has none");
                    }

                    continue;
                }

                var parent = fields.FirstOrDefault(f => f.Id == field.ParentFieldId);
                if (parent is null || parent == field)
                {
                    Problem($"profile field '{field.Id}'", $"parent '{field.ParentFieldId}' is not another profile field");
                    continue;
                }

                foreach (var option in field.Options)
                {
                    if (option.ParentId is null || parent.FindOption(option.ParentId) is null)
                    {
                        Problem($"profile field '{field.Id}', option '{option.Id}'", $"parent must be an option of '{parent.Id}'");
                    }
                }

                foreach (var parentOption in parent.Options.Where(p => field.Options.All(o => o.ParentId != p.Id)))
                {
                    Problem($"profile field '{field.Id}'", $"offers nothing for '{parent.Id}' = '{parentOption.Id}'; add at least an 'other' option");
                }
            }

            return fields;
        }

        private List<Dimension> BuildDimensions(HashSet<string> topicIds)
        {
            var dimensions = new List<Dimension>();
            var dimensionIds = new HashSet<string>(StringComparer.Ordinal);
            var questionIds = new HashSet<string>(StringComparer.Ordinal);
            if (doc.Dimensions is not { Count: > 0 })
            {
                Problem("dimensions", "list at least one dimension");
                return dimensions;
            }

            foreach (var (dimension, index) in doc.Dimensions.Select((d, i) => (d, i)))
            {
                var where = $"dimension {Name(dimension.Id, index)}";
                if (!CheckId(dimension.Id, where, dimensionIds))
                {
                    continue;
                }

                var levels = new List<LocalizedText>();
                if (dimension.Levels?.Count != ScaleLevels)
                {
                    Problem(where + ": levels", $"give exactly {ScaleLevels} texts, for levels 0 to 5 (found {dimension.Levels?.Count ?? 0})");
                }
                else
                {
                    levels.AddRange(dimension.Levels.Select((l, i) => Text(l, $"{where}: levels[{i}]")));
                }

                var narratives = new Dictionary<Band, LocalizedText>();
                foreach (var band in Bands.All)
                {
                    if (dimension.BandNarratives?.TryGetValue(band.ToId(), out var text) == true)
                    {
                        narratives[band] = Text(text, $"{where}: bandNarratives.{band.ToId()}");
                    }
                    else
                    {
                        Problem($"{where}: bandNarratives.{band.ToId()}", "is missing");
                    }
                }

                var questions = (dimension.Questions ?? [])
                    .Select((q, i) => BuildQuestion(q, i, dimension.Id!, where, questionIds, topicIds))
                    .OfType<Question>()
                    .ToList();
                var count = dimension.Questions?.Count ?? 0;
                if (count is < MinQuestionsPerDimension or > MaxQuestionsPerDimension)
                {
                    Problem(where, $"has {count} questions; a dimension needs {MinQuestionsPerDimension} to {MaxQuestionsPerDimension}");
                }

                dimensions.Add(new Dimension(
                    dimension.Id!,
                    Text(dimension.Title, where + ": title"),
                    Text(dimension.Description, where + ": description"),
                    levels,
                    narratives,
                    questions));
            }

            return dimensions;
        }

        private Question? BuildQuestion(QuestionDocument question, int index, string dimensionId, string dimensionWhere, HashSet<string> questionIds, HashSet<string> topicIds)
        {
            var where = $"{dimensionWhere}, question {Name(question.Id, index)}";
            if (!CheckId(question.Id, where, questionIds))
            {
                return null;
            }

            QuestionType? type = question.Type switch
            {
                "scale" => QuestionType.Scale,
                "choice" => QuestionType.Choice,
                "checklist" => QuestionType.Checklist,
                _ => null,
            };
            if (type is null)
            {
                Problem(where + ": type", $"'{question.Type}' is not one of scale, choice, checklist");
                return null;
            }

            foreach (var topic in question.Topics ?? [])
            {
                if (!topicIds.Contains(topic))
                {
                    Problem(where + ": topics", $"'{topic}' is not a topic id");
                }
            }

            var options = new List<AnswerOption>();
            var optionIds = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (option, optionIndex) in (question.Options ?? []).Select((o, i) => (o, i)))
            {
                var optionWhere = $"{where}, option {Name(option.Id, optionIndex)}";
                if (!CheckId(option.Id, optionWhere, optionIds))
                {
                    continue;
                }

                if (option.Points is not { } points)
                {
                    Problem(optionWhere + ": points", "is missing");
                    continue;
                }

                var level = type == QuestionType.Scale ? optionIndex : (int?)null;
                options.Add(new AnswerOption(option.Id!, Text(option.Label, optionWhere + ": label"), points, level));
            }

            CheckPoints(type.Value, options, where);
            return new Question(
                question.Id!,
                dimensionId,
                type.Value,
                Text(question.Text, where + ": text"),
                OptionalText(question.Help, where + ": help"),
                question.Topics ?? [],
                options);
        }

        private void CheckPoints(QuestionType type, List<AnswerOption> options, string where)
        {
            switch (type)
            {
                case QuestionType.Scale:
                    if (options.Count != ScaleLevels)
                    {
                        Problem(where, $"a scale question needs exactly {ScaleLevels} options, for levels 0 to 5 (found {options.Count})");
                        return;
                    }

                    foreach (var option in options.Where(o => o.Points != 2 * o.Level))
                    {
                        Problem($"{where}, option '{option.Id}': points", $"must be {2 * option.Level} (2 × level {option.Level}), not {option.Points}");
                    }

                    break;
                case QuestionType.Choice:
                    if (options.Count < 2)
                    {
                        Problem(where, "a choice question needs at least 2 options");
                    }

                    foreach (var option in options.Where(o => o.Points is < 0 or > 10))
                    {
                        Problem($"{where}, option '{option.Id}': points", $"must be between 0 and 10, not {option.Points}");
                    }

                    if (options.Count > 0 && options.Max(o => o.Points) != 10)
                    {
                        Problem(where, "no option gives 10 points, so the question can never reach the top score");
                    }

                    break;
                case QuestionType.Checklist:
                    if (options.Count < 2)
                    {
                        Problem(where, "a checklist needs at least 2 options");
                    }

                    foreach (var option in options.Where(o => o.Points is < -10 or > 10 or 0))
                    {
                        Problem($"{where}, option '{option.Id}': points", $"must be between -10 and 10 and not 0, not {option.Points}");
                    }

                    if (options.Where(o => o.Points > 0).Sum(o => o.Points) < 10)
                    {
                        Problem(where, "the positive options add up to less than 10, so the question can never reach the top score");
                    }

                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(type));
            }
        }

        private List<VocabularyItem> Vocabulary(List<VocabularyDocument>? items, string list)
        {
            var result = new List<VocabularyItem>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            if (items is not { Count: > 0 })
            {
                Problem(list, "list at least one entry");
                return result;
            }

            foreach (var (item, index) in items.Select((x, i) => (x, i)))
            {
                var where = $"{list} {Name(item.Id, index)}";
                if (CheckId(item.Id, where, seen))
                {
                    result.Add(new VocabularyItem(item.Id!, Text(item.Label, where + ": label"), OptionalText(item.Description, where + ": description")));
                }
            }

            return result;
        }

        private bool CheckId(string? id, string where, HashSet<string> seen)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                Problem(where, "has no id");
                return false;
            }

            if (id.StartsWith(ReservedPrefix, StringComparison.Ordinal) || !IdPattern().IsMatch(id))
            {
                Problem(where, "id must be 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit");
                return false;
            }

            if (!seen.Add(id))
            {
                Problem(where, "id is used twice");
                return false;
            }

            return true;
        }

        private LocalizedText Text(Dictionary<string, string>? values, string where) =>
            TextOrNull(values, where, required: true) ?? LocalizedText.Invariant("");

        private LocalizedText? OptionalText(Dictionary<string, string>? values, string where) =>
            TextOrNull(values, where, required: false);

        private LocalizedText? TextOrNull(Dictionary<string, string>? values, string where, bool required)
        {
            if (values is null || values.Count == 0)
            {
                if (required)
                {
                    Problem(where, $"text is missing (give at least '{_language}')");
                }

                return null;
            }

            foreach (var (language, text) in values)
            {
                if (_languages.Count > 0 && !_languages.Contains(language))
                {
                    Problem(where, $"language '{language}' is not listed in languages");
                }

                if (string.IsNullOrWhiteSpace(text))
                {
                    Problem(where, $"the '{language}' text is empty");
                }
            }

            if (!values.ContainsKey(_language))
            {
                Problem(where, $"has no text in the default language '{_language}'");
            }

            return new LocalizedText(values, _language);
        }

        private static string Name(string? id, int index) => string.IsNullOrWhiteSpace(id) ? $"#{index + 1}" : $"'{id}'";

        private void Problem(string where, string what) => problems.Add($"{file}: {where}: {what}");
    }
}
