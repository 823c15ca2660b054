using System.Text.Json;
using SmartyAssess.Web.Features.Assessments;
using SmartyAssess.Web.Features.Sharing;

namespace SmartyAssess.Web.Features.DataRights;

/// <summary>The firm's rights over its data: download everything (GDPR art. 15 and 20), erase it (art. 17), and the purge of abandoned drafts.</summary>
public static class DataRightsEndpoints
{
    private static readonly JsonSerializerOptions s_export = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static WebApplicationBuilder AddDataRights(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(PrivacyOptions.SectionName).Get<PrivacyOptions>() ?? new PrivacyOptions();
        if (options.DraftRetention <= TimeSpan.Zero || options.PurgeInterval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Privacy:DraftRetention and Privacy:PurgeInterval must be positive durations (for example 90.00:00:00 and 06:00:00).");
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddScoped<ExportService>();
        builder.Services.AddScoped<ErasureService>();
        builder.Services.AddSingleton<DraftPurge>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DraftPurge>());
        return builder;
    }

    public static IEndpointRouteBuilder MapDataRights(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/assessments/{id}").WithTags("Data rights");
        api.MapGet("/export", ExportAsync)
            .WithName("ExportAssessment")
            .WithSummary("Everything the service holds about the assessment: answers, scores, recommendations shown, feedback, shares and consents, action plan and advisors' notes.")
            .Produces<AssessmentExport>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);
        api.MapDelete("", EraseAsync)
            .WithName("EraseAssessment")
            .WithSummary("Erases the assessment and everything that refers to it, irreversibly; afterwards its id answers 410 Gone.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);

        // The results page's download link: the same document, as a file.
        app.MapGet("/results/{id}/export", DownloadAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ExportAsync(string id, ExportService export, ErasureService erasure, CancellationToken cancellationToken) =>
        ResultId.IsWellFormed(id) && await export.ExportAsync(id, cancellationToken) is { } document
            ? TypedResults.Json(document, s_export)
            : await AssessmentProblems.NotFoundOrGoneAsync(id, erasure, cancellationToken);

    private static async Task<IResult> DownloadAsync(string id, ExportService export, ErasureService erasure, CancellationToken cancellationToken)
    {
        if (!ResultId.IsWellFormed(id) || await export.ExportAsync(id, cancellationToken) is not { } document)
        {
            return await erasure.IsErasedAsync(id, cancellationToken) ? TypedResults.StatusCode(StatusCodes.Status410Gone) : TypedResults.NotFound();
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(document, s_export);
        return TypedResults.File(bytes, "application/json", $"smartyassess-{document.Assessment.SubmittedAt:yyyy-MM-dd}.json");
    }

    private static async Task<IResult> EraseAsync(string id, ErasureService erasure, CancellationToken cancellationToken) =>
        await erasure.EraseAsync(id, cancellationToken)
            ? TypedResults.NoContent()
            : await AssessmentProblems.NotFoundOrGoneAsync(id, erasure, cancellationToken);
}
