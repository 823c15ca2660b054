using System.Globalization;
using System.Security.Claims;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using SmartyAssess.Assessment.Insights;
using SmartyAssess.Data;
using SmartyAssess.Data.Entities;
using SmartyAssess.Web.Features.Accounts;
using SmartyAssess.Web.Features.Catalogue;
using SmartyAssess.Web.Features.Journey;
using SmartyAssess.Web.Features.Languages;

namespace SmartyAssess.Web.Features.Insights;

/// <summary>The regional partners' insights: aggregates of their regions' firms, never one firm.</summary>
public static class InsightsEndpoints
{
    private const string Filters = "Filters: scope=all (every region, for comparison), quarter=yyyy-Qn, sector, size, region (one of the analyst's), theme, dimension; a filter outside these is refused with 400 naming it. A figure on fewer than Insights:MinimumGroupSize firms, or one that two requests would reveal by difference, is null; counts below twice the minimum are rounded to 5 and say so.";

    /// <summary>The tables a partner can download, by file name.</summary>
    public static readonly IReadOnlyList<string> Tables = ["maturity", "barriers", "trend", "activity", "practices", "transfer"];

    public static WebApplicationBuilder AddInsights(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(InsightsOptions.SectionName).Get<InsightsOptions>() ?? new InsightsOptions();
        if (options.MinimumGroupSize < Disclosure.AbsoluteMinimum)
        {
            throw new InvalidOperationException($"Insights:MinimumGroupSize is {options.MinimumGroupSize}; it is never below {Disclosure.AbsoluteMinimum}.");
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<InsightFactStore>();
        builder.Services.AddScoped<InsightsService>();
        builder.Services.AddSingleton<PeerBenchmarks>();
        builder.Services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, PartnerTokenAuthentication>(PartnerTokenAuthentication.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.PartnerAnalyst, policy => policy.RequireRole(Roles.PartnerAnalyst))
            .AddPolicy(Policies.PartnerApi, policy => policy
                .AddAuthenticationSchemes(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme, PartnerTokenAuthentication.SchemeName)
                .RequireRole(Roles.PartnerAnalyst));
        return builder;
    }

    public static IEndpointRouteBuilder MapInsights(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/insights").RequireAuthorization(Policies.PartnerApi).AnswersInEnglish().WithTags("Insights")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/barriers", (HttpContext c, InsightsService s) => Answer(c, s, InsightsResponses.Barriers))
            .WithName("GetBarrierInsights")
            .WithSummary("How many firms of the analyst's regions name each adoption barrier, and among their top three, with the same per quarter.")
            .WithDescription(Filters)
            .Produces<BarrierInsightsResponse>();
        api.MapGet("/maturity", (HttpContext c, InsightsService s) => Answer(c, s, InsightsResponses.Maturity))
            .WithName("GetMaturityInsights")
            .WithSummary("Per dimension, firms per band (Basic, Average, Moderately advanced, Advanced) and the quartiles of the score.")
            .WithDescription(Filters)
            .Produces<MaturityInsightsResponse>();
        api.MapGet("/practices", (HttpContext c, InsightsService s) => Answer(c, s, InsightsResponses.Practices))
            .WithName("GetPracticeInsights")
            .WithSummary("Per practice, firms to which it was recommended, and that found it relevant, planned it or adopted it.")
            .WithDescription(Filters)
            .Produces<PracticeInsightsResponse>();
        api.MapGet("/transfer", (HttpContext c, InsightsService s) => Answer(c, s, InsightsResponses.Transfer))
            .WithName("GetTransferInsights")
            .WithSummary("The transfer matrix: home of the practice × region of the firms that found a practice from there relevant, planned or adopted it.")
            .WithDescription(Filters)
            .Produces<TransferInsightsResponse>();
        api.MapGet("/activity", (HttpContext c, InsightsService s) => Answer(c, s, InsightsResponses.Activity))
            .WithName("GetActivityInsights")
            .WithSummary("Firms assessed per month of the period, and how many of them were re-assessing.")
            .WithDescription(Filters)
            .Produces<ActivityInsightsResponse>();
        app.MapGet("/insights/{table}.csv", DownloadAsync).RequireAuthorization(Policies.PartnerAnalyst).AnswersInEnglish().ExcludeFromDescription();
        app.MapPost("/insights/tokens/{tokenId}/revoke", RevokeTokenAsync).RequireAuthorization(Policies.PartnerAnalyst)
            .WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Answer<T>(HttpContext context, InsightsService insights, Func<InsightsResult, T> shape)
    {
        if (await insights.RegionsAsync(context.User, context.RequestAborted) is not { } regions)
        {
            return TypedResults.Forbid();
        }

        if (insights.Problems(context.Request.Query, regions) is { Count: > 0 } problems)
        {
            return TypedResults.ValidationProblem(problems, title: "The filters are not valid.");
        }

        return TypedResults.Ok(shape(await insights.ComputeAsync(regions, InsightsFilter.From(context.Request.Query), context.RequestAborted)));
    }

    private static async Task<IResult> DownloadAsync(string table, HttpContext context, InsightsService insights, QuestionnaireCatalog questionnaires)
    {
        if (!Tables.Contains(table))
        {
            return TypedResults.NotFound();
        }

        if (await insights.RegionsAsync(context.User, context.RequestAborted) is not { } regions)
        {
            return TypedResults.Forbid();
        }

        if (insights.Problems(context.Request.Query, regions) is { Count: > 0 } problems)
        {
            return TypedResults.ValidationProblem(problems, title: "The filters are not valid.");
        }

        var result = await insights.ComputeAsync(regions, InsightsFilter.From(context.Request.Query), context.RequestAborted);
        var labels = new PracticeLabels(questionnaires.Current, questionnaires.Current.DefaultLanguage);
        var rows = InsightsTables.Build(table, result, labels);
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, true))
        {
            csv.WriteHeader(rows.Header);
            foreach (var row in rows.Rows)
            {
                csv.WriteRecord(row);
            }

            if (rows.Rows.Count == 0)
            {
                // ":c" marks a confidential (suppressed) figure, as Eurostat's tables do.
                csv.WriteRecord([.. rows.Header.Select((_, i) => i == 0 ? "(fewer than the minimum number of firms)" : ":c")]);
            }
        }

        return TypedResults.File(buffer.ToArray(), "text/csv; charset=utf-8", $"{table}.csv");
    }

    private static async Task<IResult> RevokeTokenAsync(HttpContext context, string tokenId, SmartyDbContext db, TimeProvider time)
    {
        if (!Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return TypedResults.Forbid();
        }

        // One conditional update: only the analyst's own, still active token.
        var revoked = Guid.TryParse(tokenId, out var id)
            && await db.PartnerApiTokens.Where(t => t.Id == id && t.UserId == userId && t.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, time.UtcNowForStorage()), context.RequestAborted) == 1;
        return TypedResults.Redirect($"/insights/tokens?done={(revoked ? "revoked" : "not-active")}");
    }

    /// <summary>A figure as pages and CSV files write it: ":c" when suppressed, "≈" before a rounded count.</summary>
    internal static string Text(ShownCount count) => count.Value is { } v ? (count.Rounded ? "≈" : "") + v.ToString(CultureInfo.InvariantCulture) : ":c";
}

/// <summary>The dashboard's tables as rows of text, shared by the CSV files (and so by what a reader can print or file).</summary>
public sealed record InsightsTable(string[] Header, IReadOnlyList<string[]> Rows);

public static class InsightsTables
{
    public static InsightsTable Build(string table, InsightsResult result, PracticeLabels labels)
    {
        var report = result.Report;
        static string T(ShownCount c) => InsightsEndpoints.Text(c);
        return table switch
        {
            "maturity" => new(
                ["dimension", "firms_assessed", "basic", "average", "moderately_advanced", "advanced", "first_quartile", "median", "third_quartile"],
                [.. result.Dimensions.Select(d => (string[])[
                    labels.Dimension(d.Dimension), T(d.Figures.Assessed), .. d.Figures.Bands.Select(T),
                    .. d.Figures.Quartiles?.Select(q => q.ToString("0.0", CultureInfo.InvariantCulture)) ?? [":c", ":c", ":c"]])]),
            "barriers" => new(
                ["barrier", "firms_naming_it", "firms_naming_it_top_three", "firms_in_group"],
                [.. report.Barriers.Select((b, i) => new[] { labels.Barrier(result.Schema.Barriers[i]), T(b.Named), T(b.NamedTop), T(report.Firms) })]),
            "trend" => new(
                ["quarter", "firms", .. result.Schema.Barriers.Select(labels.Barrier)],
                [.. report.BarrierTrend.Select(q => (string[])[Quarters.Name(q.Quarter), T(q.Firms), .. q.Named.Select(T)])]),
            "activity" => new(
                ["month", "firms_assessed", "of_which_reassessing"],
                [.. report.Months.Select(m => new[] { Quarters.MonthName(m.Month), T(m.Firms), T(m.Reassessed) })]),
            "practices" => new(
                ["practice", "theme", "home", "recommended_to", "found_relevant", "planned", "adopted"],
                [.. InsightsResponses.PracticeRows(result).Select(p => new[]
                {
                    p.Practice.Title, labels.Theme(p.Practice.Theme), PracticeHome(labels, InsightFactStore.Home(p.Practice)), T(p.Figures.Recommended), T(p.Figures.Relevant), T(p.Figures.Planned), T(p.Figures.Adopted),
                })]),
            _ => new(
                ["home_of_practice", .. report.Transfer.Columns.Select((c, i) => ColumnName(labels, c, i, result))],
                [.. report.Transfer.Cells.Select((row, h) => (string[])[PracticeHome(labels, result.Schema.Homes[h]), .. row.Select(T)])]),
        };
    }

    /// <summary>A practice's home in words: a region's name where the catalogue gives one, else the country's.</summary>
    public static string PracticeHome(PracticeLabels labels, string home) => home.Length == 2 ? labels.Country(home) : labels.Region(home);

    /// <param name="index">The column's place: the analyst's regions come first, in order.</param>
    public static string ColumnName(PracticeLabels labels, TransferColumn column, int index, InsightsResult result) =>
        column.AllRegions ? "All regions" : column.Region is null ? "Your regions" : labels.Region(result.Regions[index]);
}

/// <summary>A figure of the insights API: null when suppressed; rounded to 5 when <paramref name="Rounded"/>.</summary>
public sealed record Figure(int? Value, bool Rounded)
{
    public static Figure Of(ShownCount count) => new(count.Value, count.Rounded);
}

/// <summary>How each API response is built from one protected result.</summary>
public static class InsightsResponses
{
    public static BarrierInsightsResponse Barriers(InsightsResult r) => new(
        r.MinimumGroupSize,
        r.Report.Firms.Value,
        r.Report.Shown ? [.. r.Report.Barriers.Select((b, i) => new BarrierInsightResponse(r.Schema.Barriers[i], b.Named.Value, b.Named.Rounded, b.NamedTop.Value, b.NamedTop.Rounded))] : null,
        [.. r.Report.BarrierTrend.Select(q => new BarrierQuarterResponse(Quarters.Name(q.Quarter), q.Firms.Value, [.. q.Named.Select((n, i) => new BarrierCountResponse(r.Schema.Barriers[i], Figure.Of(n)))]))]);

    public static MaturityInsightsResponse Maturity(InsightsResult r) => new(
        r.MinimumGroupSize,
        r.Report.Firms.Value,
        r.Report.Shown ? [.. r.Dimensions.Select(d => new MaturityInsightResponse(d.Dimension, d.Figures.Assessed.Value, d.Figures.Assessed.Rounded, [.. d.Figures.Bands.Select(b => b.Value)], d.Figures.Quartiles))] : null);

    public static PracticeInsightsResponse Practices(InsightsResult r) => new(
        r.MinimumGroupSize,
        r.Report.Firms.Value,
        r.Report.Shown ? [.. PracticeRows(r).Select(p => new PracticeInsightResponse(p.Id, Figure.Of(p.Figures.Recommended), Figure.Of(p.Figures.Relevant), Figure.Of(p.Figures.Planned), Figure.Of(p.Figures.Adopted)))] : null);

    public static TransferInsightsResponse Transfer(InsightsResult r) => new(
        r.MinimumGroupSize,
        [.. r.Report.Transfer.Columns.Select((c, i) => new TransferColumnResponse(c.Region is null ? null : r.Regions[i], c.AllRegions, c.Firms.Value))],
        [.. r.Report.Transfer.Cells.Select((row, h) => new TransferRowResponse(r.Schema.Homes[h], [.. row.Select(Figure.Of)]))]);

    public static ActivityInsightsResponse Activity(InsightsResult r) => new(
        r.MinimumGroupSize,
        r.Report.Firms.Value,
        r.Report.Shown ? [.. r.Report.Months.Select(m => new MonthResponse(Quarters.MonthName(m.Month), m.Firms.Value, Figure.Of(m.Reassessed)))] : null);

    /// <summary>The practices the filter lists (all, or one theme's), with their figures.</summary>
    public static IEnumerable<(string Id, Assessment.Catalogue.Practice Practice, PracticeFigures Figures)> PracticeRows(InsightsResult r) =>
        r.Report.Practices.Select((f, i) => (Id: r.Schema.Practices[i], Practice: r.Practices[i], Figures: f))
            .Where(p => r.Filter.Theme is null || p.Practice.Theme == r.Filter.Theme);
}

/// <param name="Firms">Distinct firms in the group; null when the group may not be described.</param>
/// <param name="Barriers">Null when the group may not be described.</param>
/// <param name="Trend">Every quarter of the timeline, each protected as a request of its own.</param>
public sealed record BarrierInsightsResponse(int MinimumGroupSize, int? Firms, IReadOnlyList<BarrierInsightResponse>? Barriers, IReadOnlyList<BarrierQuarterResponse> Trend);

/// <param name="Named">Null when suppressed; rounded to 5 when <paramref name="NamedRounded"/>.</param>
public sealed record BarrierInsightResponse(string Barrier, int? Named, bool NamedRounded, int? NamedTop, bool NamedTopRounded);

/// <param name="Firms">Null when the quarter's group may not be described.</param>
public sealed record BarrierQuarterResponse(string Quarter, int? Firms, IReadOnlyList<BarrierCountResponse> Barriers);

public sealed record BarrierCountResponse(string Barrier, Figure Named);

/// <param name="Dimensions">Null when the group may not be described.</param>
public sealed record MaturityInsightsResponse(int MinimumGroupSize, int? Firms, IReadOnlyList<MaturityInsightResponse>? Dimensions);

/// <param name="Bands">Firms per band, Basic to Advanced; a null band is suppressed (so is at least one other, or the whole row).</param>
/// <param name="Quartiles">First quartile, median, third quartile of the score (0–100); null below the minimum.</param>
public sealed record MaturityInsightResponse(string Dimension, int? Assessed, bool AssessedRounded, IReadOnlyList<int?> Bands, IReadOnlyList<double>? Quartiles);

public sealed record PracticeInsightsResponse(int MinimumGroupSize, int? Firms, IReadOnlyList<PracticeInsightResponse>? Practices);

/// <param name="Relevant">Firms whose latest word on it is relevant, planned or adopted.</param>
public sealed record PracticeInsightResponse(string Practice, Figure Recommended, Figure Relevant, Figure Planned, Figure Adopted);

/// <param name="Columns">The analyst's regions, then all of them together, then every region.</param>
public sealed record TransferInsightsResponse(int MinimumGroupSize, IReadOnlyList<TransferColumnResponse> Columns, IReadOnlyList<TransferRowResponse> Rows);

/// <param name="Region">A region code, or null for a total column.</param>
/// <param name="Firms">Firms of the column; null when it may not be described.</param>
public sealed record TransferColumnResponse(string? Region, bool AllRegions, int? Firms);

/// <param name="Home">Where the practices come from: a NUTS code, or a country code.</param>
/// <param name="Cells">Per column: firms that found a practice from this home relevant, planned or adopted it.</param>
public sealed record TransferRowResponse(string Home, IReadOnlyList<Figure> Cells);

public sealed record ActivityInsightsResponse(int MinimumGroupSize, int? Firms, IReadOnlyList<MonthResponse>? Months);

/// <param name="Firms">Firms that submitted an assessment in the month; null when suppressed.</param>
public sealed record MonthResponse(string Month, int? Firms, Figure Reassessed);
