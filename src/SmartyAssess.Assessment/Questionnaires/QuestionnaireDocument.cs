namespace SmartyAssess.Assessment.Questionnaires;

// The JSON shape of a questionnaire file. Everything is nullable so that the loader can name
// each missing field instead of failing on the first one.
#pragma warning disable CA1812 // instantiated by System.Text.Json
internal sealed class QuestionnaireDocument
{
    public string? Version { get; set; }
    public string? DefaultLanguage { get; set; }
    public List<string>? Languages { get; set; }
    public Dictionary<string, string>? Title { get; set; }
    public Dictionary<string, BandDocument>? Bands { get; set; }
    public List<ProfileFieldDocument>? Profile { get; set; }
    public List<DimensionDocument>? Dimensions { get; set; }
    public List<VocabularyDocument>? Barriers { get; set; }
    public int? MaxTopBarriers { get; set; }
    public List<VocabularyDocument>? Goals { get; set; }
    public List<VocabularyDocument>? Topics { get; set; }
}

internal sealed class BandDocument
{
    public Dictionary<string, string>? Label { get; set; }
    public Dictionary<string, string>? Narrative { get; set; }
}

internal sealed class ProfileFieldDocument
{
    public string? Id { get; set; }
    public Dictionary<string, string>? Label { get; set; }
    public Dictionary<string, string>? Help { get; set; }
    public bool Required { get; set; } = true;
    public string? Parent { get; set; }
    public List<ProfileOptionDocument>? Options { get; set; }
}

internal sealed class ProfileOptionDocument
{
    public string? Id { get; set; }
    public Dictionary<string, string>? Label { get; set; }
    public string? Parent { get; set; }
    public bool Smarty { get; set; }
}

internal sealed class DimensionDocument
{
    public string? Id { get; set; }
    public Dictionary<string, string>? Title { get; set; }
    public Dictionary<string, string>? Description { get; set; }
    public List<Dictionary<string, string>>? Levels { get; set; }
    public Dictionary<string, Dictionary<string, string>>? BandNarratives { get; set; }
    public List<QuestionDocument>? Questions { get; set; }
}

internal sealed class QuestionDocument
{
    public string? Id { get; set; }
    public string? Type { get; set; }
    public Dictionary<string, string>? Text { get; set; }
    public Dictionary<string, string>? Help { get; set; }
    public List<string>? Topics { get; set; }
    public List<OptionDocument>? Options { get; set; }
}

internal sealed class OptionDocument
{
    public string? Id { get; set; }
    public Dictionary<string, string>? Label { get; set; }
    public decimal? Points { get; set; }
}

internal sealed class VocabularyDocument
{
    public string? Id { get; set; }
    public Dictionary<string, string>? Label { get; set; }
    public Dictionary<string, string>? Description { get; set; }
}
#pragma warning restore CA1812
