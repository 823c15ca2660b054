using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SmartyAssess.Data.Entities;
using SmartyAssess.Web.Tests.Accounts;
using SmartyAssess.Web.Tests.Hubs;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.Web.Tests.Authorization;

/// <summary>
/// Every page and API endpoint of the app × every kind of caller → the expected outcome. The
/// endpoints come from the app's own endpoint list, so a new endpoint without a rule here fails,
/// and docs/authorization.md must hold the table this test generates.
/// </summary>
public sealed class AuthorizationMatrixTests : IAsyncLifetime
{
    private const string FakeResultId = "AAAAAAAAAAAAAAAAAAAAAA";
    private const string FakeResumeToken = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    private static readonly string[] s_callerNames = ["anonymous", "SME link", "advisor (sharing hub)", "advisor (other hub)", "hub API token", "partner analyst", "admin"];

    private readonly SmartyAssessFactory _factory = new();
    private readonly Dictionary<Caller, (HttpClient Client, string Antiforgery)> _clients = [];
    private Ids _ids = default!;

    private enum Caller
    {
        Anonymous,
        Link,
        SharingAdvisor,
        OtherAdvisor,
        HubToken,
        Analyst,
        Admin,
    }

    /// <summary>The real ids; <see cref="Caller.Link"/> uses them for capability links, everyone else a well-formed unknown one.</summary>
    private sealed record Ids(string Result, string Revocable, string Erasable, Guid Assessment, Guid Consent, string ResumeToken, string HubSlug, string OtherHubCode, long NoteId, long PlanItemId, Guid SpareTokenId, string PracticeId);

    /// <summary>One endpoint's rule: the request each caller sends, and the outcome per caller in <see cref="s_callerNames"/> order.</summary>
    private sealed record Rule(string Endpoint, Func<Caller, Ids, string> Url, string[] Expected, string Method = "GET", Func<Ids, HttpContent?>? Body = null, string Notes = "");

    public async Task InitializeAsync()
    {
        var hub = await HubTestKit.CreateHubAsync(_factory, "matrix-hub");
        var other = await HubTestKit.CreateHubAsync(_factory, "rival-matrix");
        await HubTestKit.CreateAdvisorAsync(_factory, "a@matrix-hub.example", hub);
        await HubTestKit.CreateAdvisorAsync(_factory, "b@rival-matrix.example", other);
        await AccountTestKit.CreateUserAsync(_factory, "analyst@matrix.example", Roles.PartnerAnalyst);
        await AccountTestKit.CreateUserAsync(_factory, "admin@matrix.example", Roles.Admin);

        // The SME: a draft in this browser (with its resume link) and results it holds the links of.
        var firm = new Browser(_factory.CreateBrowser());
        await Infrastructure.Journey.StartAsync(firm);
        await Infrastructure.Journey.SaveStepAsync(firm, "profile", Infrastructure.Journey.ProfileFields(SampleAnswers.Profile));
        var saved = await firm.GetOkAsync("/assessment/saved");
        var resumeToken = Infrastructure.Journey.ResumeLink(saved).Split('/')[^1];
        var result = await HubTestKit.SubmitAsync(_factory);
        var revocable = await HubTestKit.SubmitAsync(_factory);
        var erasable = await HubTestKit.SubmitAsync(_factory);
        await HubTestKit.ShareAsync(firm, result, hub);
        await HubTestKit.ShareAsync(firm, revocable, hub);
        var assessment = await HubTestKit.AssessmentIdAsync(_factory, result);
        var revocableId = await HubTestKit.AssessmentIdAsync(_factory, revocable);

        var advisor = await HubTestKit.SignedInAsync(_factory, "a@matrix-hub.example");
        var client = await advisor.GetOkAsync($"/hub/clients/{assessment}");
        var practiceId = client.QuerySelector("[data-practice]")!.GetAttribute("data-practice")!;
        await advisor.SubmitAndRedirectAsync(client, $"form[action='/hub/clients/{assessment}/notes']", [new("text", "matrix")]);
        await advisor.SubmitAndRedirectAsync(client, "form.add-plan-item", [new("practiceId", practiceId), new("owner", "Owner"), new("status", "planned"), new("targetDate", "")]);
        var token = await TokenAsync(advisor, "matrix");
        await TokenAsync(advisor, "spare");

        var admin = new Browser(_factory.CreateBrowser());
        (await AccountTestKit.SignInAsync(admin, "admin@matrix.example")).Dispose();
        var setup = await admin.GetOkAsync("/account/2fa");
        var key = setup.QuerySelector("[data-testid=authenticator-key]")!.TextContent;
        (await admin.PostAsync("/account/2fa", setup, [new("Form.Code", AccountTestKit.Totp(key))])).Dispose();
        var adminMfa = new Browser(_factory.CreateBrowser());
        (await AccountTestKit.SignInAsync(adminMfa, "admin@matrix.example")).Dispose();
        (await AccountTestKit.PostPageFormAsync(adminMfa, "/account/signin/2fa", ("Form.Code", AccountTestKit.Totp(key)))).Dispose();

        var ids = await HubTestKit.InScopeAsync(_factory, async db => new Ids(
            result,
            revocable,
            erasable,
            assessment,
            await db.ShareConsents.Where(c => c.AssessmentId == revocableId).Select(c => c.Id).SingleAsync(),
            resumeToken,
            hub.Slug,
            other.ShareCode,
            await db.AdvisorNotes.Select(n => n.Id).SingleAsync(),
            await db.ActionPlanItems.Select(i => i.Id).SingleAsync(),
            await db.HubApiTokens.Where(t => t.Name == "spare").Select(t => t.Id).SingleAsync(),
            practiceId));
        _ids = ids;

        var tokenClient = _factory.CreateBrowser();
        tokenClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var analyst = await HubTestKit.SignedInAsync(_factory, "analyst@matrix.example");
        var otherAdvisor = await HubTestKit.SignedInAsync(_factory, "b@rival-matrix.example");
        foreach (var (caller, http) in new[]
        {
            (Caller.Anonymous, _factory.CreateBrowser()), (Caller.Link, firm.Client), (Caller.SharingAdvisor, advisor.Client), (Caller.OtherAdvisor, otherAdvisor.Client),
            (Caller.HubToken, tokenClient), (Caller.Analyst, analyst.Client), (Caller.Admin, adminMfa.Client),
        })
        {
            // Each caller's own antiforgery token (it is bound to the signed-in user), from a page with a form.
            var landing = new Browser(http);
            var page = await landing.GetOkAsync("/");
            _clients[caller] = (http, page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!);
        }
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static async Task<string> TokenAsync(Browser advisor, string name)
    {
        var page = await advisor.GetOkAsync("/hub/tokens");
        using var response = await advisor.SubmitAsync(page, "main form[method=post]", [new("Form.Name", name)], "/hub/tokens");
        return Browser.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-testid=new-token]")!.TextContent.Trim();
    }

    private static string R(Caller caller, Ids ids) => caller == Caller.Link ? ids.Result : FakeResultId;

    private static string[] All(string outcome) => [.. Enumerable.Repeat(outcome, s_callerNames.Length)];

    /// <summary>A capability link: only the link's holder gets <paramref name="withLink"/>.</summary>
    private static string[] LinkOnly(string withLink, string without = "404") => [without, withLink, without, without, without, without, without];

    // anonymous, link, advisor (sharing), advisor (other), token, analyst, admin
    private static readonly string[] s_signedInPage = ["302 sign-in", "302 sign-in", "200", "200", "302 sign-in", "200", "200"];
    private static readonly string[] s_advisorPage = ["302 sign-in", "302 sign-in", "200", "200", "302 sign-in", "302 denied", "302 denied"];
    private static readonly string[] s_clientWrite = ["302 sign-in", "302 sign-in", "302", "404", "302 sign-in", "302 denied", "302 denied"];

    private static Func<Ids, HttpContent?> Form(params (string Name, string Value)[] fields) => _ => new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    private static readonly Rule[] s_rules =
    [
        new("GET /", (_, _) => "/", All("200")),
        new("GET /privacy", (_, _) => "/privacy", All("200")),
        new("GET /error", (_, _) => "/error", All("200"), Notes: "the error page itself; failures elsewhere answer 500 with it"),
        new("GET /not-found", (_, _) => "/not-found", All("200"), Notes: "the page unknown paths are re-executed to (with 404)"),
        new("GET /practices", (_, _) => "/practices", All("200")),
        new("GET /practices/{Id}", (_, ids) => $"/practices/{ids.PracticeId}", All("200")),
        new("GET /hubs", (_, _) => "/hubs", All("200")),
        new("GET /hubs/{Slug}", (_, ids) => $"/hubs/{ids.HubSlug}", All("200"), Notes: "the share code is not shown"),
        new("GET /assessment/{Step}", (_, _) => "/assessment/profile", LinkOnly("200"), Notes: "the draft cookie is the capability"),
        new("GET /assessment/saved", (_, _) => "/assessment/saved", LinkOnly("200")),
        new("GET /resume/{Token}", (c, ids) => $"/resume/{(c == Caller.Link ? ids.ResumeToken : FakeResumeToken)}", LinkOnly("302")),
        new("GET /results/{Id}", (c, ids) => $"/results/{R(c, ids)}", LinkOnly("200"), Notes: "410 once erased"),
        new("GET /results/{Id}/share", (c, ids) => $"/results/{R(c, ids)}/share?code={ids.OtherHubCode}", LinkOnly("200"), Notes: "the preview; 400 with a message for a bad code, a disabled hub or a second share"),
        new("GET /results/{Id}/erase", (c, ids) => $"/results/{R(c, ids)}/erase", LinkOnly("200")),
        new("GET /results/{id}/export", (c, ids) => $"/results/{R(c, ids)}/export", LinkOnly("200")),
        new("POST /results/{id}/feedback", (c, ids) => $"/results/{R(c, ids)}/feedback", LinkOnly("302"), "POST", ids => Form(("practiceId", ids.PracticeId), ("kind", "relevant"))(ids)),
        new("POST /results/{id}/targets", (c, ids) => $"/results/{R(c, ids)}/targets", LinkOnly("302"), "POST", Form(("target.strategy", "3"))),
        new("POST /results/{id}/reassess", (c, ids) => $"/results/{R(c, ids)}/reassess", LinkOnly("302"), "POST", Form()),
        new("POST /results/{id}/shares/{consentId}/revoke", (c, ids) => $"/results/{(c == Caller.Link ? ids.Revocable : FakeResultId)}/shares/{ids.Consent}/revoke", LinkOnly("302"), "POST", Form()),
        new("GET /erased", (_, _) => "/erased", All("200")),
        new("GET /account/signin", (_, _) => "/account/signin", All("200"), Notes: "throttled per account and address (429)"),
        new("GET /account/signin/2fa", (_, _) => "/account/signin/2fa", All("200"), Notes: "the second step; asks to sign in again without the password step"),
        new("GET /account", (_, _) => "/account", s_signedInPage),
        new("GET /account/password", (_, _) => "/account/password", s_signedInPage),
        new("GET /account/2fa", (_, _) => "/account/2fa", s_signedInPage),
        new("GET /account/denied", (_, _) => "/account/denied", All("403")),
        new("GET /admin", (_, _) => "/admin", ["302 sign-in", "302 sign-in", "302 denied", "302 denied", "302 sign-in", "302 denied", "200"], Notes: "Admin role and signed in with a second factor"),
        new("GET /hub", (_, _) => "/hub", s_advisorPage, Notes: "an advisor sees their own hub's clients only"),
        new("GET /hub/tokens", (_, _) => "/hub/tokens", s_advisorPage),
        new("GET /hub/clients.csv", (_, _) => "/hub/clients.csv", s_advisorPage),
        new("GET /hub/clients/{AssessmentId}", (_, ids) => $"/hub/clients/{ids.Assessment}", ["302 sign-in", "302 sign-in", "200", "404", "302 sign-in", "302 denied", "302 denied"], Notes: "404 unless shared with the advisor's hub now"),
        new("POST /hub/clients/{assessmentId}/notes", (_, ids) => $"/hub/clients/{ids.Assessment}/notes", s_clientWrite, "POST", Form(("text", "note"))),
        new("POST /hub/clients/{assessmentId}/notes/{noteId}", (_, ids) => $"/hub/clients/{ids.Assessment}/notes/{ids.NoteId}", s_clientWrite, "POST", Form(("text", "edited")), "only the note's author changes it"),
        new("POST /hub/clients/{assessmentId}/outcomes", (_, ids) => $"/hub/clients/{ids.Assessment}/outcomes", s_clientWrite, "POST", ids => Form(("practiceId", ids.PracticeId), ("kind", "planned"))(ids)),
        new("POST /hub/clients/{assessmentId}/plan", (_, ids) => $"/hub/clients/{ids.Assessment}/plan", s_clientWrite, "POST", ids => Form(("practiceId", ids.PracticeId), ("owner", "o"), ("status", "planned"))(ids)),
        new("POST /hub/clients/{assessmentId}/plan/{itemId}", (_, ids) => $"/hub/clients/{ids.Assessment}/plan/{ids.PlanItemId}", s_clientWrite, "POST", Form(("owner", "o"), ("status", "done"))),
        new("POST /hub/clients/{assessmentId}/targets", (_, ids) => $"/hub/clients/{ids.Assessment}/targets", s_clientWrite, "POST", Form(("target.strategy", "4"))),
        new("POST /hub/clients/{assessmentId}/reassess", (_, ids) => $"/hub/clients/{ids.Assessment}/reassess", s_clientWrite, "POST", Form()),
        new("POST /hub/tokens/{tokenId}/revoke", (_, ids) => $"/hub/tokens/{ids.SpareTokenId}/revoke", ["302 sign-in", "302 sign-in", "302", "302", "302 sign-in", "302 denied", "302 denied"], "POST", Form(), "another hub's token is left alone (\"not active\")"),
        new("GET /api/questionnaire", (_, _) => "/api/questionnaire", All("200")),
        new("GET /api/practices/", (_, _) => "/api/practices", All("200")),
        new("GET /api/practices/{id}", (_, ids) => $"/api/practices/{ids.PracticeId}", All("200")),
        new("POST /api/assessments", (_, _) => "/api/assessments", All("201"), "POST", null, "anyone may submit an assessment"),
        new("GET /api/assessments/{id}", (c, ids) => $"/api/assessments/{R(c, ids)}", LinkOnly("200"), Notes: "410 once erased, as every assessment endpoint"),
        new("GET /api/assessments/{id}/recommendations", (c, ids) => $"/api/assessments/{R(c, ids)}/recommendations", LinkOnly("200")),
        new("POST /api/assessments/{id}/feedback", (c, ids) => $"/api/assessments/{R(c, ids)}/feedback", LinkOnly("204"), "POST", ids => JsonContent.Create(new { practiceId = ids.PracticeId, kind = "adopted" })),
        new("GET /api/assessments/{id}/history", (c, ids) => $"/api/assessments/{R(c, ids)}/history", LinkOnly("200")),
        new("GET /api/assessments/{id}/export", (c, ids) => $"/api/assessments/{R(c, ids)}/export", LinkOnly("200")),
        new("DELETE /api/assessments/{id}/", (c, ids) => $"/api/assessments/{(c == Caller.Link ? ids.Erasable : FakeResultId)}", LinkOnly("204"), "DELETE", Notes: "erasure; irreversible"),
        new("GET /api/hub/clients", (_, _) => "/api/hub/clients", ["401", "401", "200", "200", "200", "403", "403"], Notes: "bearer hub token or advisor session; read-only"),
        new("GET /api/hub/clients/{assessmentId}", (_, ids) => $"/api/hub/clients/{ids.Assessment}", ["401", "401", "200", "404", "200", "403", "403"]),
        new("GET /insights", (_, _) => "/insights", ["302 sign-in", "302 sign-in", "302 denied", "302 denied", "302 sign-in", "200", "302 denied"], Notes: "the analyst's own regions (and all regions together); small groups suppressed"),
        new("GET /insights/{table}.csv", (_, _) => "/insights/transfer.csv", ["302 sign-in", "302 sign-in", "302 denied", "302 denied", "302 sign-in", "200", "302 denied"], Notes: "every table of the dashboard, same figures"),
        new("GET /api/insights/barriers", (_, _) => "/api/insights/barriers", ["401", "401", "403", "403", "401", "200", "403"], Notes: "figures on fewer than 10 firms are null"),
        new("GET /api/insights/maturity", (_, _) => "/api/insights/maturity", ["401", "401", "403", "403", "401", "200", "403"]),
        new("GET /api/insights/practices", (_, _) => "/api/insights/practices", ["401", "401", "403", "403", "401", "200", "403"]),
        new("GET /api/insights/transfer", (_, _) => "/api/insights/transfer", ["401", "401", "403", "403", "401", "200", "403"], Notes: "columns: the analyst's regions, all of them, all regions"),
        new("GET /insights/tokens", (_, _) => "/insights/tokens", ["302 sign-in", "302 sign-in", "302 denied", "302 denied", "302 sign-in", "200", "302 denied"], Notes: "the analyst's own insights API tokens"),
        new("POST /insights/tokens/{tokenId}/revoke", (_, _) => $"/insights/tokens/{Guid.Empty}/revoke", ["302 sign-in", "302 sign-in", "302 denied", "302 denied", "302 sign-in", "302", "302 denied"], "POST", Form(), "only the analyst's own token (\"not active\" otherwise)"),
        new("GET /api/insights/activity", (_, _) => "/api/insights/activity", ["401", "401", "403", "403", "401", "200", "403"]),
        new("POST /language", (_, _) => "/language", All("302"), "POST", Form(("language", "en"), ("returnUrl", "/")), "antiforgery required; sets only the language cookie, returns to a local page"),
        new("GET /openapi/{documentName}.json", (_, _) => "/openapi/v1.json", All("200")),
        new("* /health/live", (_, _) => "/health/live", All("200")),
        new("* /health/ready", (_, _) => "/health/ready", All("200")),
        // Last: it ends the caller's session.
        new("POST /account/signout", (_, _) => "/account/signout", All("302"), "POST", Form(), "antiforgery required (400 without)"),
    ];

    /// <summary>Endpoints of the app that are not its own: static files and the framework's redirect helper for enhanced navigation.</summary>
    private static bool IsFramework(RouteEndpoint endpoint) =>
        !(endpoint.RoutePattern.RawText ?? "").StartsWith('/') || endpoint.RoutePattern.RawText == "/_framework/opaque-redirect";

    private static string Key(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null ? $"GET {endpoint.RoutePattern.RawText}"
        : $"{string.Join(",", endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])} {endpoint.RoutePattern.RawText}";

    [Fact]
    public void EveryEndpoint_HasARule()
    {
        var endpoints = _factory.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => !IsFramework(e)).Select(Key).ToHashSet();

        Assert.Empty(endpoints.Except(s_rules.Select(r => r.Endpoint)).Order());
        Assert.Empty(s_rules.Select(r => r.Endpoint).Except(endpoints));
    }

    [Fact]
    public async Task EveryCaller_GetsTheExpectedOutcome_OnEveryEndpoint()
    {
        var failures = new List<string>();
        foreach (var rule in s_rules)
        {
            foreach (var caller in Enum.GetValues<Caller>())
            {
                var (client, antiforgery) = _clients[caller];
                using var request = new HttpRequestMessage(new HttpMethod(rule.Method), rule.Url(caller, _ids));
                var body = rule.Body?.Invoke(_ids);
                if (rule.Endpoint == "POST /api/assessments")
                {
                    body = JsonContent.Create(SampleAnswers.ApiRequest(_factory.Services.GetRequiredService<Web.Features.Journey.QuestionnaireCatalog>().Current));
                }

                if (body is FormUrlEncodedContent)
                {
                    var fields = (await body.ReadAsStringAsync()).Split('&', StringSplitOptions.RemoveEmptyEntries)
                        .Select(p => p.Split('=')).Select(p => new KeyValuePair<string, string>(Uri.UnescapeDataString(p[0]), Uri.UnescapeDataString(p[1])))
                        .Append(new("__RequestVerificationToken", antiforgery));
                    body = new FormUrlEncodedContent(fields);
                }

                request.Content = body;
                using var response = await client.SendAsync(request);
                var outcome = Outcome(response);
                var expected = rule.Expected[(int)caller];
                if (outcome != expected)
                {
                    failures.Add($"{rule.Endpoint} as {s_callerNames[(int)caller]}: expected {expected}, got {outcome}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Documentation_HoldsTheMatrix()
    {
        var table = new StringBuilder();
        table.Append("| endpoint | ").AppendJoin(" | ", s_callerNames).Append(" | notes |\n");
        table.Append("|---|").AppendJoin("", s_callerNames.Select(_ => "---|")).Append("---|\n");
        foreach (var rule in s_rules.OrderBy(r => r.Endpoint.Split(' ')[1], StringComparer.Ordinal).ThenBy(r => r.Endpoint, StringComparer.Ordinal))
        {
            table.Append("| `").Append(rule.Endpoint).Append("` | ").AppendJoin(" | ", rule.Expected).Append(" | ").Append(rule.Notes).Append(" |\n");
        }

        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "authorization.md")).ReplaceLineEndings("\n");
        Assert.True(doc.Contains(table.ToString(), StringComparison.Ordinal), "docs/authorization.md must contain the generated matrix:\n\n" + table);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SmartyAssess.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
    }

    private static string Outcome(HttpResponseMessage response)
    {
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (response.StatusCode != HttpStatusCode.Found)
        {
            return status;
        }

        var target = response.Headers.Location!.OriginalString;
        return target.Contains("/account/signin", StringComparison.Ordinal) && !target.Contains("signedout", StringComparison.Ordinal) ? "302 sign-in"
            : target.Contains("/account/denied", StringComparison.Ordinal) ? "302 denied"
            : "302";
    }
}
