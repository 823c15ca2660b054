using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Data.Accounts;

/// <summary>The account rules that hold wherever users are stored or changed: the web host and the CLI.</summary>
public static class IdentitySetup
{
    public const int MinimumIterations = 210_000;

    /// <summary>The common-password list as the app and the CLI ship it.</summary>
    public static string CommonPasswordsFile => Path.Combine(AppContext.BaseDirectory, "data", "security", "common-passwords.txt");

    /// <summary>
    /// Identity's user and role managers on <see cref="SmartyDbContext"/>, with ASVS 5.0 level 2
    /// password rules, PBKDF2 cost and lockout (ADR 0016). The caller registers the context.
    /// </summary>
    public static IdentityBuilder AddSmartyIdentityCore(this IServiceCollection services, int passwordIterations, int maxFailedAttempts, TimeSpan lockoutDuration)
    {
        if (passwordIterations < MinimumIterations)
        {
            throw new InvalidOperationException($"Password hashing needs at least {MinimumIterations} PBKDF2-HMAC-SHA512 iterations (ASVS 5.0); {passwordIterations} is configured.");
        }

        services.AddSingleton(new CommonPasswords(CommonPasswordsFile));
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = passwordIterations);
        services.AddScoped<IUserConfirmation<SmartyUser>, EnabledAccounts>();
        return services.AddIdentityCore<SmartyUser>(o =>
            {
                // Length and the common-password list instead of composition rules (ASVS 5.0 6.2.5).
                o.Password.RequiredLength = PasswordRules.MinLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = maxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = lockoutDuration;
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                // Makes sign-in ask IUserConfirmation, which here means "not disabled" (EnabledAccounts).
                o.SignIn.RequireConfirmedAccount = true;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<SmartyDbContext>()
            .AddPasswordValidator<PasswordRules>();
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
