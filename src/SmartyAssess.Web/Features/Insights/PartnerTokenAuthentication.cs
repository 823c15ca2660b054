using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartyAssess.Data;
using SmartyAssess.Data.Entities;
using SmartyAssess.Web.Features.Hubs;

namespace SmartyAssess.Web.Features.Insights;

/// <summary>
/// Bearer tokens of a partner analyst's own systems for the insights API (the same opaque-key
/// design as the hubs' tokens, ADR 0017). A token acts as its analyst: it authenticates only while
/// the account is enabled and still an analyst, and the analyst's regions are read per request.
/// </summary>
public sealed class PartnerTokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, SmartyDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PartnerToken";
    public const string Prefix = "sap_";

    public static string CreateToken() => Prefix + HubTokenAuthentication.CreateToken()[HubTokenAuthentication.Prefix.Length..];

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (HubTokenAuthentication.BearerToken(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 100)
        {
            // Perhaps a hub's token: the hub scheme answers for those.
            return AuthenticateResult.NoResult();
        }

        var hash = HubTokenAuthentication.Hash(token);
        var analystRole = Roles.PartnerAnalyst.ToUpperInvariant();
        var user = await (from t in db.PartnerApiTokens.AsNoTracking()
                          where t.SecretHash == hash && t.RevokedAt == null
                          join u in db.Users on t.UserId equals u.Id
                          where u.DisabledAt == null
                          where db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == analystRole))
                          select new { t.Id, t.UserId }).SingleOrDefaultAsync(Context.RequestAborted);
        if (user is null)
        {
            return AuthenticateResult.Fail("The token is unknown or revoked, or its analyst's access ended.");
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.UserId.ToString()), new Claim(ClaimTypes.Role, Roles.PartnerAnalyst), new Claim(HubTokenAuthentication.TokenClaim, user.Id.ToString())],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"SmartyAssess insights API\"";
        return Task.CompletedTask;
    }
}
