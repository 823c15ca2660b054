using System.Net;
using Microsoft.EntityFrameworkCore;
using SmartyAssess.Data;
using SmartyAssess.Web.Features.Accounts;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.Web.Tests.Accounts;

/// <summary>The demo hub and accounts a newcomer signs in with after <c>dotnet run</c>, and never in Production.</summary>
public sealed class DemoAccountTests
{
    private static readonly Dictionary<string, string?> s_demo = new() { ["Accounts:DemoAccounts"] = "true" };

    [Fact]
    public async Task Development_CreatesTheDemoHubAndAccounts_AndEachCanSignIn()
    {
        await using var factory = new SmartyAssessFactory(settings: s_demo);

        foreach (var (email, password, _) in DemoAccounts.Accounts)
        {
            var browser = new Browser(factory.CreateBrowser());
            var page = await browser.GetOkAsync("/account/signin");
            using var response = await browser.PostAsync("/account/signin", page, [new("Input.Email", email), new("Input.Password", password)]);
            Assert.True(response.StatusCode == HttpStatusCode.Found, $"{email} could not sign in");
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmartyDbContext>();
        var hub = await db.Hubs.SingleAsync(h => h.Slug == DemoAccounts.HubSlug);
        Assert.Equal(hub.Id, (await db.Users.SingleAsync(u => u.Email == DemoAccounts.Accounts[0].Email)).HubId);
    }

    [Fact]
    public async Task Development_TheDemoAdvisorHasADemoFirmAssessedTwice_WithItsProgress()
    {
        await using var factory = new SmartyAssessFactory(settings: s_demo);
        var advisor = new Browser(factory.CreateBrowser());
        var (email, password, _) = DemoAccounts.Accounts[0];
        var signIn = await advisor.GetOkAsync("/account/signin");
        (await advisor.PostAsync("/account/signin", signIn, [new("Input.Email", email), new("Input.Password", password)])).Dispose();

        var clients = await advisor.GetOkAsync("/hub");
        var row = Assert.Single(clients.QuerySelectorAll(".clients-table tbody tr"));
        Assert.Equal(Web.Features.Hubs.DemoClients.FirmLabel, row.QuerySelector("th a")!.TextContent);
        Assert.Equal("2", row.QuerySelectorAll("td").Last().TextContent);
        var client = await advisor.GetOkAsync(row.QuerySelector("th a")!.GetAttribute("href")!);
        Assert.Contains("since your previous assessment", client.QuerySelector("[data-testid=overall-change]")!.TextContent);
    }

    [Fact]
    public async Task Development_RestartOnTheSameDatabase_KeepsOneSetOfDemoAccounts()
    {
        var database = SmartyAssessFactory.TempDatabasePath();
        try
        {
            for (var start = 0; start < 2; start++)
            {
                await using var factory = new SmartyAssessFactory(database, s_demo);
                factory.CreateClient().Dispose();
            }

            await using var check = new SmartyAssessFactory(database, s_demo);
            check.CreateClient().Dispose();
            await using var scope = check.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SmartyDbContext>();
            Assert.Equal(DemoAccounts.Accounts.Count, await db.Users.CountAsync());
            Assert.Equal(1, await db.Hubs.CountAsync());
            Assert.Equal(2, await db.ShareConsents.CountAsync());
        }
        finally
        {
            SmartyAssessFactory.DeleteDatabase(database);
        }
    }

    [Fact]
    public async Task Production_NeverCreatesDemoAccounts_EvenWhenAsked()
    {
        await using var factory = new SmartyAssessFactory(settings: s_demo, environment: "Production");
        factory.CreateClient().Dispose();

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmartyDbContext>();
        Assert.Empty(await db.Users.ToListAsync());
        Assert.Empty(await db.Hubs.ToListAsync());
    }
}
