using System.Net;
using Microsoft.EntityFrameworkCore;
using SmartyAssess.Web.Features.Sharing;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.Web.Tests.Hubs;

/// <summary>An SME shares its results with a hub, with a consent record, and takes it back.</summary>
public sealed class SharingTests : IAsyncLifetime
{
    private readonly SmartyAssessFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private Browser Firm() => new(_factory.CreateBrowser());

    [Fact]
    public async Task Preview_NamesTheHub_AndShowsWhatItWouldSee_BeforeAnythingIsShared()
    {
        var hub = await HubTestKit.CreateHubAsync(_factory, "preview-hub");
        var resultId = await HubTestKit.SubmitAsync(_factory);

        // Typed as people type codes: lower case, with a space.
        var page = await Firm().GetOkAsync($"/results/{resultId}/share?code={hub.ShareCode[..4].ToLowerInvariant()}%20{hub.ShareCode[4..]}");

        Assert.Contains(hub.Name, page.QuerySelector("h1")!.TextContent);
        var preview = page.QuerySelector(".share-preview")!.TextContent;
        Assert.Contains("Your company profile and answers", preview);
        Assert.DoesNotContain("Not answered yet", preview); // a submitted assessment, also one sent through the API, answered every step
        Assert.Contains("Overall readiness", preview);
        Assert.Contains("Recommended practices", preview);
        Assert.Equal(0, await HubTestKit.InScopeAsync(_factory, db => db.ShareConsents.CountAsync()));
    }

    [Fact]
    public async Task Confirming_RecordsTheConsent_WithHubTimeNoticeVersionAndScope()
    {
        var hub = await HubTestKit.CreateHubAsync(_factory, "consent-hub");
        var resultId = await HubTestKit.SubmitAsync(_factory);
        var firm = Firm();

        await HubTestKit.ShareAsync(firm, resultId, hub, label: "Rossi Meccanica");

        var assessmentId = await HubTestKit.AssessmentIdAsync(_factory, resultId);
        var consent = await HubTestKit.InScopeAsync(_factory, db => db.ShareConsents.SingleAsync());
        Assert.Equal(assessmentId, consent.AssessmentId);
        Assert.Equal(hub.Id, consent.HubId);
        Assert.Equal("Rossi Meccanica", consent.FirmLabel);
        Assert.Equal(new PrivacyOptions().NoticeVersion, consent.PrivacyNoticeVersion);
        Assert.Equal(["profile", "answers", "scores", "recommendations", "feedback"], consent.Scope.Split(','));
        Assert.True(consent.GrantedAt > DateTime.UnixEpoch);
        Assert.Null(consent.RevokedAt);

        var results = await firm.GetOkAsync($"/results/{resultId}?sharing=shared");
        Assert.Contains(hub.Name, results.QuerySelector("[data-testid=active-shares]")!.TextContent);
        Assert.Contains("now shared", results.QuerySelector("[data-testid=sharing-message]")!.TextContent);
    }

    [Fact]
    public async Task SharingFromTheHubList_WorksWithoutACode()
    {
        var hub = await HubTestKit.CreateHubAsync(_factory, "listed-hub");
        var resultId = await HubTestKit.SubmitAsync(_factory);
        var firm = Firm();
        var results = await firm.GetOkAsync($"/results/{resultId}");
        var choose = results.QuerySelector($"#sharing a[href='/results/{resultId}/share']")!.GetAttribute("href")!;
        Assert.Contains((await firm.GetOkAsync(choose)).QuerySelectorAll("#share-hub option"), o => o.GetAttribute("value") == hub.Slug);

        var url = $"/results/{resultId}/share?hub={hub.Slug}";
        var preview = await firm.GetOkAsync(url);
        Assert.StartsWith($"/results/{resultId}?sharing=shared", await firm.SubmitAndRedirectAsync(preview, "form.share-confirm", [], url));
    }

    [Theory]
    [InlineData("NOSUCHCD", "No hub has this share code")]
    [InlineData("&hub=", "Enter the share code")]
    public async Task UnknownOrMissingCode_IsExplained_AndNothingIsShared(string code, string message)
    {
        var resultId = await HubTestKit.SubmitAsync(_factory);

        var (status, page) = await Firm().GetAsync($"/results/{resultId}/share?code={code}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, page.QuerySelector("#share-error")!.TextContent);
        Assert.Equal(code.Split('&')[0], page.QuerySelector("#share-code")!.GetAttribute("value") ?? "");
        Assert.Equal(0, await HubTestKit.InScopeAsync(_factory, db => db.ShareConsents.CountAsync()));
    }

    [Fact]
    public async Task DisabledHub_CannotReceiveAShare()
    {
        var hub = await HubTestKit.CreateHubAsync(_factory, "disabled-hub", disabled: true);
        var resultId = await HubTestKit.SubmitAsync(_factory);

        var (status, page) = await Firm().GetAsync($"/results/{resultId}/share?code={hub.ShareCode}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("no longer takes part", page.QuerySelector("#share-error")!.TextContent);
    }

    [Fact]
    public async Task HubDisabledBetweenPreviewAndConfirmation_IsRefused()
    {
        var hub = await HubTestKit.CreateHubAsync(_factory, "closing-hub");
        var resultId = await HubTestKit.SubmitAsync(_factory);
        var firm = Firm();
        var url = $"/results/{resultId}/share?code={hub.ShareCode}";
        var preview = await firm.GetOkAsync(url);
        await HubTestKit.InScopeAsync(_factory, db => db.Hubs.Where(h => h.Id == hub.Id).ExecuteUpdateAsync(s => s.SetProperty(h => h.DisabledAt, DateTime.UnixEpoch)));

        using var response = await firm.SubmitAsync(preview, "form.share-confirm", [], url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no longer takes part", Browser.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("#share-error")!.TextContent);
        Assert.Equal(0, await HubTestKit.InScopeAsync(_factory, db => db.ShareConsents.CountAsync()));
    }

    [Fact]
    public async Task SharingTwice_IsExplained_AndKeepsOneActiveConsent()
    {
        var hub = await HubTestKit.CreateHubAsync(_factory, "twice-hub");
        var resultId = await HubTestKit.SubmitAsync(_factory);
        var firm = Firm();
        var url = $"/results/{resultId}/share?code={hub.ShareCode}";
        var first = await firm.GetOkAsync(url);
        await HubTestKit.ShareAsync(firm, resultId, hub);

        // The second tab's confirmation, and a fresh preview.
        using var again = await firm.SubmitAsync(first, "form.share-confirm", [], url);
        var (status, page) = await firm.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("already shared", page.QuerySelector("#share-error")!.TextContent);
        Assert.Equal(1, await HubTestKit.InScopeAsync(_factory, db => db.ShareConsents.CountAsync()));
    }

    [Fact]
    public async Task TooLongFirmLabel_IsRefusedWithAMessage()
    {
        var hub = await HubTestKit.CreateHubAsync(_factory, "label-hub");
        var resultId = await HubTestKit.SubmitAsync(_factory);
        var firm = Firm();
        var url = $"/results/{resultId}/share?code={hub.ShareCode}";
        var preview = await firm.GetOkAsync(url);

        using var response = await firm.SubmitAsync(preview, "form.share-confirm", [new("Form.Label", new string('x', SharingService.MaxFirmLabelLength + 1))], url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 80 characters", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await HubTestKit.InScopeAsync(_factory, db => db.ShareConsents.CountAsync()));
    }

    [Fact]
    public async Task Revoking_EndsTheShare_KeepsHistory_AndSharingAgainMakesANewConsent()
    {
        var hub = await HubTestKit.CreateHubAsync(_factory, "revoke-hub");
        var resultId = await HubTestKit.SubmitAsync(_factory);
        var firm = Firm();
        await HubTestKit.ShareAsync(firm, resultId, hub);
        var results = await firm.GetOkAsync($"/results/{resultId}");

        var target = await firm.SubmitAndRedirectAsync(results, "[data-testid=active-shares] form", []);

        Assert.Equal($"/results/{resultId}?sharing=revoked#sharing", target);
        var after = await firm.GetOkAsync($"/results/{resultId}?sharing=revoked");
        Assert.Null(after.QuerySelector("[data-testid=active-shares]"));
        Assert.Contains(hub.Name, after.QuerySelector("[data-testid=share-history]")!.TextContent);

        // Revoking the same share again (a second tab) says there was nothing to stop.
        Assert.Equal($"/results/{resultId}?sharing=not-shared#sharing", await firm.SubmitAndRedirectAsync(results, "[data-testid=active-shares] form", []));
        Assert.Contains("nothing to stop", (await firm.GetOkAsync($"/results/{resultId}?sharing=not-shared")).QuerySelector("[data-testid=sharing-message]")!.TextContent);

        await HubTestKit.ShareAsync(firm, resultId, hub);
        var consents = await HubTestKit.InScopeAsync(_factory, db => db.ShareConsents.OrderBy(c => c.GrantedAt).ToListAsync());
        Assert.Equal(2, consents.Count);
        Assert.NotNull(consents[0].RevokedAt);
        Assert.Null(consents[1].RevokedAt);
    }

    [Fact]
    public async Task RevokingAnotherAssessmentsShare_ChangesNothing()
    {
        var hub = await HubTestKit.CreateHubAsync(_factory, "other-hub");
        var victim = await HubTestKit.SubmitAsync(_factory);
        var attacker = await HubTestKit.SubmitAsync(_factory);
        await HubTestKit.ShareAsync(Firm(), victim, hub);
        var consentId = await HubTestKit.InScopeAsync(_factory, db => db.ShareConsents.Select(c => c.Id).SingleAsync());
        var browser = Firm();
        var page = await browser.GetOkAsync($"/results/{attacker}");

        using var response = await browser.Client.PostAsync($"/results/{attacker}/shares/{consentId}/revoke",
            new FormUrlEncodedContent(page.QuerySelectorAll("form.share-form ~ * input[name=__RequestVerificationToken], input[name=__RequestVerificationToken]").Take(1)
                .Select(i => new KeyValuePair<string, string>("__RequestVerificationToken", i.GetAttribute("value")!))));

        Assert.Equal($"/results/{attacker}?sharing=not-shared#sharing", response.Headers.Location!.OriginalString);
        Assert.Null(await HubTestKit.InScopeAsync(_factory, db => db.ShareConsents.Select(c => c.RevokedAt).SingleAsync()));
    }
}
