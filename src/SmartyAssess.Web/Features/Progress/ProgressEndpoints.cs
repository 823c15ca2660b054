using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using SmartyAssess.Data;
using SmartyAssess.Data.Entities;
using SmartyAssess.Web.Features.Assessments;
using SmartyAssess.Web.Features.DataRights;
using SmartyAssess.Web.Features.Journey;

namespace SmartyAssess.Web.Features.Progress;

/// <summary>Re-assessment (T0 → T1), targets and the series API.</summary>
public static class ProgressEndpoints
{
    public const string TargetPrefix = "target.";

    public static WebApplicationBuilder AddProgress(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SeriesService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapProgress(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/assessments/{id}/history", GetHistoryAsync)
            .WithTags("Assessments")
            .WithName("GetAssessmentHistory")
            .WithSummary("The firm's series of assessments (oldest first), each with its change since the one before, and the targets of this one.")
            .Produces<HistoryResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);

        // The results page's buttons: plain form posts answered with a redirect (post/redirect/get).
        app.MapPost("/results/{id}/reassess", ReassessAsync).WithMetadata(new RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();
        app.MapPost("/results/{id}/targets", SaveTargetsAsync).WithMetadata(new RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> GetHistoryAsync(string id, SmartyDbContext db, SeriesService series, ErasureService erasure, CancellationToken cancellationToken)
    {
        var result = ResultId.IsWellFormed(id) ? await db.Results.AsNoTracking().Include(r => r.Assessment).SingleOrDefaultAsync(r => r.Id == id, cancellationToken) : null;
        if (result?.Assessment is null)
        {
            return await AssessmentProblems.NotFoundOrGoneAsync(id, erasure, cancellationToken);
        }

        var entries = await series.HistoryAsync(result.Assessment, result, cancellationToken);
        var items = new List<HistoryItemResponse>();
        SeriesEntry? before = null;
        foreach (var entry in entries)
        {
            items.Add(new HistoryItemResponse(
                entry.ResultId,
                $"/api/assessments/{entry.ResultId}",
                entry.SubmittedAt,
                entry.OverallScore,
                entry.OverallBand,
                before is null || entry.OverallScore is null || before.OverallScore is null ? null : Math.Round(entry.OverallScore.Value - before.OverallScore.Value, 1),
                [.. entry.Dimensions.Select(d =>
                {
                    var earlier = before?.Dimensions.FirstOrDefault(p => p.DimensionId == d.DimensionId);
                    var change = new DimensionProgress(d.DimensionId, d.Assessed ? d.Score : null, earlier is { Assessed: true } ? earlier.Score : null, d.Assessed ? d.Level : null, earlier is { Assessed: true } ? earlier.Level : null, null);
                    return new HistoryDimensionResponse(d.DimensionId, change.Score, change.Level, change.ScoreChange, change.LevelChange);
                })]));
            before = entry;
        }

        var targets = result.Dimensions.Select(d => (d.DimensionId, Target: SeriesService.TargetLevel(result.Assessment, d)))
            .Where(t => t.Target is not null).ToDictionary(t => t.DimensionId, t => t.Target!.Value, StringComparer.Ordinal);
        return TypedResults.Ok(new HistoryResponse(result.Id, items, targets));
    }

    private static async Task<IResult> ReassessAsync(string id, HttpContext context, SmartyDbContext db, SeriesService series, TimeProvider time, CancellationToken cancellationToken)
    {
        var assessmentId = ResultId.IsWellFormed(id) ? await db.Results.AsNoTracking().Where(r => r.Id == id).Select(r => (Guid?)r.AssessmentId).SingleOrDefaultAsync(cancellationToken) : null;
        if (assessmentId is null || await series.StartReassessmentAsync(assessmentId.Value, cancellationToken) is not { } started)
        {
            return TypedResults.NotFound();
        }

        DraftCookie.Write(context, started.Token, time);
        return TypedResults.Redirect("/assessment/" + JourneySteps.ProfileSlug + "?reassessment=1");
    }

    private static async Task<IResult> SaveTargetsAsync(string id, HttpRequest request, SmartyDbContext db, SeriesService series, CancellationToken cancellationToken)
    {
        var result = ResultId.IsWellFormed(id) ? await db.Results.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken) : null;
        if (result is null)
        {
            return TypedResults.NotFound();
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var targets = ParseTargets(form, result);
        if (targets is null || !await series.SetTargetsAsync(result.AssessmentId, targets, cancellationToken))
        {
            return TypedResults.Redirect($"/results/{id}?targets=invalid#targets-title");
        }

        return TypedResults.Redirect($"/results/{id}?targets=saved#targets-title");
    }

    /// <summary>The posted <c>target.{dimension}</c> fields, or null when one names an unknown dimension or is not a level from 0 to 5.</summary>
    public static Dictionary<string, int>? ParseTargets(IFormCollection form, AssessmentResult result)
    {
        var targets = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, value) in form)
        {
            if (!key.StartsWith(TargetPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var dimension = key[TargetPrefix.Length..];
            if (!result.Dimensions.Any(d => d.DimensionId == dimension && d.Assessed)
                || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var level) || level > SeriesService.MaxLevel)
            {
                return null;
            }

            targets[dimension] = level;
        }

        return targets.Count == 0 ? null : targets;
    }
}

public sealed record HistoryResponse(string Id, IReadOnlyList<HistoryItemResponse> Series, IReadOnlyDictionary<string, int> Targets);

/// <param name="OverallChange">Since the assessment before it in the series; null for the first.</param>
public sealed record HistoryItemResponse(string Id, string Href, DateTime SubmittedAt, double? OverallScore, string? OverallBand, double? OverallChange, IReadOnlyList<HistoryDimensionResponse> Dimensions);

public sealed record HistoryDimensionResponse(string Id, double? Score, int? Level, double? ScoreChange, int? LevelChange);
