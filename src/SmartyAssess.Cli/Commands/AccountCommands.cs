using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartyAssess.Data;
using SmartyAssess.Data.Accounts;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Cli.Commands;

/// <summary>
/// <c>hubs add</c>, <c>users add | reset-password | disable</c> against the service's database, with
/// the same account rules as the web app (Identity with <see cref="IdentitySetup"/>). A password
/// comes from standard input when it is redirected, or is generated and printed once.
/// </summary>
internal static class AccountCommands
{
    public static async Task<int> HubsAsync(string verb, Arguments args, TextReader input, TextWriter output)
    {
        if (verb != "add")
        {
            throw new UsageException($"Unknown hubs command '{verb}'; use 'hubs add'.");
        }

        await using var services = Services(args.Required("data"));
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmartyDbContext>();
        await db.Database.MigrateAsync();

        var name = args.Required("name").Trim();
        var country = args.Required("country").Trim().ToUpperInvariant();
        var regions = List(args.Required("regions")).Select(r => r.ToUpperInvariant()).ToList();
        if (name.Length is 0 or > 200)
        {
            throw new UsageException("--name must have 1 to 200 characters.");
        }

        if (country.Length != 2 || !country.All(char.IsAsciiLetterUpper))
        {
            throw new UsageException("--country must be an ISO 3166 two-letter code, e.g. IT.");
        }

        if (regions.Count == 0 || regions.Any(r => !r.StartsWith(country, StringComparison.Ordinal) || r.Length is < 3 or > 5 || !r.All(char.IsAsciiLetterOrDigit)))
        {
            throw new UsageException($"--regions must list NUTS codes of {country} separated by commas, e.g. {country}I1,{country}I4.");
        }

        var slug = args.Optional("slug") ?? Slug(name);
        if (slug.Length > 80 || !System.Text.RegularExpressions.Regex.IsMatch(slug, "^[a-z0-9]+(-[a-z0-9]+)*$"))
        {
            throw new UsageException("--slug must be lower-case letters and digits joined by single hyphens, at most 80 characters.");
        }

        if (await db.Hubs.AnyAsync(h => h.Slug == slug))
        {
            throw new CommandFailedException($"A hub with the page name '{slug}' exists already; give another with --slug.");
        }

        var hub = new HubRecord
        {
            Id = Guid.CreateVersion7(),
            Name = name,
            Slug = slug,
            Country = country,
            Regions = regions,
            ShareCode = await NewShareCodeAsync(db),
            CreatedAt = TimeProvider.System.UtcNowForStorage(),
        };
        db.Hubs.Add(hub);
        await db.SaveChangesAsync();
        await output.WriteLineAsync($"hub added: {hub.Name} ({hub.Country}: {string.Join(", ", hub.Regions)}); page /hubs/{hub.Slug}; share code {hub.ShareCode}");
        return 0;
    }

    public static async Task<int> UsersAsync(string verb, Arguments args, TextReader input, bool inputRedirected, TextWriter output)
    {
        await using var services = Services(args.Required("data"));
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmartyDbContext>();
        await db.Database.MigrateAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SmartyUser>>();
        var email = args.Required("email").Trim();

        switch (verb)
        {
            case "add":
                return await AddUserAsync(db, users, email, args, input, inputRedirected, output);
            case "reset-password":
                {
                    var user = await FindAsync(users, email);
                    var (password, generated) = await PasswordAsync(input, inputRedirected);
                    var token = await users.GeneratePasswordResetTokenAsync(user);
                    Check(await users.ResetPasswordAsync(user, token, password));
                    await users.SetLockoutEndDateAsync(user, null);
                    await users.ResetAccessFailedCountAsync(user);
                    await output.WriteLineAsync($"password reset for {email}; its sessions end within a minute" + (generated ? $"\npassword (shown once): {password}" : ""));
                    return 0;
                }

            case "disable":
                {
                    var user = await FindAsync(users, email);
                    user.DisabledAt = TimeProvider.System.UtcNowForStorage();
                    Check(await users.UpdateAsync(user));
                    Check(await users.UpdateSecurityStampAsync(user)); // ends its sessions at the next check
                    await output.WriteLineAsync($"{email} is disabled; it cannot sign in, and its sessions end within a minute");
                    return 0;
                }

            default:
                throw new UsageException($"Unknown users command '{verb}'; use add, reset-password or disable.");
        }
    }

    private static async Task<int> AddUserAsync(SmartyDbContext db, UserManager<SmartyUser> users, string email, Arguments args, TextReader input, bool inputRedirected, TextWriter output)
    {
        var role = Roles.All.Select(r => r.Name).SingleOrDefault(r => string.Equals(r, args.Required("role"), StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageException($"--role must be one of {string.Join(", ", Roles.All.Select(r => r.Name))}.");
        var user = new SmartyUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = TimeProvider.System.UtcNowForStorage() };
        if (role == Roles.Advisor)
        {
            var key = args.Optional("hub") ?? throw new UsageException("An advisor belongs to a hub: give --hub with its page name or share code.");
            var hub = await db.Hubs.SingleOrDefaultAsync(h => h.Slug == key || h.ShareCode == key.ToUpperInvariant())
                ?? throw new CommandFailedException($"No hub has the page name or share code '{key}'; list them with the hub page, or add one with 'hubs add'.");
            user.HubId = hub.Id;
        }
        else if (args.Optional("hub") is not null)
        {
            throw new UsageException("Only advisors belong to a hub.");
        }

        if (role == Roles.PartnerAnalyst)
        {
            user.Regions = [.. List(args.Optional("region") ?? throw new UsageException("A partner analyst sees one or more regions: give --region with NUTS codes, e.g. ITI1,PL91.")).Select(r => r.ToUpperInvariant())];
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            throw new CommandFailedException($"An account for {email} exists already; use 'users reset-password' to give it a new password.");
        }

        var (password, generated) = await PasswordAsync(input, inputRedirected);
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        await output.WriteLineAsync($"user added: {email} ({role})" + (generated ? $"\npassword (shown once): {password}" : ""));
        return 0;
    }

    /// <summary>Identity on the given database, with the web app's account rules.</summary>
    private static ServiceProvider Services(string connection)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScoped(_ => SmartyDbContextFactory.Create(connection));
        services.AddSmartyIdentityCore(IdentitySetup.MinimumIterations, maxFailedAttempts: 5, lockoutDuration: TimeSpan.FromMinutes(15))
            .AddDefaultTokenProviders();
        // The reset token is made and used within this process, so no key needs to be kept.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        return services.BuildServiceProvider();
    }

    private static async Task<SmartyUser> FindAsync(UserManager<SmartyUser> users, string email) =>
        await users.FindByEmailAsync(email) ?? throw new CommandFailedException($"No account has the e-mail address {email}.");

    private static async Task<(string Password, bool Generated)> PasswordAsync(TextReader input, bool redirected)
    {
        if (redirected && (await input.ReadLineAsync())?.TrimEnd('\r', '\n') is { Length: > 0 } given)
        {
            return (given, false);
        }

        // 20 characters from a 32-letter alphabet: 100 bits, in groups a person can copy.
        const string alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        var chars = RandomNumberGenerator.GetItems<char>(alphabet, 20);
        return (string.Join('-', chars.Chunk(5).Select(c => new string(c))), true);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new CommandFailedException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    private static List<string> List(string value) => [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string Slug(string name)
    {
        var slug = new string([.. name.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-')
            .Select(c => c == ' ' ? '-' : c)]);
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }

        slug = slug.Trim('-');
        return slug.Length == 0 ? "hub" : slug[..Math.Min(slug.Length, 80)];
    }

    /// <summary>Eight letters and digits without look-alikes (0/O, 1/I/L): short to dictate, 40 bits to guess.</summary>
    private static async Task<string> NewShareCodeAsync(SmartyDbContext db)
    {
        const string alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
        while (true)
        {
            var code = new string(RandomNumberGenerator.GetItems<char>(alphabet, 8));
            if (!await db.Hubs.AnyAsync(h => h.ShareCode == code))
            {
                return code;
            }
        }
    }
}
