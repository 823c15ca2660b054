using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SmartyAssess.Web.Features.Assessments;
using SmartyAssess.Web.Features.Catalogue;
using SmartyAssess.Web.Features.DataRights;
using SmartyAssess.Web.Features.Languages;

namespace SmartyAssess.Web.Features.Recommendations;

/// <summary>Recommendations and feedback: the JSON API, and the form the results page posts.</summary>
public static class RecommendationEndpoints
{
    private const int MaxBodyBytes = 4 * 1024;

    public static IEndpointRouteBuilder MapRecommendationEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/assessments/{id}").WithTags("Recommendations");

        api.MapGet("/recommendations", GetRecommendationsAsync)
            .WithName("GetRecommendations")
            .WithSummary("The practices that best fit the assessed firm, with reasons; k (1–20, default 5) sets how many.")
            .Produces<RecommendationsResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);

        api.MapPost("/feedback", PostFeedbackAsync)
            .WithName("PostFeedback")
            .WithSummary("Records what the firm says about a practice: relevant, notRelevant or adopted (adopted or planned).")
            .Accepts<FeedbackRequest>("application/json")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .DisableAntiforgery();

        // The results page's feedback buttons: a plain form post, answered with a redirect back (post/redirect/get).
        app.MapPost("/results/{id}/feedback", PostFeedbackFormAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> GetRecommendationsAsync(string id, HttpRequest request, RecommendationService service, RecommenderOptions options, ErasureService erasure, CatalogueTexts texts, CancellationToken cancellationToken)
    {
        var count = options.Count;
        if (request.Query.TryGetValue("k", out var k) && (!int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || count > options.MaxCount))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["k"] = [$"k must be a whole number from 1 to {options.MaxCount}."] },
                title: "The request is not valid.");
        }

        var set = ResultId.IsWellFormed(id) ? await service.GetAsync(id, count, cancellationToken) : null;
        if (set is null)
        {
            return await AssessmentProblems.NotFoundOrGoneAsync(id, erasure, cancellationToken);
        }

        return TypedResults.Ok(new RecommendationsResponse(set.ModelVersion, [.. set.Items.Select(i => new RecommendationItemResponse(
            i.Practice.Id,
            texts.Find(PageLanguage.Current, $"practices.{i.Practice.Id}.title") ?? i.Practice.Title,
            i.Practice.Theme,
            i.Rank,
            Math.Round(i.Score, 4),
            [.. i.Reasons.Select(r => new ReasonResponse(r.Text, Math.Round(r.Contribution, 4)))],
            i.Feedback is { } kind ? FeedbackKinds.Name(kind) : null,
            $"/practices/{i.Practice.Id}"))]));
    }

    private static async Task<IResult> PostFeedbackAsync(string id, HttpRequest request, RecommendationService service, ErasureService erasure, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<FeedbackRequest>(request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(body!.PracticeId))
        {
            errors["practiceId"] = ["Give the id of the practice (as in /api/practices)."];
        }

        if (!FeedbackKinds.TryParse(body.Kind, out var kind))
        {
            errors["kind"] = [$"kind must be one of {string.Join(", ", FeedbackKinds.All)}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The feedback is not valid.");
        }

        if (!ResultId.IsWellFormed(id))
        {
            return AssessmentProblems.NotFound();
        }

        return await service.RecordFeedbackAsync(id, body.PracticeId!, kind, "sme", cancellationToken) switch
        {
            FeedbackOutcome.Saved => TypedResults.NoContent(),
            FeedbackOutcome.AssessmentNotFound => await AssessmentProblems.NotFoundOrGoneAsync(id, erasure, cancellationToken),
            FeedbackOutcome.UnknownPractice => TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["practiceId"] = [$"No practice in the catalogue has the id \u201c{body.PracticeId}\u201d."] },
                title: "The feedback is not valid."),
            _ => TooMany(),
        };
    }

    private static async Task<IResult> PostFeedbackFormAsync(
        string id,
        [FromForm(Name = "practiceId")] string? practiceId,
        [FromForm(Name = "kind")] string? kindName,
        RecommendationService service,
        CancellationToken cancellationToken)
    {
        if (!ResultId.IsWellFormed(id))
        {
            return TypedResults.NotFound();
        }

        if (string.IsNullOrEmpty(practiceId) || !FeedbackKinds.TryParse(kindName, out var kind))
        {
            return TypedResults.BadRequest();
        }

        return await service.RecordFeedbackAsync(id, practiceId, kind, "sme", cancellationToken) switch
        {
            FeedbackOutcome.Saved => TypedResults.Redirect($"/results/{id}?feedback={Uri.EscapeDataString(practiceId)}#recommendations"),
            FeedbackOutcome.AssessmentNotFound => TypedResults.NotFound(),
            FeedbackOutcome.UnknownPractice => TypedResults.BadRequest(),
            _ => TypedResults.Redirect($"/results/{id}?feedback=limit#recommendations"),
        };
    }

    private static ProblemHttpResult TooMany() =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Too much feedback", detail: "This assessment has reached the limit of feedback events; earlier feedback is kept.");
}
