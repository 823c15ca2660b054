namespace SmartyAssess.Web.Features.Recommendations;

/// <param name="ModelVersion">The model that ranked them; recorded with every impression and feedback event.</param>
/// <param name="Items">Best first.</param>
public sealed record RecommendationsResponse(string ModelVersion, IReadOnlyList<RecommendationItemResponse> Items);

/// <param name="Score">The model's score in logits: comparable within one response only.</param>
/// <param name="Feedback">What the firm last said about this practice: <c>relevant</c>, or null.</param>
public sealed record RecommendationItemResponse(
    string PracticeId,
    string Title,
    string SmartyTheme,
    int Rank,
    double Score,
    IReadOnlyList<ReasonResponse> Reasons,
    string? Feedback,
    string Url);

/// <param name="Contribution">How much this reason adds to the score, in logits.</param>
public sealed record ReasonResponse(string Text, double Contribution);

/// <param name="Kind"><c>relevant</c>, <c>notRelevant</c> or <c>adopted</c>.</param>
public sealed record FeedbackRequest(string? PracticeId, string? Kind);
