using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmartyAssess.Data;
using SmartyAssess.Data.Entities;
using SmartyAssess.Web.Features.Accounts;
using SmartyAssess.Web.Features.Catalogue;
using SmartyAssess.Web.Features.Journey;
using SmartyAssess.Web.Features.Languages;
using SmartyAssess.Web.Features.Progress;
using SmartyAssess.Web.Features.Recommendations;
using SmartyAssess.Web.Features.Sharing;

namespace SmartyAssess.Web.Features.Hubs;

/// <summary>
/// The advisor workspace's form posts and downloads, and the read-only hub API for a hub's own
/// systems. Every handler resolves the caller's hub and the client's share afresh.
/// </summary>
public static class HubEndpoints
{
    public const int MaxNoteLength = 4000;
    public const int MaxOwnerLength = 120;

    public static WebApplicationBuilder AddHubs(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<HubAccess>();
        builder.Services.AddScoped<HubClients>();
        builder.Services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, HubTokenAuthentication>(HubTokenAuthentication.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Advisor, policy => policy.RequireRole(Roles.Advisor))
            // The API takes a hub token or an advisor's session; both are read-only there.
            .AddPolicy(Policies.HubReader, policy => policy
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, HubTokenAuthentication.SchemeName)
                .RequireAssertion(context => context.User.IsInRole(Roles.Advisor)
                    || context.User.HasClaim(HubTokenAuthentication.ScopeClaim, HubTokenAuthentication.ReadScope)));
        return builder;
    }

    public static IEndpointRouteBuilder MapHubs(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/hub").WithTags("Hub").RequireAuthorization(Policies.HubReader).AnswersInEnglish();
        api.MapGet("/clients", ListClientsAsync)
            .WithName("ListHubClients")
            .WithSummary("The hub's clients (assessments currently shared with it); filters sector, size, region, band; sort date, label, score or acted. Bearer hub token or advisor session.")
            .Produces<IReadOnlyList<HubClientResponse>>()
            .Produces(StatusCodes.Status401Unauthorized)
            .Produces(StatusCodes.Status403Forbidden);
        api.MapGet("/clients/{assessmentId}", GetClientAsync)
            .AddEndpointFilter(RequireClientAsync)
            .WithName("GetHubClient")
            .WithSummary("One client's shared assessment: profile, answers, scores, feedback, the hub's notes and action plan.")
            .Produces<HubClientDetailResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        // The handlers read the form themselves, so antiforgery is required explicitly (only [FromForm] parameters imply it).
        var workspace = app.MapGroup("/hub").RequireAuthorization(Policies.Advisor).WithMetadata(new RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();
        workspace.MapGet("/clients.csv", DownloadCsvAsync).AnswersInEnglish();
        var client = workspace.MapGroup("/clients/{assessmentId}").AddEndpointFilter(RequireClientAsync);
        client.MapPost("/notes", AddNoteAsync);
        client.MapPost("/notes/{noteId}", EditNoteAsync);
        client.MapPost("/outcomes", RecordOutcomeAsync);
        client.MapPost("/plan", AddPlanItemAsync);
        client.MapPost("/plan/{itemId}", UpdatePlanItemAsync);
        client.MapPost("/targets", SaveTargetsAsync);
        client.MapPost("/reassess", ReassessAsync);
        workspace.MapPost("/tokens/{tokenId}/revoke", RevokeTokenAsync);
        return app;
    }

    /// <summary>
    /// Runs before every handler of one client: answers 403 for a caller without an enabled hub and
    /// 404 for an assessment not shared with it right now; otherwise hands the caller and the
    /// assessment to the handler (<see cref="Client"/>).
    /// </summary>
    private static async ValueTask<object?> RequireClientAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var access = context.RequestServices.GetRequiredService<HubAccess>();
        var caller = await access.ResolveAsync(context.User, context.RequestAborted);
        if (caller is null)
        {
            return TypedResults.Forbid();
        }

        if (!Guid.TryParse(context.GetRouteValue("assessmentId") as string, out var id) || !await access.CanSeeAsync(caller, id, context.RequestAborted))
        {
            return context.Request.Path.StartsWithSegments("/api")
                ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Client not found", detail: "No assessment with this id is shared with your hub.")
                : TypedResults.NotFound();
        }

        context.Items[typeof(ClientRequest)] = new ClientRequest(caller, id);
        return await next(invocation);
    }

    /// <summary>Saves an insert; false when the assessment was erased meanwhile (its row is gone, so the foreign key refuses).</summary>
    private static async Task<bool> SavedAsync(SmartyDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    private static ClientRequest Client(HttpContext context) => (ClientRequest)context.Items[typeof(ClientRequest)]!;

    /// <summary>The checked caller and client of a request, set by <see cref="RequireClientAsync"/>.</summary>
    private sealed record ClientRequest(HubCaller Caller, Guid AssessmentId);

    private static IResult BackToClient(string assessmentId, string message, string anchor = "") =>
        TypedResults.Redirect($"/hub/clients/{assessmentId}?done={message}{anchor}");

    private static async Task<IResult> ListClientsAsync(HttpContext context, HubAccess access, HubClients clients)
    {
        if (await access.ResolveAsync(context.User, context.RequestAborted) is not { } caller)
        {
            return TypedResults.Forbid();
        }

        var rows = ClientFilter.From(context.Request.Query).Apply(await clients.ListAsync(caller.HubId, context.RequestAborted));
        return TypedResults.Ok(rows.Select(r => new HubClientResponse(r.AssessmentId, r.Label, r.Sector, r.Size, r.Region, r.SubmittedAt, r.OverallScore, r.OverallBand, r.WeakestDimensionId, r.ActedOn, r.Assessments)).ToList());
    }

    private static async Task<IResult> GetClientAsync(HttpContext context, string assessmentId, SmartyDbContext db)
    {
        var (caller, id) = Client(context);
        var cancel = context.RequestAborted;
        var result = await db.Results.AsNoTracking().Include(r => r.Assessment).SingleOrDefaultAsync(r => r.AssessmentId == id, cancel);
        var consent = await db.ShareConsents.AsNoTracking().Where(c => c.AssessmentId == id && c.HubId == caller.HubId && c.RevokedAt == null).OrderByDescending(c => c.GrantedAt).FirstOrDefaultAsync(cancel);
        if (result is null || consent is null)
        {
            // Revoked or erased since the check a moment ago.
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Client not found", detail: "No assessment with this id is shared with your hub.");
        }

        // The firm's own feedback and this hub's outcomes; another hub's work with the firm is not this hub's to see.
        var feedback = await db.Feedback.AsNoTracking().Where(f => f.AssessmentId == id && (f.HubId == null || f.HubId == caller.HubId)).OrderBy(f => f.Id)
            .Select(f => new { f.PracticeId, f.Kind, f.Source, f.CreatedAt }).ToListAsync(cancel);
        var notes = await db.AdvisorNotes.AsNoTracking().Where(n => n.AssessmentId == id && n.HubId == caller.HubId).OrderBy(n => n.Id)
            .Select(n => new HubNoteResponse(n.Id, n.AuthorEmail, n.Text, n.CreatedAt, n.UpdatedAt)).ToListAsync(cancel);
        var plan = (await db.ActionPlanItems.AsNoTracking().Where(i => i.AssessmentId == id && i.HubId == caller.HubId).OrderBy(i => i.Id).ToListAsync(cancel))
            .Select(i => new HubPlanItemResponse(i.Id, i.PracticeId, i.Owner, PlanStatuses.Name(i.Status), i.TargetDate)).ToList();
        var a = result.Assessment!;
        return TypedResults.Ok(new HubClientDetailResponse(
            id,
            consent.FirmLabel,
            consent.GrantedAt,
            a.Profile,
            a.Answers.ToDictionary(x => x.Key, x => new HubAnswerResponse(x.Value.Kind.ToString(), x.Value.Selected)),
            [.. a.Barriers.Select(b => b.BarrierId)],
            a.Goals,
            new HubScoresResponse(result.CreatedAt, result.OverallScore, result.OverallBand, result.WeakestDimensionId,
                [.. result.Dimensions.Select(d => new HubDimensionResponse(d.DimensionId, d.Assessed ? d.Score : null, d.Band, d.Level, SeriesService.TargetLevel(a, d)))]),
            [.. feedback.Select(f => new HubFeedbackResponse(f.PracticeId, FeedbackKinds.Name(f.Kind), f.Source, f.CreatedAt))],
            notes,
            plan));
    }

    private static async Task<IResult> DownloadCsvAsync(HttpContext context, HubAccess access, HubClients clients, QuestionnaireCatalog catalog)
    {
        if (await access.ResolveAsync(context.User, context.RequestAborted) is not { } caller)
        {
            return TypedResults.Forbid();
        }

        var rows = ClientFilter.From(context.Request.Query).Apply(await clients.ListAsync(caller.HubId, context.RequestAborted)).ToList();
        var labels = new PracticeLabels(catalog.Current, catalog.Current.DefaultLanguage);
        using var buffer = new MemoryStream();
        // Firm labels are typed by the firms: one starting with "=" must not run as a formula in a spreadsheet.
        // The byte order mark makes spreadsheet programs read the file as UTF-8.
        using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true }, true))
        {
            csv.WriteHeader(["firm", "sector", "size", "region", "submitted", "overall_score", "overall_band", "weakest_dimension", "acted_on", "assessments"]);
            foreach (var r in rows)
            {
                csv.WriteRecord([
                    r.Label,
                    r.Sector is null ? "" : labels.Sector(r.Sector),
                    r.Size is null ? "" : labels.Size(r.Size),
                    r.Region is null ? "" : labels.Region(r.Region),
                    r.SubmittedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    r.OverallScore?.ToString("0.#", CultureInfo.InvariantCulture) ?? "",
                    r.OverallBand is null ? "" : labels.Band(r.OverallBand),
                    r.WeakestDimensionId is null ? "" : labels.Dimension(r.WeakestDimensionId),
                    r.ActedOn.ToString(CultureInfo.InvariantCulture),
                    r.Assessments.ToString(CultureInfo.InvariantCulture),
                ]);
            }
        }

        return TypedResults.File(buffer.ToArray(), "text/csv; charset=utf-8", "clients.csv");
    }

    private static async Task<IResult> AddNoteAsync(HttpContext context, string assessmentId, SmartyDbContext db, TimeProvider time)
    {
        var (caller, id) = Client(context);
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var text = form["text"].ToString().Trim();
        if (text.Length is 0 or > MaxNoteLength)
        {
            return BackToClient(assessmentId, text.Length == 0 ? "note-empty" : "note-long", "#notes");
        }

        var now = time.UtcNowForStorage();
        db.AdvisorNotes.Add(new AdvisorNote { AssessmentId = id, HubId = caller.HubId, AuthorId = caller.UserId!.Value, AuthorEmail = caller.Email ?? "", Text = text, CreatedAt = now, UpdatedAt = now });
        if (!await SavedAsync(db, context.RequestAborted))
        {
            return TypedResults.NotFound();
        }

        return BackToClient(assessmentId, "note-saved", "#notes");
    }

    private static async Task<IResult> EditNoteAsync(HttpContext context, string assessmentId, string noteId, SmartyDbContext db, TimeProvider time)
    {
        var (caller, id) = Client(context);
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var text = form["text"].ToString().Trim();
        var note = long.TryParse(noteId, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? await db.AdvisorNotes.SingleOrDefaultAsync(x => x.Id == n && x.AssessmentId == id && x.HubId == caller.HubId, context.RequestAborted)
            : null;
        if (note is null)
        {
            return TypedResults.NotFound();
        }

        if (note.AuthorId != caller.UserId)
        {
            return BackToClient(assessmentId, "note-not-yours", "#notes");
        }

        if (text.Length is 0 or > MaxNoteLength)
        {
            return BackToClient(assessmentId, text.Length == 0 ? "note-empty" : "note-long", "#notes");
        }

        note.Text = text;
        note.UpdatedAt = time.UtcNowForStorage();
        await db.SaveChangesAsync(context.RequestAborted);
        return BackToClient(assessmentId, "note-saved", "#notes");
    }

    private static async Task<IResult> RecordOutcomeAsync(HttpContext context, string assessmentId, RecommendationService recommendations)
    {
        var (caller, id) = Client(context);
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var practiceId = form["practiceId"].ToString();
        if (practiceId.Length == 0 || !FeedbackKinds.TryParseAdvisor(form["kind"].ToString(), out var kind))
        {
            return BackToClient(assessmentId, "outcome-invalid", "#recommendations");
        }

        var outcome = await recommendations.RecordFeedbackAsync(id, practiceId, kind, FeedbackSources.Advisor, caller.HubId, context.RequestAborted);
        return BackToClient(assessmentId, outcome switch
        {
            FeedbackOutcome.Saved => "outcome-saved",
            FeedbackOutcome.TooMany => "outcome-limit",
            _ => "outcome-invalid",
        }, "#recommendations");
    }

    private static async Task<IResult> AddPlanItemAsync(HttpContext context, string assessmentId, SmartyDbContext db, TimeProvider time, Assessment.Catalogue.PracticeCatalogue catalogue)
    {
        var (caller, id) = Client(context);
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (ParsePlanForm(form) is not { } posted || catalogue.Find(form["practiceId"].ToString()) is null)
        {
            return BackToClient(assessmentId, "plan-invalid", "#plan");
        }

        var now = time.UtcNowForStorage();
        db.ActionPlanItems.Add(new ActionPlanItem
        {
            AssessmentId = id,
            HubId = caller.HubId,
            PracticeId = form["practiceId"].ToString(),
            Owner = posted.Owner,
            Status = posted.Status,
            TargetDate = posted.TargetDate,
            CreatedAt = now,
            UpdatedAt = now,
        });
        if (!await SavedAsync(db, context.RequestAborted))
        {
            return TypedResults.NotFound();
        }
        return BackToClient(assessmentId, "plan-saved", "#plan");
    }

    private static async Task<IResult> UpdatePlanItemAsync(HttpContext context, string assessmentId, string itemId, SmartyDbContext db, TimeProvider time)
    {
        var (caller, id) = Client(context);
        var item = long.TryParse(itemId, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? await db.ActionPlanItems.SingleOrDefaultAsync(i => i.Id == n && i.AssessmentId == id && i.HubId == caller.HubId, context.RequestAborted)
            : null;
        if (item is null)
        {
            return TypedResults.NotFound();
        }

        if (ParsePlanForm(await context.Request.ReadFormAsync(context.RequestAborted)) is not { } posted)
        {
            return BackToClient(assessmentId, "plan-invalid", "#plan");
        }

        item.Owner = posted.Owner;
        item.Status = posted.Status;
        item.TargetDate = posted.TargetDate;
        item.UpdatedAt = time.UtcNowForStorage();
        await db.SaveChangesAsync(context.RequestAborted);
        return BackToClient(assessmentId, "plan-saved", "#plan");
    }

    private static (string Owner, ActionPlanStatus Status, DateOnly? TargetDate)? ParsePlanForm(IFormCollection form)
    {
        var owner = form["owner"].ToString().Trim();
        var date = form["targetDate"].ToString();
        if (owner.Length is 0 or > MaxOwnerLength || !PlanStatuses.TryParse(form["status"].ToString(), out var status))
        {
            return null;
        }

        if (date.Length == 0)
        {
            return (owner, status, null);
        }

        return DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var target) ? (owner, status, target) : null;
    }

    private static async Task<IResult> SaveTargetsAsync(HttpContext context, string assessmentId, SmartyDbContext db, SeriesService series)
    {
        var (_, id) = Client(context);
        if (await db.Results.AsNoTracking().SingleOrDefaultAsync(r => r.AssessmentId == id, context.RequestAborted) is not { } result)
        {
            return TypedResults.NotFound();
        }

        var targets = ProgressEndpoints.ParseTargets(await context.Request.ReadFormAsync(context.RequestAborted), result);
        return targets is not null && await series.SetTargetsAsync(id, targets, context.RequestAborted)
            ? BackToClient(assessmentId, "targets-saved", "#targets-title")
            : BackToClient(assessmentId, "targets-invalid", "#targets-title");
    }

    private static async Task<IResult> ReassessAsync(HttpContext context, string assessmentId, SeriesService series, SharingService sharing, TimeProvider time)
    {
        var (caller, id) = Client(context);
        if (await sharing.ActiveConsentAsync(caller.HubId, id, context.RequestAborted) is not { } consent
            || await series.StartReassessmentAsync(id, context.RequestAborted, caller.HubId) is not { } started)
        {
            return TypedResults.NotFound();
        }

        await sharing.ContinueAsync(consent, started.Draft.Id, context.RequestAborted);
        DraftCookie.Write(context, started.Token, time);
        return TypedResults.Redirect("/assessment/" + JourneySteps.ProfileSlug + "?reassessment=1");
    }

    private static async Task<IResult> RevokeTokenAsync(HttpContext context, string tokenId, HubAccess access, SmartyDbContext db, TimeProvider time)
    {
        if (await access.ResolveAsync(context.User, context.RequestAborted) is not { } caller)
        {
            return TypedResults.Forbid();
        }

        var now = time.UtcNowForStorage();
        var revoked = Guid.TryParse(tokenId, out var id)
            && await db.HubApiTokens.Where(t => t.Id == id && t.HubId == caller.HubId && t.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), context.RequestAborted) > 0;
        return TypedResults.Redirect($"/hub/tokens?done={(revoked ? "revoked" : "not-active")}");
    }
}

public sealed record HubClientResponse(Guid Id, string Label, string? Sector, string? Size, string? Region, DateTime SubmittedAt, double? OverallScore, string? OverallBand, string? WeakestDimension, int ActedOn, int Assessments);

public sealed record HubClientDetailResponse(
    Guid Id,
    string? Label,
    DateTime SharedAt,
    IReadOnlyDictionary<string, string> Profile,
    IReadOnlyDictionary<string, HubAnswerResponse> Answers,
    IReadOnlyList<string> Barriers,
    IReadOnlyList<string> Goals,
    HubScoresResponse Scores,
    IReadOnlyList<HubFeedbackResponse> Feedback,
    IReadOnlyList<HubNoteResponse> Notes,
    IReadOnlyList<HubPlanItemResponse> ActionPlan);

public sealed record HubAnswerResponse(string Kind, IReadOnlyList<string> Selected);

public sealed record HubScoresResponse(DateTime SubmittedAt, double? Overall, string? Band, string? WeakestDimension, IReadOnlyList<HubDimensionResponse> Dimensions);

public sealed record HubDimensionResponse(string Id, double? Score, string? Band, int? Level, int? TargetLevel);

public sealed record HubFeedbackResponse(string PracticeId, string Kind, string Source, DateTime At);

public sealed record HubNoteResponse(long Id, string Author, string Text, DateTime WrittenAt, DateTime UpdatedAt);

public sealed record HubPlanItemResponse(long Id, string PracticeId, string Owner, string Status, DateOnly? TargetDate);
