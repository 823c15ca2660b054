using SmartyAssess.Assessment.Scoring;

namespace SmartyAssess.Assessment.Submissions;

/// <summary>A complete set of answers to one questionnaire version, as the API or the review step hands it over.</summary>
public sealed record Submission(
    IReadOnlyDictionary<string, string> Profile,
    IReadOnlyDictionary<string, Answer> Answers,
    IReadOnlyList<string> Barriers,
    IReadOnlyList<string> TopBarriers,
    IReadOnlyList<string> Goals);
