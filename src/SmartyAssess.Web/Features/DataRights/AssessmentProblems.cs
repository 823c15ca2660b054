using Microsoft.AspNetCore.Http.HttpResults;

namespace SmartyAssess.Web.Features.DataRights;

/// <summary>The API's answer for an assessment id that does not resolve: 410 when the firm erased it, else 404.</summary>
public static class AssessmentProblems
{
    public static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Assessment not found", detail: "No assessment has this id.");

    public static ProblemHttpResult Gone() =>
        TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: "Assessment erased", detail: "The firm erased this assessment; nothing of it is kept.");

    public static async Task<ProblemHttpResult> NotFoundOrGoneAsync(string id, ErasureService erasure, CancellationToken cancellationToken) =>
        await erasure.IsErasedAsync(id, cancellationToken) ? Gone() : NotFound();
}
