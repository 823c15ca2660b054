using System.Collections.Frozen;
using System.Xml.Linq;
using SmartyAssess.Assessment.Questionnaires;
using SmartyAssess.Web.Features.Catalogue;
using SmartyAssess.Web.Features.Journey;

namespace SmartyAssess.Web.Features.Languages;

/// <summary>
/// Whether everything a page shows in a language has been checked by a native speaker: the page
/// texts (a resource entry whose comment starts with "reviewed"), the questionnaire's texts and the
/// catalogue's (their translation files' <c>reviewed</c> lists). Until then the pages say so
/// (data/README.md).
/// </summary>
public sealed class TranslationReview
{
    /// <summary>Where the build copies the resource files, so their review marks can be read.</summary>
    public const string Folder = "texts";

    private readonly QuestionnaireCatalog _catalog;
    private readonly CatalogueTexts _catalogue;
    private readonly FrozenSet<string> _reviewedPageTexts;

    public TranslationReview(QuestionnaireCatalog catalog, CatalogueTexts catalogue, string directory)
    {
        _catalog = catalog;
        _catalogue = catalogue;
        _reviewedPageTexts = SupportedLanguages.Translated.Where(language => PageTextsReviewed(directory, language)).ToFrozenSet();
    }

    public bool IsReviewed(string language) =>
        language == SupportedLanguages.Source || (_reviewedPageTexts.Contains(language) && _catalog.Current.IsReviewed(language) && _catalogue.IsReviewed(language));

    /// <summary>True when every text of every resource has a translation marked reviewed in this language.</summary>
    internal static bool PageTextsReviewed(string directory, string language)
    {
        if (!Directory.Exists(directory))
        {
            return false;
        }

        foreach (var source in Directory.EnumerateFiles(directory, "*.resx").Where(f => Path.GetFileNameWithoutExtension(f).IndexOf('.', StringComparison.Ordinal) < 0))
        {
            var translation = Path.ChangeExtension(source, null) + "." + language + ".resx";
            if (!File.Exists(translation))
            {
                return false;
            }

            var reviewed = Entries(translation)
                .Where(e => e.Comment?.StartsWith("reviewed", StringComparison.OrdinalIgnoreCase) == true)
                .Select(e => e.Name)
                .ToHashSet(StringComparer.Ordinal);
            if (Entries(source).Any(e => !reviewed.Contains(e.Name)))
            {
                return false;
            }
        }

        return true;
    }

    internal static IEnumerable<(string Name, string Value, string? Comment)> Entries(string resxFile) =>
        XDocument.Load(resxFile).Root!.Elements("data")
            .Select(d => ((string)d.Attribute("name")!, (string?)d.Element("value") ?? "", (string?)d.Element("comment")));
}
