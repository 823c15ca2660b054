using System.Text.RegularExpressions;
using SmartyAssess.Assessment.Catalogue;
using SmartyAssess.Assessment.Questionnaires;
using SmartyAssess.Web.Features.Catalogue;
using SmartyAssess.Web.Features.Languages;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.Web.Tests.Languages;

/// <summary>
/// Every page text (the .resx resources) and every catalogue title, summary and label exists in
/// every supported language, with the same placeholders as the English. The questionnaire's own
/// texts have the same check in the Assessment tests.
/// </summary>
public sealed partial class TextCompletenessTests(AppFixture app) : IClassFixture<AppFixture>
{
    public static TheoryData<string> Languages() => [.. SupportedLanguages.Translated];

    /// <summary>The English resources of the web app and of the validator, as the build copies them out.</summary>
    private static IEnumerable<string> SourceResources() => TranslationReview.SourceFiles(Path.Combine(AppContext.BaseDirectory, TranslationReview.Folder));

    [Fact]
    public void TheResourcesAreFound()
    {
        var names = SourceResources().Select(Path.GetFileNameWithoutExtension).ToList();

        Assert.Contains("SiteText", names);
        Assert.Contains("JourneyText", names);
        Assert.Contains("ResultsText", names);
        Assert.Contains("CatalogueText", names);
        Assert.Contains("ValidationText", names);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryPageText_IsTranslated_WithTheSamePlaceholders(string language)
    {
        var problems = new List<string>();
        foreach (var source in SourceResources())
        {
            var name = Path.GetFileNameWithoutExtension(source);
            var path = TranslationReview.TranslationOf(source, language);
            if (!File.Exists(path))
            {
                problems.Add($"{name}.{language}.resx is missing");
                continue;
            }

            var english = TranslationReview.Entries(source).ToDictionary(e => e.Name, e => e.Value);
            var translated = TranslationReview.Entries(path).ToDictionary(e => e.Name, e => e.Value);
            problems.AddRange(english.Keys.Except(translated.Keys).Select(k => $"{name}.{language}: {k} is missing"));
            problems.AddRange(translated.Keys.Except(english.Keys).Select(k => $"{name}.{language}: {k} is not in the English file"));
            foreach (var (key, text) in translated.Where(t => english.ContainsKey(t.Key)))
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    problems.Add($"{name}.{language}: {key} is empty");
                }
                else if (!Placeholders(english[key]).SequenceEqual(Placeholders(text)))
                {
                    problems.Add($"{name}.{language}: {key} has placeholders {string.Join(" ", Placeholders(text))}, the English {string.Join(" ", Placeholders(english[key]))}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryCatalogueTitleSummaryAndLabel_IsTranslated(string language)
    {
        var catalogue = app.Factory.Services.GetRequiredService<PracticeCatalogue>();
        var texts = app.Factory.Services.GetRequiredService<CatalogueTexts>();

        var missing = CatalogueTexts.SourceKeys(catalogue).Where(k => texts.Find(language, k) is null).ToList();

        Assert.Empty(texts.Problems);
        Assert.True(missing.Count == 0, $"catalogue.{language}.json lacks: " + string.Join(", ", missing));
    }

    [Fact]
    public void Placeholders_AreCompared()
    {
        Assert.Equal(["{0}", "{1}"], Placeholders("{1} and {0}"));
        Assert.NotEqual(Placeholders("{0}"), Placeholders("{0} {0}"));
    }

    private static List<string> Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
