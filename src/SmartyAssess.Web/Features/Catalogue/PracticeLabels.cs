using SmartyAssess.Assessment.Catalogue;
using SmartyAssess.Assessment.Questionnaires;
using SmartyAssess.Assessment.Scoring;

namespace SmartyAssess.Web.Features.Catalogue;

/// <summary>Turns the catalogue's ids into the words pages show, using the questionnaire's vocabularies.</summary>
public sealed class PracticeLabels(Questionnaire questionnaire, string language = "en")
{
    public Questionnaire Questionnaire { get; } = questionnaire;

    public string Theme(string id) => Vocabulary.Label(Vocabulary.Themes, id);

    public string Instrument(string id) => Vocabulary.Label(Vocabulary.InstrumentTypes, id);

    public string Rating(string id) => Vocabulary.Label(Vocabulary.TransferabilityRatings, id);

    public string Provenance(string kind) => Vocabulary.Label(Vocabulary.ProvenanceKinds, kind);

    public string Dimension(string id) => Questionnaire.FindDimension(id)?.Title.In(language) ?? id;

    public string Barrier(string id) => Questionnaire.FindBarrier(id)?.Label.In(language) ?? id;

    public string Goal(string id) => Questionnaire.FindGoal(id)?.Label.In(language) ?? id;

    public string Topic(string id) => Questionnaire.Topics.FirstOrDefault(t => t.Id == id)?.Label.In(language) ?? id;

    public string Sector(string id) => id == Vocabulary.AllSectors ? "All sectors" : Option("sector", id);

    public string Size(string id) => Option("size", id);

    public string Country(string id) => Option("country", id);

    public string Region(string id) => Option("region", id);

    public string Band(string id) => Bands.TryParse(id, out var band) ? Questionnaire.BandLabels[band].In(language) : id;

    public IEnumerable<ProfileOption> Options(string field) => Questionnaire.FindProfileField(field)?.Options ?? [];

    private string Option(string field, string id) => Questionnaire.FindProfileField(field)?.FindOption(id)?.Label.In(language) ?? id;
}
