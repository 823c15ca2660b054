using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartyAssess.Data;

namespace SmartyAssess.Web.Features.Hubs;

/// <summary>
/// Bearer tokens of a hub's own systems. ASP.NET Core has no handler for opaque API keys (its
/// bearer handler is for JWTs, which could not be revoked one by one without a lookup anyway), so
/// this small handler looks the token's hash up on every request.
/// </summary>
public sealed class HubTokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, SmartyDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "HubToken";
    public const string HubClaim = "smarty:hub";
    public const string TokenClaim = "smarty:token";
    public const string ScopeClaim = "scope";
    public const string ReadScope = "read";
    public const string Prefix = "sat_";

    /// <summary>A new token: the prefix and 256 random bits, base64url.</summary>
    public static string CreateToken() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>The bearer token of a request, or null when there is none (both token schemes read it so).</summary>
    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return AuthenticateResult.Fail("The bearer token is not a SmartyAssess hub token.");
        }

        var hash = Hash(token);
        var found = await db.HubApiTokens.AsNoTracking()
            .Where(t => t.SecretHash == hash && t.RevokedAt == null)
            .Select(t => new { t.Id, t.HubId, t.Scope })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (found is null)
        {
            return AuthenticateResult.Fail("The token is unknown or revoked.");
        }

        var identity = new ClaimsIdentity(
            [new Claim(HubClaim, found.HubId.ToString()), new Claim(TokenClaim, found.Id.ToString()), new Claim(ScopeClaim, found.Scope)],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"SmartyAssess hub API\"";
        return Task.CompletedTask;
    }
}
