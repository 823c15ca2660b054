using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartyAssess.Assessment.Catalogue;

namespace SmartyAssess.BrowserTests;

public class PracticeCatalogueTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task FilterTheList_ThenOpenAPractice_ShowsItsDetailsAndSources()
    {
        var catalogue = app.Factory.Services.GetRequiredService<PracticeCatalogue>();
        var expected = catalogue.Practices.Where(p => p.Theme == "digital-innovation-hubs").ToList();
        var page = await app.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Site" }).GetByRole(AriaRole.Link, new() { Name = "Good practices" }).ClickAsync();
        await Assertions.Expect(page.Locator(".practice-card")).ToHaveCountAsync(catalogue.Practices.Count);
        await page.SelectOptionAsync("#filter-theme", "digital-innovation-hubs");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show practices" }).ClickAsync();

        // The filtered view has its own shareable address.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("theme=digital-innovation-hubs"));
        await Assertions.Expect(page.Locator(".practice-card")).ToHaveCountAsync(expected.Count);
        await BrowserFixture.ScreenshotAsync(page, "10-practices-filtered");

        var target = expected[0];
        await page.GetByRole(AriaRole.Link, new() { Name = target.Title, Exact = true }).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/practices/{target.Id}$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(target.Title);
        await Assertions.Expect(page.Locator(".sources a")).ToHaveCountAsync(target.Sources.Count);
        await BrowserFixture.ScreenshotAsync(page, "11-practice-detail");
    }

    [Fact]
    public async Task SearchWithNoMatch_OffersToClearTheFilters()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/practices");

        await page.FillAsync("#q", "zzzqqqxxx");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show practices" }).ClickAsync();

        await Assertions.Expect(page.Locator(".no-results")).ToBeVisibleAsync();
        await page.Locator(".no-results a").ClickAsync();
        await Assertions.Expect(page.Locator(".practice-card").First).ToBeVisibleAsync();
    }
}
