using System.Globalization;
using System.Text;
using SmartyAssess.Assessment.Questionnaires;
using SmartyAssess.Assessment.Submissions;

namespace SmartyAssess.Assessment.Catalogue;

/// <summary>Filtering, text search and "related practices" over the catalogue.</summary>
public static class PracticeSearch
{
    /// <summary>Names every filter value that is not a known id, keyed by its parameter name.</summary>
    public static ValidationErrors Validate(PracticeFilter filter, Questionnaire vocabulary)
    {
        var errors = new ValidationErrors();
        Check(filter.Theme, "theme", Vocabulary.Themes.Select(t => t.Id));
        Check(filter.Dimension, "dimension", vocabulary.Dimensions.Select(d => d.Id));
        Check(filter.Barrier, "barrier", vocabulary.Barriers.Select(b => b.Id));
        Check(filter.Country, "country", vocabulary.FindProfileField("country")?.Options.Select(o => o.Id) ?? []);
        Check(filter.Region, "region", vocabulary.FindProfileField("region")?.Options.Select(o => o.Id) ?? []);
        Check(filter.Sector, "sector", vocabulary.FindProfileField("sector")?.Options.Select(o => o.Id) ?? []);
        Check(filter.Instrument, "instrument", Vocabulary.InstrumentTypes.Select(t => t.Id));
        if (filter.Q?.Length > 200)
        {
            errors.Add("q", "The search text may be at most 200 characters long.");
        }

        return errors;

        void Check(string? value, string parameter, IEnumerable<string> allowed)
        {
            if (value is not null && !allowed.Contains(value, StringComparer.Ordinal))
            {
                errors.Add(parameter, $"\u201c{value}\u201d is not a known {parameter}.");
            }
        }
    }

    /// <summary>
    /// The practices matching every given filter. With search text, every word must occur in the
    /// title, summary, description, region or programme (ignoring case and accents), and matches in
    /// the title rank first; otherwise SMARTY practices come first, then by title.
    /// </summary>
    /// <param name="shown">The title and summary as the page shows them in another language, searched
    /// as well as the English ones (a firm searches in its own language) and used for the order.</param>
    public static IReadOnlyList<Practice> Apply(PracticeCatalogue catalogue, PracticeFilter filter, Func<Practice, (string Title, string Summary)>? shown = null)
    {
        var words = Words(filter.Q);
        return [.. catalogue.Practices
            .Where(p => filter.Theme is null || p.Theme == filter.Theme)
            .Where(p => filter.Dimension is null || p.Dimensions.Contains(filter.Dimension))
            .Where(p => filter.Barrier is null || p.Barriers.Contains(filter.Barrier))
            .Where(p => filter.Country is null || p.Country == filter.Country)
            .Where(p => filter.Region is null || p.Nuts == filter.Region)
            .Where(p => filter.Sector is null || p.FitsSector(filter.Sector))
            .Where(p => filter.Instrument is null || p.InstrumentType == filter.Instrument)
            .Select(p => (Practice: p, Shown: shown?.Invoke(p)))
            .Select(x => (x.Practice, x.Shown, Rank: Rank(x.Practice, words, x.Shown)))
            .Where(x => words.Count == 0 || x.Rank > 0)
            .OrderByDescending(x => x.Rank)
            .ThenByDescending(x => x.Practice.IsSmarty)
            .ThenBy(x => x.Shown?.Title ?? x.Practice.Title, shown is null ? StringComparer.OrdinalIgnoreCase : StringComparer.Create(System.Globalization.CultureInfo.CurrentUICulture, ignoreCase: true))
            .Select(x => x.Practice)];
    }

    /// <summary>Practices sharing the theme or barriers of <paramref name="practice"/>, most similar first.</summary>
    public static IReadOnlyList<Practice> Related(PracticeCatalogue catalogue, Practice practice, int count = 4) =>
        [.. catalogue.Practices
            .Where(p => p.Id != practice.Id)
            .Select(p => (Practice: p, Score: (p.Theme == practice.Theme ? 2 : 0) + p.Barriers.Intersect(practice.Barriers).Count()))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Practice.Title, StringComparer.OrdinalIgnoreCase)
            .Take(count)
            .Select(x => x.Practice)];

    private static int Rank(Practice practice, IReadOnlyList<string> words, (string Title, string Summary)? shown)
    {
        if (words.Count == 0)
        {
            return 0;
        }

        var title = Normalise(shown is { } s ? $"{practice.Title} {s.Title}" : practice.Title);
        var summary = Normalise(shown is { } t ? $"{practice.Summary} {t.Summary}" : practice.Summary);
        var body = Normalise($"{practice.Description} {practice.Region} {practice.Provenance.Programme}");
        var rank = 0;
        foreach (var word in words)
        {
            var score = (title.Contains(word, StringComparison.Ordinal) ? 3 : 0) + (summary.Contains(word, StringComparison.Ordinal) ? 2 : 0) + (body.Contains(word, StringComparison.Ordinal) ? 1 : 0);
            if (score == 0)
            {
                return 0; // every word must occur somewhere
            }

            rank += score;
        }

        return rank;
    }

    private static List<string> Words(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : [.. Normalise(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Distinct()];

    /// <summary>Lower case without accents, so that "Castilla y Leon" finds "Castilla y León".</summary>
    private static string Normalise(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
