using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmartyAssess.Data;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Web.Features.Accounts;

/// <summary>
/// In Development only (and only with <c>Accounts:DemoAccounts</c>, on in appsettings.Development.json),
/// a demo hub with an advisor, a partner analyst and an administrator, so that a newcomer can sign in
/// right after <c>dotnet run</c>. Their passwords are fixed and printed: never in Production.
/// </summary>
internal static class DemoAccounts
{
    public const string HubSlug = "demo-dih";

    public static readonly IReadOnlyList<(string Email, string Password, string Role)> Accounts =
    [
        ("advisor@demo.smartyassess.example", "tuscan hills at dawn", Roles.Advisor),
        ("analyst@demo.smartyassess.example", "two regions one plan", Roles.PartnerAnalyst),
        ("admin@demo.smartyassess.example", "keys to the whole house", Roles.Admin),
    ];

    public static async Task SeedDemoAccountsAsync(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment() || !app.Configuration.GetValue<bool>("Accounts:DemoAccounts"))
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmartyDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SmartyUser>>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().UtcNowForStorage();
        var hub = await db.Hubs.SingleOrDefaultAsync(h => h.Slug == HubSlug);
        if (hub is null)
        {
            hub = new HubRecord { Id = Guid.CreateVersion7(), Name = "Demo Digital Innovation Hub (Tuscany)", Slug = HubSlug, Country = "IT", Regions = ["ITI1", "ITI4", "ITI5"], ShareCode = "DEMXHUB9", CreatedAt = now };
            db.Hubs.Add(hub);
            await db.SaveChangesAsync();
        }

        foreach (var (email, password, role) in Accounts)
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            var user = new SmartyUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                CreatedAt = now,
                HubId = role == Roles.Advisor ? hub.Id : null,
                Regions = role == Roles.PartnerAnalyst ? ["ITI1", "PL91"] : [],
            };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded || !(await users.AddToRoleAsync(user, role)).Succeeded)
            {
                throw new InvalidOperationException($"The demo account {email} could not be created: {string.Join(" ", created.Errors.Select(e => e.Description))}");
            }
        }

        var demoFirm = await Hubs.DemoClients.SeedAsync(scope.ServiceProvider, hub, CancellationToken.None);
        app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogInformation(
            "Development demo accounts (sign in at /account/signin): {Accounts}. Demo hub share code {Code}{Firm}",
            string.Join("; ", Accounts.Select(a => $"{a.Role} {a.Email} / \"{a.Password}\"")),
            hub.ShareCode,
            demoFirm is null ? "" : $"; the demo firm's results: {demoFirm}"));
    }
}
