using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using SmartyAssess.Data.Accounts;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Web.Features.Accounts;

/// <summary>
/// Accounts of advisors, partner analysts and administrators: ASP.NET Core Identity on the
/// service database, with the defaults tightened to ASVS 5.0 level 2 (ADR 0016).
/// </summary>
public static class AccountsRegistration
{
    /// <summary>Where <see cref="AuthenticationProperties.Items"/> keeps the moment of sign-in; sliding renewals keep it.</summary>
    internal const string SignedInAtItem = ".smarty.signed-in-at";

    public const string CookieName = "SmartyAssess.Session";

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AccountOptions.SectionName).Get<AccountOptions>() ?? new AccountOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = options.RevalidationInterval;
            // The refreshed principal is rebuilt from the user and would lose how the session was
            // signed in; keep amr=mfa, which the Admin policy needs, for the whole session.
            o.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal?.FindFirst("amr") is { } amr && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity && !identity.HasClaim(c => c.Type == "amr"))
                {
                    identity.AddClaim(new System.Security.Claims.Claim("amr", amr.Value));
                }

                return Task.CompletedTask;
            };
        });
        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        builder.Services.AddSmartyIdentityCore(options.PasswordIterations, options.MaxFailedAttempts, options.LockoutDuration)
            .AddSignInManager()
            .AddDefaultTokenProviders();

        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.CookieManager = new HostPrefixedCookies();
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax; // Strict would drop the session when arriving from a link in an e-mail
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = options.IdleTimeout;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/account/signin";
            cookie.LogoutPath = "/account/signout";
            cookie.AccessDeniedPath = "/account/denied";
            cookie.Events.OnSigningIn = context =>
            {
                // A refreshed sign-in (after a password change) keeps the original moment.
                context.Properties.Items.TryAdd(SignedInAtItem, context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                context.Properties.IsPersistent = false; // a session cookie: closing the browser ends it
                return Task.CompletedTask;
            };
            cookie.Events.OnValidatePrincipal = async context =>
            {
                if (IsPastAbsoluteLifetime(context.Properties, context.HttpContext.RequestServices.GetRequiredService<TimeProvider>(), options))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }

                await SecurityStampValidator.ValidatePrincipalAsync(context);
            };
            cookie.Events.OnRedirectToLogin = context => ApiGetsStatus(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => ApiGetsStatus(context, StatusCodes.Status403Forbidden);
        });
        builder.Services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, cookie =>
        {
            // Between the password and the code: short-lived, and named like the session cookie.
            cookie.Cookie.Name = CookieName + ".SecondStep";
            cookie.CookieManager = new HostPrefixedCookies();
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(5);
        });
        builder.Services.AddAuthorizationBuilder()
            // Identity marks a sign-in that used a second factor with amr=mfa.
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(Roles.Admin).RequireClaim("amr", "mfa"));
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }

    internal static bool IsPastAbsoluteLifetime(AuthenticationProperties properties, TimeProvider time, AccountOptions options) =>
        !properties.Items.TryGetValue(SignedInAtItem, out var value)
        || !DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var signedIn)
        || time.GetUtcNow() - signedIn > options.AbsoluteLifetime;

    private static Task ApiGetsStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    public static WebApplication UseAccounts(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/signout", async (SignInManager<SmartyUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.Redirect("/account/signin?signedout=1");
        }).WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();
        return app;
    }
}

/// <summary>Authorization policies of the signed-in pages.</summary>
public static class Policies
{
    /// <summary>An administrator who signed in with a second factor.</summary>
    public const string Admin = "Admin";

    /// <summary>A hub's advisor (the hub itself is checked on every request by <c>HubAccess</c>).</summary>
    public const string Advisor = "Advisor";

    /// <summary>The read-only hub API: an advisor's session or one of the hub's bearer tokens.</summary>
    public const string HubReader = "HubReader";

    /// <summary>A regional partner's analyst (their regions are read on every request).</summary>
    public const string PartnerAnalyst = "PartnerAnalyst";

    /// <summary>The insights API: an analyst's session or one of the analyst's bearer tokens.</summary>
    public const string PartnerApi = "PartnerApi";
}
