using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.BrowserTests;

/// <summary>A firm reads its recommendations, says one is not relevant, and sees the page and the API reflect it.</summary>
public class RecommendationFeedbackTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private async Task<string> SubmitAsync()
    {
        using var api = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        using var response = await api.PostAsJsonAsync("/api/assessments", SampleAnswers.ApiRequest(app.Questionnaire));
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
    }

    private async Task<List<string>> ApiRecommendationsAsync(string id)
    {
        using var api = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var json = JsonNode.Parse(await api.GetStringAsync($"/api/assessments/{id}/recommendations"))!;
        return [.. json["items"]!.AsArray().Select(i => i!["practiceId"]!.GetValue<string>())];
    }

    [Fact]
    public async Task NotRelevant_MovesThePracticeToTheFeedbackList_AndChangingItBackRestoresIt()
    {
        var id = await SubmitAsync();
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/results/{id}");

        var items = page.Locator("#recommendations li.recommendation");
        await Assertions.Expect(items).ToHaveCountAsync(5);
        await Assertions.Expect(items.First.Locator(".reasons li").First).ToBeVisibleAsync();
        var first = await items.First.GetAttributeAsync("data-practice-id");
        var title = await items.First.Locator("h3").InnerTextAsync();
        await BrowserFixture.ScreenshotAsync(page.Locator("#recommendations"), "20-recommendations");

        await items.First.GetByRole(AriaRole.Button, new() { Name = "Not relevant" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/results/{Regex.Escape(id)}\\?feedback={Regex.Escape(first!)}#recommendations$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"\u201c{title}\u201d is marked as not relevant");
        await Assertions.Expect(page.Locator($"#recommendations li.recommendation[data-practice-id='{first}']")).ToHaveCountAsync(0);
        await Assertions.Expect(items).ToHaveCountAsync(5);
        var setAside = page.Locator($".feedback-given [data-practice-id='{first}']");
        await Assertions.Expect(setAside.Locator("[data-testid=feedback-kind]")).ToHaveTextAsync("Not relevant");
        await BrowserFixture.ScreenshotAsync(page.Locator("#recommendations"), "21-recommendations-after-feedback");
        Assert.DoesNotContain(first, await ApiRecommendationsAsync(id));

        // A mistaken click is undone from the list: "relevant" brings it back, with its button pressed.
        await setAside.GetByRole(AriaRole.Button, new() { Name = "Relevant to us" }).ClickAsync();

        var restored = page.Locator($"#recommendations li.recommendation[data-practice-id='{first}']");
        await Assertions.Expect(restored).ToHaveCountAsync(1);
        await Assertions.Expect(restored.GetByRole(AriaRole.Button, new() { Name = "Relevant to us" })).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.Contains(first, await ApiRecommendationsAsync(id));
    }
}
