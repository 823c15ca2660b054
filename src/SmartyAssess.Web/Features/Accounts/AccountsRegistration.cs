using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using SmartyAssess.Data;
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
        if (options.PasswordIterations < 210_000)
        {
            throw new InvalidOperationException($"{AccountOptions.SectionName}:PasswordIterations must be at least 210000 (ASVS 5.0, PBKDF2-HMAC-SHA512).");
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new CommonPasswords(Path.Combine(AppContext.BaseDirectory, "data", "security", "common-passwords.txt")));
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.Configure<PasswordHasherOptions>(o => o.IterationCount = options.PasswordIterations);
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = options.RevalidationInterval);

        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        builder.Services.AddIdentityCore<SmartyUser>(o =>
            {
                // Length and the common-password list instead of composition rules (ASVS 5.0 6.2.5).
                o.Password.RequiredLength = PasswordRules.MinLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = options.MaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = options.LockoutDuration;
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                // Makes sign-in ask IUserConfirmation, which here means "not disabled" (EnabledAccounts).
                o.SignIn.RequireConfirmedAccount = true;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<SmartyDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordRules>();
        builder.Services.AddScoped<IUserConfirmation<SmartyUser>, EnabledAccounts>();

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
                context.Properties.Items[SignedInAtItem] = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
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
        builder.Services.AddAuthorization();
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

/// <summary>A disabled account, or an advisor of a disabled hub, cannot sign in.</summary>
internal sealed class EnabledAccounts(SmartyDbContext db) : IUserConfirmation<SmartyUser>
{
    public async Task<bool> IsConfirmedAsync(UserManager<SmartyUser> manager, SmartyUser user)
    {
        if (user.DisabledAt is not null)
        {
            return false;
        }

        return user.HubId is not { } hubId || await db.Hubs.FindAsync(hubId) is { DisabledAt: null };
    }
}
