using System.Net;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.Web.Tests.Hosting;

public class HostingTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/api/questionnaire")]
    public async Task Responses_CarryTheSecurityHeaders(string url)
    {
        using var response = await app.Factory.CreateClient().GetAsync(url);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task PagesWithAnswers_AreNeverCached()
    {
        var browser = app.NewBrowser();
        await Infrastructure.Journey.StartAsync(browser);

        using var step = await browser.Client.GetAsync("/assessment/profile");

        Assert.Contains("no-store", step.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormPost_WithoutAntiforgeryToken_Gets400WithAPlainExplanation()
    {
        var browser = app.NewBrowser();
        await Infrastructure.Journey.StartAsync(browser);

        using var response = await browser.Client.PostAsync("/assessment/profile", new FormUrlEncodedContent([new("_handler", "step"), new("profile.sector", "C"), new("move", "next")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = Browser.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Your form could not be accepted", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("steps you already saved are safe", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPage_Gets404Page()
    {
        var (status, page) = await app.NewBrowser().GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task UnknownStep_Gets404WithExplanation()
    {
        var browser = app.NewBrowser();
        await Infrastructure.Journey.StartAsync(browser);

        var (status, page) = await browser.GetAsync("/assessment/teleportation");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("no step called", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownResults_Gets404WithExplanation()
    {
        var (status, page) = await app.NewBrowser().GetAsync("/results/AAAAAAAAAAAAAAAAAAAAAA");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("We could not find these results", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task UnknownApiRoute_GetsProblemDetails()
    {
        using var response = await app.Factory.CreateClient().GetAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task HealthEndpoints_AreHealthy(string url)
    {
        Assert.Equal("Healthy", await app.Factory.CreateClient().GetStringAsync(url));
    }

    [Fact]
    public async Task StaticAssets_AreServed()
    {
        var landing = await app.NewBrowser().GetOkAsync("/");
        var client = app.Factory.CreateClient();

        foreach (var href in landing.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!)
                     .Concat(landing.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!)))
        {
            using var asset = await client.GetAsync(href);
            Assert.True(asset.IsSuccessStatusCode, $"{href} gave {(int)asset.StatusCode}");
        }
    }

    [Fact]
    public async Task BlazorScript_IsServedAndLoadedAfterAppJs_AndNoPageIsInteractive()
    {
        // ADR 0024: enhanced navigation on every page, app.js first so its guards see clicks before
        // Blazor does, and no interactive render mode (no circuit, so no per-user server memory).
        var client = app.Factory.CreateClient();
        using var script = await client.GetAsync("/_framework/blazor.web.js");
        var landing = await client.GetStringAsync("/");

        Assert.Equal(System.Net.HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        var appAt = landing.IndexOf("js/app.", StringComparison.Ordinal);
        var blazorAt = landing.IndexOf("_framework/blazor.web.", StringComparison.Ordinal);
        Assert.True(appAt >= 0 && blazorAt > appAt, "app.js must come before blazor.web.js");
        Assert.DoesNotContain("<!--Blazor:{", landing, StringComparison.Ordinal);
    }
}
