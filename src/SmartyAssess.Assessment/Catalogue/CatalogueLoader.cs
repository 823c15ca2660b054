using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using SmartyAssess.Assessment.Questionnaires;
using SmartyAssess.Assessment.Scoring;

namespace SmartyAssess.Assessment.Catalogue;

/// <summary>
/// Reads <c>data/catalogue/*.json</c> (one practice per file) and checks every field against the
/// questionnaire's vocabularies (dimensions, barriers, goals, topics, sectors, sizes, countries,
/// regions) and the catalogue's own. Each problem is one line naming file and field.
/// </summary>
public static partial class CatalogueLoader
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    /// <summary>Reads the practice files of a folder (every <c>*.json</c>) without parsing them.</summary>
    public static IReadOnlyList<CatalogueFile> ReadDirectory(string directory) =>
        Directory.Exists(directory)
            ? [.. Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal).Select(f => new CatalogueFile(Path.GetFileName(f), File.ReadAllText(f)))]
            : throw new CatalogueValidationException([$"{directory}: the catalogue folder does not exist"]);

    /// <summary>
    /// Validates the files. Valid practices are returned with the problems of the others, so that
    /// the caller decides whether problems stop start-up.
    /// </summary>
    public static PracticeCatalogue Load(IEnumerable<CatalogueFile> files, Questionnaire vocabulary)
    {
        var problems = new List<string>();
        var practices = new List<Practice>();
        var json = new Dictionary<string, string>(StringComparer.Ordinal);
        var list = files.ToList();
        if (list.Count == 0)
        {
            problems.Add("catalogue: no practice file found");
        }

        foreach (var file in list)
        {
            var before = problems.Count;
            var practice = Parse(file, vocabulary, problems);
            if (practice is null || problems.Count > before)
            {
                continue;
            }

            if (json.ContainsKey(practice.Id))
            {
                problems.Add($"{file.FileName}: id: '{practice.Id}' is used by another file");
                continue;
            }

            practices.Add(practice);
            json[practice.Id] = file.Json;
        }

        return new PracticeCatalogue(practices, problems, json);
    }

    /// <summary>Loads and throws when any file is invalid (development, tests, and the CLI).</summary>
    /// <exception cref="CatalogueValidationException">Any file is invalid.</exception>
    public static PracticeCatalogue LoadStrict(IEnumerable<CatalogueFile> files, Questionnaire vocabulary)
    {
        var catalogue = Load(files, vocabulary);
        return catalogue.Problems.Count > 0 ? throw new CatalogueValidationException(catalogue.Problems) : catalogue;
    }

    private static Practice? Parse(CatalogueFile file, Questionnaire vocabulary, List<string> problems)
    {
        PracticeDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize<PracticeDocument>(file.Json, s_json);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"line {line + 1}" : "file";
            var message = e.Message.IndexOf(". Path:", StringComparison.Ordinal) is > 0 and var end ? e.Message[..end] : e.Message;
            problems.Add($"{file.FileName}: {where} ({e.Path ?? "$"}): {message}");
            return null;
        }

        if (doc is null)
        {
            problems.Add($"{file.FileName}: the file is empty");
            return null;
        }

        return new Checker(file.FileName, vocabulary, problems).Check(doc);
    }

    private sealed class Checker(string file, Questionnaire vocabulary, List<string> problems)
    {
        public Practice? Check(PracticeDocument doc)
        {
            var id = Required(doc.Id, "id");
            if (id is not null && !IdPattern().IsMatch(id))
            {
                Problem("id", $"'{id}' must be lowercase letters and digits separated by single hyphens");
            }
            else if (id is not null && file != id + ".json")
            {
                Problem("id", $"'{id}' does not match the file name; name the file {id}.json");
            }

            var title = Required(doc.Title, "title");
            var summary = Required(doc.Summary, "summary");
            var description = Required(doc.Description, "description");
            var region = Required(doc.Region, "region");
            var country = Required(doc.Country, "country");
            var countries = vocabulary.FindProfileField("country");
            if (country is not null && countries is not null && countries.FindOption(country) is null)
            {
                Problem("country", $"'{country}' is not a country of the questionnaire (use its ids, e.g. IT, BE, UK)");
            }

            if (doc.Nuts is { } nuts)
            {
                var regionOption = vocabulary.FindProfileField("region")?.FindOption(nuts);
                if (regionOption is null)
                {
                    Problem("nuts", $"'{nuts}' is not a region of the questionnaire");
                }
                else if (country is not null && regionOption.ParentId != country)
                {
                    Problem("nuts", $"'{nuts}' is not a region of '{country}'");
                }
            }

            var theme = OneOf(doc.SmartyTheme, "smartyTheme", Vocabulary.Themes);
            var instrument = OneOf(doc.InstrumentType, "instrumentType", Vocabulary.InstrumentTypes);
            var dimensions = Ids(doc.Dimensions, "dimensions", vocabulary.Dimensions.Select(d => d.Id), min: 1);
            var barriers = Ids(doc.Barriers, "barriers", vocabulary.Barriers.Select(b => b.Id), min: 1);
            var goals = Ids(doc.Goals, "goals", vocabulary.Goals.Select(g => g.Id), min: 0);
            var topics = Ids(doc.Topics, "topics", vocabulary.Topics.Select(t => t.Id), min: 0);
            var sectors = Ids(doc.Sectors, "sectors", (vocabulary.FindProfileField("sector")?.Options.Select(o => o.Id) ?? []).Append(Vocabulary.AllSectors), min: 1);
            if (sectors.Contains(Vocabulary.AllSectors) && sectors.Count > 1)
            {
                Problem("sectors", "'all' already covers every sector; list it alone");
            }

            var sizes = Ids(doc.Sizes, "sizes", vocabulary.FindProfileField("size")?.Options.Select(o => o.Id) ?? [], min: 1);
            var maturity = Ids(doc.MaturityFit, "maturityFit", Bands.All.Select(b => b.ToId()), min: 1);

            var rating = doc.Transferability is null ? null : OneOf(doc.Transferability.Rating, "transferability.rating", Vocabulary.TransferabilityRatings);
            if (doc.Transferability is null)
            {
                Problem("transferability", "is missing; give at least a rating");
            }

            string? provenanceKind = null;
            string? programme = null;
            if (doc.Provenance is null)
            {
                Problem("provenance", "is missing");
            }
            else
            {
                provenanceKind = OneOf(doc.Provenance.Kind, "provenance.kind", Vocabulary.ProvenanceKinds);
                programme = Required(doc.Provenance.Programme, "provenance.programme");
            }

            var sources = new List<PracticeSource>();
            if (doc.Sources is not { Count: > 0 })
            {
                Problem("sources", "give at least one source");
            }
            else
            {
                foreach (var (source, index) in doc.Sources.Select((s, i) => (s, i)))
                {
                    if (!Uri.TryCreate(source.Url, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || string.IsNullOrEmpty(url.Host))
                    {
                        Problem($"sources[{index}].url", $"'{source.Url}' is not an absolute http(s) URL");
                        continue;
                    }

                    sources.Add(new PracticeSource(url, string.IsNullOrWhiteSpace(source.Title) ? url.Host : source.Title.Trim()));
                }
            }

            DateOnly reviewed = default;
            if (Required(doc.LastReviewed, "lastReviewed") is { } date
                && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out reviewed))
            {
                Problem("lastReviewed", $"'{date}' is not a date like 2026-11-24");
            }

            if (id is null || title is null || summary is null || description is null || region is null || country is null || theme is null
                || instrument is null || rating is null || provenanceKind is null || programme is null)
            {
                return null;
            }

            return new Practice(
                id, title, summary, description, region, doc.Nuts, country, theme, instrument, Optional(doc.TargetGroup),
                dimensions, barriers, goals, topics, sectors, sizes, maturity,
                Optional(doc.FundingSource), Optional(doc.Budget), Optional(doc.EvidenceOfSuccess), Optional(doc.ResourcesNeeded),
                new Transferability(Optional(doc.Transferability!.Conditions), rating),
                new Provenance(provenanceKind, programme, Optional(doc.Provenance!.Evidence)),
                sources,
                reviewed);
        }

        private string? Required(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Problem(field, "is missing");
                return null;
            }

            return value.Trim();
        }

        private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

        private string? OneOf(string? value, string field, IReadOnlyList<Vocabulary.Term> allowed)
        {
            if (Required(value, field) is not { } id)
            {
                return null;
            }

            if (allowed.All(t => t.Id != id))
            {
                Problem(field, $"'{id}' is not one of {string.Join(", ", allowed.Select(t => t.Id))}");
                return null;
            }

            return id;
        }

        private List<string> Ids(List<string>? values, string field, IEnumerable<string> allowed, int min)
        {
            var known = allowed.ToHashSet(StringComparer.Ordinal);
            var result = new List<string>();
            foreach (var value in values ?? [])
            {
                if (!known.Contains(value))
                {
                    Problem(field, $"'{value}' is not a known id");
                }
                else if (result.Contains(value))
                {
                    Problem(field, $"'{value}' is listed twice");
                }
                else
                {
                    result.Add(value);
                }
            }

            if ((values?.Count ?? 0) < min)
            {
                Problem(field, $"list at least {min}");
            }

            return result;
        }

        private void Problem(string field, string what) => problems.Add($"{file}: {field}: {what}");
    }
}
