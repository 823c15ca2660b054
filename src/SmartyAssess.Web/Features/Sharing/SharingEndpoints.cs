using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using SmartyAssess.Data;
using SmartyAssess.Web.Features.Assessments;

namespace SmartyAssess.Web.Features.Sharing;

/// <summary>Sharing an assessment with a hub and taking it back (the share page itself is a component).</summary>
public static class SharingEndpoints
{
    public static WebApplicationBuilder AddSharing(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SharingService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapSharing(this IEndpointRouteBuilder app)
    {
        // One button per share on the results page; answered with a redirect back (post/redirect/get).
        app.MapPost("/results/{id}/shares/{consentId}/revoke", RevokeAsync).WithMetadata(new RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> RevokeAsync(string id, string consentId, SmartyDbContext db, SharingService sharing, CancellationToken cancellationToken)
    {
        var assessmentId = ResultId.IsWellFormed(id) ? await db.Results.AsNoTracking().Where(r => r.Id == id).Select(r => (Guid?)r.AssessmentId).SingleOrDefaultAsync(cancellationToken) : null;
        if (assessmentId is null)
        {
            return TypedResults.NotFound();
        }

        var outcome = Guid.TryParse(consentId, out var consent)
            ? await sharing.RevokeAsync(assessmentId.Value, consent, cancellationToken)
            : RevokeOutcome.NotShared;
        return TypedResults.Redirect($"/results/{id}?sharing={(outcome == RevokeOutcome.Revoked ? "revoked" : "not-shared")}#sharing");
    }
}
