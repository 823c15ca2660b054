using Microsoft.Playwright;
using SmartyAssess.Web.Tests.Accounts;
using SmartyAssess.Web.Tests.Hubs;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.BrowserTests;

/// <summary>
/// The whole hub story in Chromium: an SME shares its results, the advisor works with the client,
/// the SME sees the plan and revokes, the advisor loses access, and a T1 assessment shows progress.
/// Every new page passes axe.
/// </summary>
public class HubBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Sme_Shares_AdvisorWorks_SmeRevokes_AndAReassessmentShowsProgress()
    {
        var hub = await HubTestKit.CreateHubAsync(app.Factory, "tuscany-dih");
        await HubTestKit.CreateAdvisorAsync(app.Factory, "chiara@tuscany-dih.example", hub);

        // The SME's browser: results of a submitted assessment.
        var sme = await app.NewPageAsync();
        await sme.GotoAsync("/");
        await sme.GetByRole(AriaRole.Button, new() { Name = "Start the assessment" }).ClickAsync();
        using (var api = new HttpClient { BaseAddress = new Uri(app.BaseUrl) })
        {
            using var created = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(api, "/api/assessments", SampleAnswers.ApiRequest(app.Questionnaire));
            await sme.GotoAsync(System.Text.Json.Nodes.JsonNode.Parse(await created.Content.ReadAsStringAsync())!["resultsPage"]!.GetValue<string>());
        }

        var resultsUrl = sme.Url;
        await sme.GetByLabel("Share code from your hub").FillAsync("nosuchcd");
        await sme.GetByRole(AriaRole.Button, new() { Name = "See what would be shared" }).ClickAsync();
        Assert.Contains("No hub has this share code", await sme.Locator("#share-error").TextContentAsync(), StringComparison.Ordinal);
        await AccessibilityTests.AssertNoSeriousViolationsAsync(sme, "share page with a wrong code");

        await sme.GetByLabel("Share code from your hub").FillAsync(hub.ShareCode.ToLowerInvariant());
        await sme.GetByRole(AriaRole.Button, new() { Name = "See what would be shared" }).ClickAsync();
        Assert.Contains(hub.Name, await sme.Locator("h1").TextContentAsync(), StringComparison.Ordinal);
        await AccessibilityTests.AssertNoSeriousViolationsAsync(sme, "share preview");
        await BrowserFixture.ScreenshotAsync(sme, "50-share-preview");
        await sme.GetByLabel("Your firm's name for this hub (optional)").FillAsync("Tessitura Verdi");
        await sme.GetByRole(AriaRole.Button, new() { Name = $"Share with {hub.Name}" }).ClickAsync();
        Assert.Contains("now shared", await sme.Locator("[data-testid=sharing-message]").TextContentAsync(), StringComparison.Ordinal);
        await AccessibilityTests.AssertNoSeriousViolationsAsync(sme, "results, shared");
        await BrowserFixture.ScreenshotAsync(sme.Locator("#sharing"), "51-results-sharing");

        // The advisor's browser.
        var advisor = await app.NewPageAsync();
        await advisor.GotoAsync("/hub");
        await advisor.GetByLabel("E-mail address").FillAsync("chiara@tuscany-dih.example");
        await advisor.GetByLabel("Password").FillAsync(AccountTestKit.Password);
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.EndsWith("/hub", advisor.Url, StringComparison.Ordinal);
        await AccessibilityTests.AssertNoSeriousViolationsAsync(advisor, "advisor workspace");
        await BrowserFixture.ScreenshotAsync(advisor, "52-hub-clients");

        await advisor.GetByRole(AriaRole.Link, new() { Name = "Tessitura Verdi" }).ClickAsync();
        var clientUrl = advisor.Url;
        Assert.Equal("Tessitura Verdi", await advisor.Locator("[data-testid=client-label]").TextContentAsync());
        await advisor.GetByLabel("New note").FillAsync("Owner interested in energy monitoring; call back in March.");
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        Assert.Contains("note is saved", await advisor.Locator("[data-testid=client-message]").TextContentAsync(), StringComparison.Ordinal);
        var first = advisor.Locator("#recommendations [data-practice]").First;
        var practiceTitle = (await first.Locator("a").First.TextContentAsync())!.Trim();
        var practiceId = await first.GetAttributeAsync("data-practice");
        await first.Locator("button[value=planned]").ClickAsync();
        Assert.Equal("Planned (recorded by an advisor)", (await advisor.Locator($"[data-testid='outcome-{practiceId}']").TextContentAsync())!.Trim());
        await advisor.GetByLabel("Owner", new() { Exact = true }).Last.FillAsync("Production manager");
        await advisor.Locator("#plan-practice").SelectOptionAsync(new SelectOptionValue { Label = practiceTitle });
        await advisor.Locator("#plan-status").SelectOptionAsync("inProgress");
        await advisor.Locator("#plan-date").FillAsync("2027-03-31");
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Add to plan" }).ClickAsync();
        Assert.Contains("plan is saved", await advisor.Locator("[data-testid=client-message]").TextContentAsync(), StringComparison.Ordinal);
        await AccessibilityTests.AssertNoSeriousViolationsAsync(advisor, "client page");
        await BrowserFixture.ScreenshotAsync(advisor, "53-client-page");

        await advisor.GotoAsync("/hub/tokens");
        await advisor.GetByLabel("Name of the system that will use it").FillAsync("Our CRM");
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Create a read-only token" }).ClickAsync();
        Assert.StartsWith("sat_", (await advisor.Locator("[data-testid=new-token]").TextContentAsync())!.Trim(), StringComparison.Ordinal);
        await AccessibilityTests.AssertNoSeriousViolationsAsync(advisor, "API tokens");
        await BrowserFixture.ScreenshotAsync(advisor, "54-api-tokens");

        // The SME sees the plan, then stops sharing.
        await sme.GotoAsync(resultsUrl);
        var plan = await sme.Locator("[data-testid=action-plan]").TextContentAsync();
        Assert.Contains(practiceTitle, plan, StringComparison.Ordinal);
        Assert.Contains("In progress", plan, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(sme.Locator("#sharing"), "55-results-plan");
        await sme.GetByRole(AriaRole.Button, new() { Name = $"Stop sharing with {hub.Name}" }).ClickAsync();
        Assert.Contains("Sharing has stopped", await sme.Locator("[data-testid=sharing-message]").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await sme.Locator("[data-testid=action-plan]").CountAsync());

        await advisor.GotoAsync(clientUrl);
        Assert.Equal("This client is not shared with your hub", await advisor.Locator("h1").TextContentAsync());
        await BrowserFixture.ScreenshotAsync(advisor, "56-client-after-revocation");
        await advisor.GetByRole(AriaRole.Link, new() { Name = "Clients", Exact = true }).ClickAsync();
        // The link is followed by enhanced navigation, so the page is patched in after the click returns.
        await Assertions.Expect(advisor.Locator("[data-testid=no-clients]")).ToHaveCountAsync(1);

        // T1: the SME re-assesses, changes the answers of one dimension to "don't know", and sees the change.
        await sme.GotoAsync(resultsUrl);
        await sme.GetByRole(AriaRole.Button, new() { Name = "Start a re-assessment" }).ClickAsync();
        Assert.Contains("/assessment/profile", sme.Url, StringComparison.Ordinal);
        await sme.GotoAsync("/assessment/" + app.Questionnaire.Dimensions[0].Id);
        foreach (var dontKnow in await sme.Locator("input[value='__dk']").AllAsync())
        {
            await dontKnow.CheckAsync();
        }

        await sme.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await sme.GotoAsync("/assessment/review");
        await sme.GetByRole(AriaRole.Button, new() { Name = "Submit and see my results" }).ClickAsync();
        await sme.WaitForURLAsync(url => url.Contains("/results/", StringComparison.Ordinal) && url != resultsUrl);
        Assert.Equal(1, await sme.Locator("svg.radar-chart polygon[data-series=previous]").CountAsync());
        Assert.Contains("since your previous assessment", await sme.Locator("[data-testid=overall-change]").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await sme.Locator("[data-testid=series] li").CountAsync());
        await AccessibilityTests.AssertNoSeriousViolationsAsync(sme, "T1 results with progress");
        await BrowserFixture.ScreenshotAsync(sme, "57-t1-results");
        var t1Url = sme.Url;

        await sme.GetByRole(AriaRole.Link, new() { Name = "Erase…" }).ClickAsync();
        await sme.WaitForURLAsync(url => url.EndsWith("/erase", StringComparison.Ordinal));
        await AccessibilityTests.AssertNoSeriousViolationsAsync(sme, "erase page");
        await BrowserFixture.ScreenshotAsync(sme, "58-erase");
        await sme.GetByRole(AriaRole.Button, new() { Name = "Erase for good" }).ClickAsync();
        // The browser's own check stops an unticked confirmation; ticking it erases.
        Assert.Contains("/erase", sme.Url, StringComparison.Ordinal);
        await sme.GetByLabel("I understand").CheckAsync();
        await sme.GetByRole(AriaRole.Button, new() { Name = "Erase for good" }).ClickAsync();
        Assert.EndsWith("/erased", sme.Url, StringComparison.Ordinal);
        await AccessibilityTests.AssertNoSeriousViolationsAsync(sme, "erased");
        Assert.Equal(410, (await sme.GotoAsync(t1Url))!.Status);
        Assert.Equal("These results were erased", await sme.Locator("h1").TextContentAsync());
        Assert.Equal(200, (await sme.GotoAsync(resultsUrl))!.Status);

        await sme.GotoAsync("/privacy");
        await AccessibilityTests.AssertNoSeriousViolationsAsync(sme, "privacy notice");
    }
}
