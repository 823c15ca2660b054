using System.Net;
using SmartyAssess.Data;
using SmartyAssess.Data.Entities;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.Web.Tests.Hubs;

/// <summary>The public list of hubs an SME can find one near it in, and each hub's page.</summary>
public sealed class HubPagesTests(AppFixture app) : IClassFixture<AppFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmartyDbContext>();
        if (db.Hubs.Any())
        {
            return;
        }

        db.Hubs.AddRange(
            Hub("Tuscany Digital Hub", "tuscany", "IT", ["ITI1", "ITI4"], "TSCNYHB2"),
            Hub("Mazovia Industry 4.0 Hub", "mazovia", "PL", ["PL91", "PL92"], "MZVHBPL3"),
            Hub("Closed Hub", "closed", "IT", ["ITI1"], "CLSDHB45", disabled: true));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static HubRecord Hub(string name, string slug, string country, List<string> regions, string code, bool disabled = false) => new()
    {
        Id = Guid.NewGuid(),
        Name = name,
        Slug = slug,
        Country = country,
        Regions = regions,
        ShareCode = code,
        CreatedAt = DateTime.UnixEpoch,
        DisabledAt = disabled ? DateTime.UnixEpoch : null,
    };

    private async Task<List<string>> ListedAsync(string query)
    {
        var page = await app.NewBrowser().GetOkAsync("/hubs" + query);
        return [.. page.QuerySelectorAll("[data-testid=hub-list] li a").Select(a => a.TextContent)];
    }

    [Fact]
    public async Task List_ShowsEveryActiveHub_NotDisabledOnes()
    {
        Assert.Equal(["Mazovia Industry 4.0 Hub", "Tuscany Digital Hub"], await ListedAsync(""));
    }

    [Theory]
    [InlineData("?country=PL", "Mazovia Industry 4.0 Hub")]
    [InlineData("?country=IT&region=ITI4", "Tuscany Digital Hub")]
    [InlineData("?region=PL92", "Mazovia Industry 4.0 Hub")]
    public async Task List_FiltersByCountryAndRegion(string query, string expected)
    {
        Assert.Equal([expected], await ListedAsync(query));
    }

    [Fact]
    public async Task List_NoMatch_SaysWhatToTry()
    {
        var page = await app.NewBrowser().GetOkAsync("/hubs?country=FI");

        Assert.NotNull(page.QuerySelector("[data-testid=no-hubs]"));
    }

    [Fact]
    public async Task HubPage_ShowsTheHubAndItsRegions()
    {
        var page = await app.NewBrowser().GetOkAsync("/hubs/tuscany");

        Assert.Equal("Tuscany Digital Hub", page.QuerySelector("[data-testid=hub-name]")!.TextContent);
        Assert.DoesNotContain("TSCNYHB2", page.Body!.TextContent, StringComparison.Ordinal); // the share code is for the hub's clients, not the public
    }

    [Theory]
    [InlineData("/hubs/closed")]
    [InlineData("/hubs/no-such-hub")]
    public async Task HubPage_UnknownOrDisabled_Is404WithAWayOn(string url)
    {
        var (status, page) = await app.NewBrowser().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.NotNull(page.QuerySelector("a[href='/hubs']"));
    }
}
