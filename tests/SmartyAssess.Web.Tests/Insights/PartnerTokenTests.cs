using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using SmartyAssess.Data.Entities;
using SmartyAssess.Web.Tests.Accounts;
using SmartyAssess.Web.Tests.Hubs;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.Web.Tests.Insights;

/// <summary>A partner analyst's API tokens: they read the insights API as the analyst, nothing else, and stop with revocation or the analyst's access.</summary>
public sealed class PartnerTokenTests : IAsyncLifetime
{
    private readonly SmartyAssessFactory _factory = new();
    private Browser _analyst = default!;

    public async Task InitializeAsync()
    {
        await AccountTestKit.CreateUserAsync(_factory, "ana@region.example", Roles.PartnerAnalyst);
        _analyst = await HubTestKit.SignedInAsync(_factory, "ana@region.example");
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<string> CreateAsync(string name)
    {
        var page = await _analyst.GetOkAsync("/insights/tokens");
        using var response = await _analyst.SubmitAsync(page, "main form[method=post]", [new("Form.Name", name)], "/insights/tokens");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Browser.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-testid=new-token]")!.TextContent.Trim();
    }

    private HttpClient Bearer(string token)
    {
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task AToken_ReadsEveryInsightsApi_ButNoPage_NorAnotherApi()
    {
        var token = await CreateAsync("Regional monitoring");
        using var client = Bearer(token);

        Assert.StartsWith("sap_", token, StringComparison.Ordinal);
        foreach (var view in new[] { "barriers", "maturity", "practices", "transfer", "activity" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/insights/{view}?scope=all")).StatusCode);
        }

        // Pages and downloads want the analyst's session; other APIs ignore the token.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/insights")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/insights/barriers.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/hub/clients")).StatusCode);
        // Only a hash is kept.
        Assert.False(await HubTestKit.InScopeAsync(_factory, db => db.PartnerApiTokens.AnyAsync(t => t.Prefix.Length > 12)));
    }

    [Fact]
    public async Task ARevokedToken_OrOneOfADisabledAnalyst_IsRefused_AndAnotherAnalystCannotRevokeIt()
    {
        var revoked = await CreateAsync("Old system");
        var kept = await CreateAsync("Dashboard");
        var id = await HubTestKit.InScopeAsync(_factory, db => db.PartnerApiTokens.Where(t => t.Name == "Old system").Select(t => t.Id).SingleAsync());

        await AccountTestKit.CreateUserAsync(_factory, "other@region.example", Roles.PartnerAnalyst);
        var other = await HubTestKit.SignedInAsync(_factory, "other@region.example");
        var otherPage = await other.GetOkAsync("/insights/tokens");
        Assert.Equal("/insights/tokens?done=not-active", await other.PostAndRedirectAsync($"/insights/tokens/{id}/revoke", otherPage, []));

        using (var client = Bearer(revoked))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/insights/barriers")).StatusCode);
        }

        var page = await _analyst.GetOkAsync("/insights/tokens");
        Assert.Equal("/insights/tokens?done=revoked", await _analyst.SubmitAndRedirectAsync(page, $"form[action='/insights/tokens/{id}/revoke']", []));

        using (var client = Bearer(revoked))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/insights/barriers")).StatusCode);
        }

        using var keptClient = Bearer(kept);
        Assert.Equal(HttpStatusCode.OK, (await keptClient.GetAsync("/api/insights/barriers")).StatusCode);
        await HubTestKit.InScopeAsync(_factory, async db =>
        {
            (await db.Users.SingleAsync(u => u.Email == "ana@region.example")).DisabledAt = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Unauthorized, (await keptClient.GetAsync("/api/insights/barriers")).StatusCode);
    }

    [Fact]
    public async Task ATokenWithoutAName_GetsAnInlineMessage()
    {
        var page = await _analyst.GetOkAsync("/insights/tokens");
        using var response = await _analyst.SubmitAsync(page, "main form[method=post]", [new("Form.Name", "   ")], "/insights/tokens");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Give the token a name", Browser.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("#token-error")!.TextContent, StringComparison.Ordinal);
    }
}
