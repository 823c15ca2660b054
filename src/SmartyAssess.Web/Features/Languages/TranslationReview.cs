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
        // Each English resource is read once, each translation once, at start-up.
        var sources = SourceFiles(directory).Select(f => (File: f, Keys: Entries(f).Select(e => e.Name).ToList())).ToList();
        _reviewedPageTexts = Directory.Exists(directory)
            ? SupportedLanguages.Translated.Where(language => sources.All(s => Reviewed(s.File, s.Keys, language))).ToFrozenSet()
            : FrozenSet<string>.Empty;
    }

    public bool IsReviewed(string language) =>
        language == SupportedLanguages.Source || (_reviewedPageTexts.Contains(language) && _catalog.Current.IsReviewed(language) && _catalogue.IsReviewed(language));

    /// <summary>The English resources (Name.resx, not Name.language.resx) in the folder the build copies them to.</summary>
    internal static IEnumerable<string> SourceFiles(string directory) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.resx").Where(f => !Path.GetFileNameWithoutExtension(f).Contains('.', StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            : [];

    /// <summary>The translation of one resource into a language of which every key of the English file is marked reviewed.</summary>
    private static bool Reviewed(string source, IReadOnlyList<string> keys, string language)
    {
        var translation = TranslationOf(source, language);
        if (!File.Exists(translation))
        {
            return false;
        }

        var reviewed = Entries(translation)
            .Where(e => e.Comment?.StartsWith("reviewed", StringComparison.OrdinalIgnoreCase) == true)
            .Select(e => e.Name)
            .ToHashSet(StringComparer.Ordinal);
        return keys.All(reviewed.Contains);
    }

    internal static string TranslationOf(string source, string language) => Path.ChangeExtension(source, null) + "." + language + ".resx";

    internal static IEnumerable<(string Name, string Value, string? Comment)> Entries(string resxFile) =>
        XDocument.Load(resxFile).Root!.Elements("data")
            .Select(d => ((string)d.Attribute("name")!, (string?)d.Element("value") ?? "", (string?)d.Element("comment")));
}
