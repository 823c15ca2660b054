using SmartyAssess.Assessment.Catalogue;
using SmartyAssess.Assessment.Questionnaires;
using SmartyAssess.Assessment.Scoring;

namespace SmartyAssess.Web.Features.Catalogue;

/// <summary>
/// Turns the catalogue's ids into the words pages show in one language: the questionnaire's
/// vocabularies, and the catalogue's own titles, summaries and labels from <see cref="CatalogueTexts"/>.
/// </summary>
public sealed class PracticeLabels(Questionnaire questionnaire, string language = "en", CatalogueTexts? texts = null)
{
    public Questionnaire Questionnaire { get; } = questionnaire;

    public string Language => language;

    public string Title(Practice practice) => Translated($"practices.{practice.Id}.title") ?? practice.Title;

    public string Summary(Practice practice) => Translated($"practices.{practice.Id}.summary") ?? practice.Summary;

    public string Theme(string id) => Translated("themes." + id) ?? Vocabulary.Label(Vocabulary.Themes, id);

    public string Instrument(string id) => Translated("instruments." + id) ?? Vocabulary.Label(Vocabulary.InstrumentTypes, id);

    public string Rating(string id) => Translated("transferability." + id) ?? Vocabulary.Label(Vocabulary.TransferabilityRatings, id);

    public string Provenance(string kind) => Translated("provenance." + kind) ?? Vocabulary.Label(Vocabulary.ProvenanceKinds, kind);

    public string Dimension(string id) => Questionnaire.FindDimension(id)?.Title.In(language) ?? id;

    public string Barrier(string id) => Questionnaire.FindBarrier(id)?.Label.In(language) ?? id;

    public string Goal(string id) => Questionnaire.FindGoal(id)?.Label.In(language) ?? id;

    public string Topic(string id) => Questionnaire.Topics.FirstOrDefault(t => t.Id == id)?.Label.In(language) ?? id;

    public string Sector(string id) => id == Vocabulary.AllSectors ? CatalogueText.AllSectors : Option("sector", id);

    public string Size(string id) => Option("size", id);

    public string Country(string id) => Option("country", id);

    public string Region(string id) => Option("region", id);

    public string Band(string id) => Bands.TryParse(id, out var band) ? Questionnaire.BandLabels[band].In(language) : id;

    public IEnumerable<ProfileOption> Options(string field) => Questionnaire.FindProfileField(field)?.Options ?? [];

    private string? Translated(string key) => texts?.Find(language, key);

    private string Option(string field, string id) => Questionnaire.FindProfileField(field)?.FindOption(id)?.Label.In(language) ?? id;
}
