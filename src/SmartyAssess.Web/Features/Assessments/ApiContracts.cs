namespace SmartyAssess.Web.Features.Assessments;

// Request and response shapes of the assessment API. Requests are nullable throughout so that
// every missing field can be named in the 400 response instead of failing deserialisation.
#pragma warning disable CA1812 // instantiated by System.Text.Json

public sealed class CreateAssessmentRequest
{
    public Dictionary<string, string?>? Profile { get; set; }

    public Dictionary<string, AnswerRequest?>? Answers { get; set; }

    public List<string>? Barriers { get; set; }

    public List<string>? TopBarriers { get; set; }

    public List<string>? Goals { get; set; }

    /// <summary>Language for texts shown later (results page); defaults to the questionnaire's default.</summary>
    public string? Language { get; set; }
}

/// <summary>Exactly one of the three: <c>selected</c> option ids, <c>dontKnow: true</c> or <c>notApplicable: true</c>.</summary>
public sealed class AnswerRequest
{
    public List<string>? Selected { get; set; }

    public bool? DontKnow { get; set; }

    public bool? NotApplicable { get; set; }
}

#pragma warning restore CA1812

public sealed record AssessmentResultResponse(
    string Id,
    string QuestionnaireVersion,
    string ScoringVersion,
    DateTime SubmittedAt,
    OverallResponse Overall,
    IReadOnlyList<DimensionResultResponse> Dimensions,
    string? WeakestDimension,
    string ResultsPage);

public sealed record OverallResponse(double? Score, string? Band);

public sealed record DimensionResultResponse(string Id, bool Assessed, double? Score, string? Band, int? Level);

public sealed record QuestionnaireResponse(
    string Version,
    string Language,
    IReadOnlyList<string> Languages,
    string Title,
    IReadOnlyList<ProfileFieldResponse> Profile,
    IReadOnlyList<DimensionResponse> Dimensions,
    IReadOnlyList<VocabularyResponse> Barriers,
    int MaxTopBarriers,
    IReadOnlyList<VocabularyResponse> Goals,
    IReadOnlyList<VocabularyResponse> Topics);

public sealed record ProfileFieldResponse(string Id, string Label, bool Required, string? Parent, IReadOnlyList<ProfileOptionResponse> Options);

public sealed record ProfileOptionResponse(string Id, string Label, string? Parent);

public sealed record DimensionResponse(string Id, string Title, string Description, IReadOnlyList<QuestionResponse> Questions);

public sealed record QuestionResponse(string Id, string Type, string Text, string? Help, IReadOnlyList<string> Topics, IReadOnlyList<OptionResponse> Options);

public sealed record OptionResponse(string Id, string Label, decimal Points, int? Level);

public sealed record VocabularyResponse(string Id, string Label, string? Description);
