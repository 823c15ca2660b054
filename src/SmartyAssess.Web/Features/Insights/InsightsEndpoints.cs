using CsvHelper;
using SmartyAssess.Assessment.Insights;
using SmartyAssess.Data.Entities;
using SmartyAssess.Web.Features.Accounts;
using SmartyAssess.Web.Features.Catalogue;
using SmartyAssess.Web.Features.Journey;

namespace SmartyAssess.Web.Features.Insights;

/// <summary>The regional partners' insights: aggregates of their regions' firms, never one firm.</summary>
public static class InsightsEndpoints
{
    public static WebApplicationBuilder AddInsights(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(InsightsOptions.SectionName).Get<InsightsOptions>() ?? new InsightsOptions();
        if (options.MinimumGroupSize < Disclosure.AbsoluteMinimum)
        {
            throw new InvalidOperationException($"Insights:MinimumGroupSize is {options.MinimumGroupSize}; it is never below {Disclosure.AbsoluteMinimum}.");
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddScoped<InsightsService>();
        builder.Services.AddAuthorizationBuilder().AddPolicy(Policies.PartnerAnalyst, policy => policy.RequireRole(Roles.PartnerAnalyst));
        return builder;
    }

    public static IEndpointRouteBuilder MapInsights(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/insights/barriers", GetBarriersAsync)
            .RequireAuthorization(Policies.PartnerAnalyst)
            .WithTags("Insights")
            .WithName("GetBarrierInsights")
            .WithSummary("How many firms of the analyst's regions name each adoption barrier (and among their top three); filters scope=all, quarter=yyyy-Qn, sector, size. Figures on fewer than Insights:MinimumGroupSize firms are null.")
            .Produces<BarrierInsightsResponse>()
            .Produces(StatusCodes.Status401Unauthorized)
            .Produces(StatusCodes.Status403Forbidden);
        app.MapGet("/api/insights/maturity", GetMaturityAsync)
            .RequireAuthorization(Policies.PartnerAnalyst)
            .WithTags("Insights")
            .WithName("GetMaturityInsights")
            .WithSummary("Per dimension, how many firms of the analyst's regions are in each band (Basic, Average, Moderately advanced, Advanced) and the quartiles of the score; same filters and suppression as the barriers.")
            .Produces<MaturityInsightsResponse>()
            .Produces(StatusCodes.Status401Unauthorized)
            .Produces(StatusCodes.Status403Forbidden);
        app.MapGet("/insights/barriers.csv", DownloadBarriersAsync).RequireAuthorization(Policies.PartnerAnalyst).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> GetBarriersAsync(HttpContext context, InsightsService insights)
    {
        if (await insights.RegionsAsync(context.User, context.RequestAborted) is not { } regions)
        {
            return TypedResults.Forbid();
        }

        var view = await insights.ViewAsync(regions, InsightsFilter.From(context.Request.Query), context.RequestAborted);
        return TypedResults.Ok(new BarrierInsightsResponse(
            view.MinimumGroupSize,
            view.Firms.Value,
            view.Rows?.Select(r => new BarrierInsightResponse(r.BarrierId, r.Named.Value, r.Named.Rounded, r.NamedTop.Value, r.NamedTop.Rounded)).ToList()));
    }

    private static async Task<IResult> GetMaturityAsync(HttpContext context, InsightsService insights)
    {
        if (await insights.RegionsAsync(context.User, context.RequestAborted) is not { } regions)
        {
            return TypedResults.Forbid();
        }

        var view = await insights.MaturityAsync(regions, InsightsFilter.From(context.Request.Query), context.RequestAborted);
        return TypedResults.Ok(new MaturityInsightsResponse(
            view.MinimumGroupSize,
            view.Firms.Value,
            view.Rows?.Select(r => new MaturityInsightResponse(r.DimensionId, r.Assessed.Value, r.Assessed.Rounded, [.. r.Bands.Select(b => b.Value)], r.Quartiles)).ToList()));
    }

    private static async Task<IResult> DownloadBarriersAsync(HttpContext context, InsightsService insights, QuestionnaireCatalog catalog)
    {
        if (await insights.RegionsAsync(context.User, context.RequestAborted) is not { } regions)
        {
            return TypedResults.Forbid();
        }

        var view = await insights.ViewAsync(regions, InsightsFilter.From(context.Request.Query), context.RequestAborted);
        var labels = new PracticeLabels(catalog.Current, catalog.Current.DefaultLanguage);
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { WriteByteOrderMark = true }, true))
        {
            csv.WriteHeader(["barrier", "firms_naming_it", "firms_naming_it_top_three", "firms_in_group"]);
            // ":c" marks a confidential (suppressed) figure, as Eurostat's tables do.
            foreach (var row in view.Rows ?? [])
            {
                csv.WriteRecord([labels.Barrier(row.BarrierId), Text(row.Named), Text(row.NamedTop), Text(view.Firms)]);
            }

            if (view.Rows is null)
            {
                csv.WriteRecord(["(fewer than the minimum number of firms)", ":c", ":c", ":c"]);
            }
        }

        return TypedResults.File(buffer.ToArray(), "text/csv; charset=utf-8", "barriers.csv");
    }

    internal static string Text(ShownCount count) => count.Value is { } v ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : ":c";
}

/// <param name="Firms">Distinct firms in the group; null when the group may not be described.</param>
/// <param name="Barriers">Null when the group may not be described.</param>
public sealed record BarrierInsightsResponse(int MinimumGroupSize, int? Firms, IReadOnlyList<BarrierInsightResponse>? Barriers);

/// <param name="Dimensions">Null when the group may not be described.</param>
public sealed record MaturityInsightsResponse(int MinimumGroupSize, int? Firms, IReadOnlyList<MaturityInsightResponse>? Dimensions);

/// <param name="Bands">Firms per band, Basic to Advanced; a null band is suppressed (so is at least one other, or the whole row).</param>
/// <param name="Quartiles">First quartile, median, third quartile of the score (0–100); null below the minimum.</param>
public sealed record MaturityInsightResponse(string Dimension, int? Assessed, bool AssessedRounded, IReadOnlyList<int?> Bands, IReadOnlyList<double>? Quartiles);

/// <param name="Named">Null when suppressed; rounded to 5 when <paramref name="NamedRounded"/>.</param>
public sealed record BarrierInsightResponse(string Barrier, int? Named, bool NamedRounded, int? NamedTop, bool NamedTopRounded);
