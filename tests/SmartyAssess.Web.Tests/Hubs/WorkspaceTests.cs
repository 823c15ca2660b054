using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartyAssess.Data.Entities;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.Web.Tests.Hubs;

/// <summary>The advisor workspace: clients, notes, outcomes, the action plan, API tokens, and what a revocation takes away.</summary>
public sealed class WorkspaceTests : IAsyncLifetime
{
    private readonly SmartyAssessFactory _factory = new();
    private HubRecord _hub = default!;
    private HubRecord _otherHub = default!;
    private Browser _advisor = default!;
    private Browser _firm = default!;
    private string _resultId = "";
    private Guid _assessmentId;

    public async Task InitializeAsync()
    {
        _hub = await HubTestKit.CreateHubAsync(_factory, "work-hub");
        _otherHub = await HubTestKit.CreateHubAsync(_factory, "rival-hub");
        await HubTestKit.CreateAdvisorAsync(_factory, "anna@work-hub.example", _hub);
        await HubTestKit.CreateAdvisorAsync(_factory, "marco@work-hub.example", _hub);
        await HubTestKit.CreateAdvisorAsync(_factory, "rita@rival-hub.example", _otherHub);
        _advisor = await HubTestKit.SignedInAsync(_factory, "anna@work-hub.example");
        _firm = new Browser(_factory.CreateBrowser());
        _resultId = await HubTestKit.SubmitAsync(_factory);
        _assessmentId = await HubTestKit.AssessmentIdAsync(_factory, _resultId);
        await HubTestKit.ShareAsync(_firm, _resultId, _hub, label: "Officine Bianchi");
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private string ClientUrl => $"/hub/clients/{_assessmentId}";

    [Fact]
    public async Task ClientList_ShowsTheSharedFirm_WithItsBandAndWeakestDimension()
    {
        var page = await _advisor.GetOkAsync("/hub");

        var row = Assert.Single(page.QuerySelectorAll(".clients-table tbody tr"));
        Assert.Equal("Officine Bianchi", row.QuerySelector("th a")!.TextContent);
        Assert.Equal(ClientUrl, row.QuerySelector("th a")!.GetAttribute("href"));
        var stored = await HubTestKit.InScopeAsync(_factory, db => db.Results.SingleAsync(r => r.Id == _resultId));
        Assert.Contains(stored.OverallScore!.Value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture), row.TextContent);
    }

    [Fact]
    public async Task ClientList_FiltersAndExportsCsv_WithSpreadsheetFormulasEscaped()
    {
        var evil = await HubTestKit.SubmitAsync(_factory);
        await HubTestKit.ShareAsync(new Browser(_factory.CreateBrowser()), evil, _hub, label: "=HYPERLINK(\"http://x\")");

        var filtered = await _advisor.GetOkAsync("/hub?sector=none-such");
        Assert.NotNull(filtered.QuerySelector("[data-testid=no-clients]"));
        var sorted = await _advisor.GetOkAsync("/hub?sort=label");
        Assert.Equal(2, sorted.QuerySelectorAll(".clients-table tbody tr").Length);

        using var csv = await _advisor.Client.GetAsync("/hub/clients.csv?sort=label");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("firm,sector,size,region,submitted", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("\"'=HYPERLINK", StringComparison.Ordinal) || l.StartsWith("'=HYPERLINK", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Officine Bianchi,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AdvisorOfAnotherHub_NeitherListsNorOpensTheClient()
    {
        var rival = await HubTestKit.SignedInAsync(_factory, "rita@rival-hub.example");

        Assert.NotNull((await rival.GetOkAsync("/hub")).QuerySelector("[data-testid=no-clients]"));
        Assert.Equal(HttpStatusCode.NotFound, (await rival.GetAsync(ClientUrl)).Status);
        using var note = await rival.Client.PostAsync(ClientUrl + "/notes", new FormUrlEncodedContent([new("text", "x")]));
        Assert.NotEqual(HttpStatusCode.Found, note.StatusCode);
        Assert.Equal(0, await HubTestKit.InScopeAsync(_factory, db => db.AdvisorNotes.CountAsync()));
    }

    [Fact]
    public async Task Notes_AreWrittenAndEditedByTheirAuthorOnly()
    {
        var page = await _advisor.GetOkAsync(ClientUrl);
        Assert.StartsWith(ClientUrl + "?done=note-saved", await _advisor.SubmitAndRedirectAsync(page, $"form[action='{ClientUrl}/notes']", [new("text", "Wants help with MES selection.")]));

        page = await _advisor.GetOkAsync(ClientUrl);
        var note = Assert.Single(page.QuerySelectorAll("[data-testid=note]"));
        Assert.Contains("anna@work-hub.example", note.TextContent);
        Assert.Equal("Wants help with MES selection.", note.QuerySelector("textarea")!.TextContent);
        Assert.StartsWith(ClientUrl + "?done=note-saved", await _advisor.SubmitAndRedirectAsync(page, "[data-testid=note] form", [new("text", "Wants help with MES and ERP.")]));

        // A colleague reads it but cannot change it.
        var colleague = await HubTestKit.SignedInAsync(_factory, "marco@work-hub.example");
        var theirs = await colleague.GetOkAsync(ClientUrl);
        Assert.Null(theirs.QuerySelector("[data-testid=note] textarea"));
        Assert.Contains("Wants help with MES and ERP.", theirs.QuerySelector("[data-testid=note]")!.TextContent);
        var noteId = await HubTestKit.InScopeAsync(_factory, db => db.AdvisorNotes.Select(n => n.Id).SingleAsync());
        Assert.StartsWith(ClientUrl + "?done=note-not-yours", await PostWithTokenAsync(colleague, theirs, $"{ClientUrl}/notes/{noteId}", ("text", "overwritten")));
        Assert.Equal("Wants help with MES and ERP.", await HubTestKit.InScopeAsync(_factory, db => db.AdvisorNotes.Select(n => n.Text).SingleAsync()));
    }

    [Fact]
    public async Task EmptyNote_IsRefusedWithAMessage()
    {
        var page = await _advisor.GetOkAsync(ClientUrl);

        var target = await _advisor.SubmitAndRedirectAsync(page, $"form[action='{ClientUrl}/notes']", [new("text", "   ")]);

        Assert.StartsWith(ClientUrl + "?done=note-empty", target);
        Assert.Contains("empty", (await _advisor.GetOkAsync(target)).QuerySelector("[data-testid=client-message]")!.TextContent);
        Assert.Equal(0, await HubTestKit.InScopeAsync(_factory, db => db.AdvisorNotes.CountAsync()));
    }

    [Fact]
    public async Task Outcomes_AreStoredAsAdvisorFeedback_AndThePlanReachesTheFirm()
    {
        var page = await _advisor.GetOkAsync(ClientUrl);
        var practiceId = page.QuerySelector("[data-practice]")!.GetAttribute("data-practice")!;

        await _advisor.SubmitAndRedirectAsync(page, $"[data-practice='{practiceId}'] form", [new("kind", "planned")]);
        page = await _advisor.GetOkAsync(ClientUrl);
        Assert.Contains("Planned (recorded by an advisor)", page.QuerySelector($"[data-testid='outcome-{practiceId}']")!.TextContent);
        var feedback = await HubTestKit.InScopeAsync(_factory, db => db.Feedback.SingleAsync());
        Assert.Equal((PracticeFeedbackKind.Planned, FeedbackSources.Advisor, _hub.Id), (feedback.Kind, feedback.Source, feedback.HubId!.Value));

        await _advisor.SubmitAndRedirectAsync(page, "form.add-plan-item", [new("practiceId", practiceId), new("owner", "Production manager"), new("status", "inProgress"), new("targetDate", "2027-06-30")]);
        var results = await _firm.GetOkAsync($"/results/{_resultId}");
        var plan = results.QuerySelector("[data-testid=action-plan]")!.TextContent;
        Assert.Contains("Production manager", plan);
        Assert.Contains("In progress", plan);
        Assert.Contains("30 June 2027", plan);

        // Updating the entry.
        page = await _advisor.GetOkAsync(ClientUrl);
        await _advisor.SubmitAndRedirectAsync(page, "form.plan-item", [new("owner", "Production manager"), new("status", "done"), new("targetDate", "")]);
        var item = await HubTestKit.InScopeAsync(_factory, db => db.ActionPlanItems.SingleAsync());
        Assert.Equal((ActionPlanStatus.Done, (DateOnly?)null), (item.Status, item.TargetDate));
    }

    [Theory]
    [InlineData("", "planned", "")]
    [InlineData("x", "someday", "")]
    [InlineData("x", "planned", "30/06/2027")]
    public async Task InvalidPlanEntry_IsRefusedWithAMessage(string owner, string status, string date)
    {
        var page = await _advisor.GetOkAsync(ClientUrl);
        var practiceId = page.QuerySelector("[data-practice]")!.GetAttribute("data-practice")!;

        var target = await _advisor.SubmitAndRedirectAsync(page, "form.add-plan-item", [new("practiceId", practiceId), new("owner", owner), new("status", status), new("targetDate", date)]);

        Assert.StartsWith(ClientUrl + "?done=plan-invalid", target);
        Assert.Equal(0, await HubTestKit.InScopeAsync(_factory, db => db.ActionPlanItems.CountAsync()));
    }

    [Fact]
    public async Task Revocation_TakesEffectOnTheNextRequest_ForPagesApiAndTokens()
    {
        var page = await _advisor.GetOkAsync(ClientUrl);
        await _advisor.SubmitAndRedirectAsync(page, $"form[action='{ClientUrl}/notes']", [new("text", "Private remark")]);
        var token = await CreateTokenAsync(_advisor, "CRM");
        using var api = _factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/hub/clients/{_assessmentId}")).StatusCode);

        var results = await _firm.GetOkAsync($"/results/{_resultId}");
        await _firm.SubmitAndRedirectAsync(results, "[data-testid=active-shares] form", []);

        Assert.Equal(HttpStatusCode.NotFound, (await _advisor.GetAsync(ClientUrl)).Status);
        Assert.DoesNotContain("Officine Bianchi", (await _advisor.GetOkAsync("/hub")).Body!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/hub/clients/{_assessmentId}")).StatusCode);
        Assert.Empty(await api.GetFromJsonAsync<JsonElement[]>("/api/hub/clients") ?? []);
        Assert.Equal(HttpStatusCode.NotFound, (await _advisor.Client.GetAsync($"/api/hub/clients/{_assessmentId}")).StatusCode);
        // The firm no longer sees the hub's plan either; the note stays in the database, invisible, until the firm erases the assessment.
        Assert.Null((await _firm.GetOkAsync($"/results/{_resultId}")).QuerySelector("[data-testid=action-plan]"));
    }

    [Fact]
    public async Task Token_IsShownOnce_StoredHashed_ReadOnly_AndRevocable()
    {
        var token = await CreateTokenAsync(_advisor, "CRM");

        var stored = await HubTestKit.InScopeAsync(_factory, db => db.HubApiTokens.SingleAsync());
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)), stored.SecretHash);
        Assert.Equal(("read", _hub.Id), (stored.Scope, stored.HubId));
        var later = await _advisor.GetOkAsync("/hub/tokens");
        Assert.DoesNotContain(token, later.Body!.InnerHtml);
        Assert.Contains(token[..12], later.Body.TextContent);

        using var api = _factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var clients = await api.GetFromJsonAsync<JsonElement[]>("/api/hub/clients");
        Assert.Equal("Officine Bianchi", Assert.Single(clients!).GetProperty("label").GetString());
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/hub/clients/{_assessmentId}");
        Assert.Equal(6, detail.GetProperty("scores").GetProperty("dimensions").GetArrayLength());

        // Read-only: the workspace's writes do not accept a token.
        using var write = await api.PostAsync($"/hub/clients/{_assessmentId}/notes", new FormUrlEncodedContent([new("text", "from the CRM")]));
        // (This client follows redirects: the write was sent to sign in.)
        Assert.Equal("/account/signin", write.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(0, await HubTestKit.InScopeAsync(_factory, db => db.AdvisorNotes.CountAsync()));

        var tokens = await _advisor.GetOkAsync("/hub/tokens");
        Assert.Equal("/hub/tokens?done=revoked", await _advisor.SubmitAndRedirectAsync(tokens, "table form", []));
        using var afterRevoke = await api.GetAsync("/api/hub/clients");
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        Assert.StartsWith("Bearer", afterRevoke.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData("sat_not-a-real-token")]
    [InlineData("abc")]
    public async Task UnknownToken_Gets401(string token)
    {
        using var api = _factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/hub/clients")).StatusCode);
    }

    [Fact]
    public async Task DisabledHub_LosesItsTokensAtOnce()
    {
        var token = await CreateTokenAsync(_advisor, "CRM");
        await HubTestKit.InScopeAsync(_factory, db => db.Hubs.Where(h => h.Id == _hub.Id).ExecuteUpdateAsync(s => s.SetProperty(h => h.DisabledAt, DateTime.UnixEpoch)));
        using var api = _factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/hub/clients")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _advisor.GetAsync("/hub")).Status);
    }

    [Fact]
    public async Task TokenWithoutAName_IsRefusedWithAMessage()
    {
        var page = await _advisor.GetOkAsync("/hub/tokens");

        using var response = await _advisor.SubmitAsync(page, "main form[method=post]", [new("Form.Name", " ")], "/hub/tokens");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Give the token a name", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await HubTestKit.InScopeAsync(_factory, db => db.HubApiTokens.CountAsync()));
    }

    private static async Task<string> CreateTokenAsync(Browser advisor, string name)
    {
        var page = await advisor.GetOkAsync("/hub/tokens");
        using var response = await advisor.SubmitAsync(page, "main form[method=post]", [new("Form.Name", name)], "/hub/tokens");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Browser.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-testid=new-token]")!.TextContent.Trim();
    }

    private static async Task<string> PostWithTokenAsync(Browser browser, AngleSharp.Dom.IDocument page, string url, params (string Name, string Value)[] fields)
    {
        var antiforgery = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var response = await browser.Client.PostAsync(url, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", antiforgery))));
        return response.Headers.Location?.OriginalString ?? $"status {(int)response.StatusCode}";
    }
}
