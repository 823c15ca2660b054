using System.Net;
using SmartyAssess.Assessment.Catalogue;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.Web.Tests.Catalogue;

public class PracticePagesTests(AppFixture app) : IClassFixture<AppFixture>
{
    private PracticeCatalogue Catalogue => app.Factory.Services.GetRequiredService<PracticeCatalogue>();

    [Fact]
    public async Task List_ShowsEveryPracticeLinkingToItsPage()
    {
        var page = await app.NewBrowser().GetOkAsync("/practices");

        var links = page.QuerySelectorAll(".practice-card h3 a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(Catalogue.Practices.Select(p => "/practices/" + p.Id).Order(), links.Order());
        Assert.Contains($"{Catalogue.Practices.Count} practices", page.QuerySelector(".result-count")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_FilteredByUrl_KeepsTheFiltersSelectedAndShowsOnlyMatches()
    {
        var page = await app.NewBrowser().GetOkAsync("/practices?theme=green-transition&q=");

        Assert.Equal("green-transition", page.QuerySelector("#filter-theme option[selected]")?.GetAttribute("value"));
        var expected = Catalogue.Practices.Where(p => p.Theme == "green-transition").Select(p => p.Title).Order();
        Assert.Equal(expected, page.QuerySelectorAll(".practice-card h3").Select(h => h.TextContent).Order());
        Assert.NotEmpty(expected);
    }

    [Fact]
    public async Task List_NothingMatches_SaysSoAndOffersToClearTheFilters()
    {
        var page = await app.NewBrowser().GetOkAsync("/practices?q=zzzqqqxxx");

        Assert.Empty(page.QuerySelectorAll(".practice-card"));
        Assert.NotNull(page.QuerySelector(".no-results a[href='/practices']"));
    }

    [Fact]
    public async Task List_UnknownFilterInTheAddress_IsIgnoredWithAWarning()
    {
        var page = await app.NewBrowser().GetOkAsync("/practices?theme=robots");

        Assert.Contains("robots", page.QuerySelector(".alert-warning")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Catalogue.Practices.Count, page.QuerySelectorAll(".practice-card").Length);
    }

    [Fact]
    public async Task Detail_ShowsEveryFieldForAManagerWithSourcesAsLinks()
    {
        var practice = Catalogue.Practices.First(p => p.IsSmarty);

        var page = await app.NewBrowser().GetOkAsync("/practices/" + practice.Id);

        Assert.Equal(practice.Title, page.QuerySelector("h1")!.TextContent);
        Assert.Equal(practice.Sources.Select(s => s.Url.ToString()), page.QuerySelectorAll(".sources a").Select(a => a.GetAttribute("href")));
        Assert.All(page.QuerySelectorAll(".sources a"), a => Assert.Contains("noopener", a.GetAttribute("rel"), StringComparison.Ordinal));
        Assert.Contains("Transferability", page.QuerySelector("#transfer")!.ParentElement!.TextContent, StringComparison.Ordinal);
        foreach (var heading in new[] { "#about", "#evidence", "#resources", "#sources" })
        {
            Assert.NotNull(page.QuerySelector(heading));
        }

        Assert.Equal(practice.Barriers.Count, page.QuerySelectorAll(".practice-facts a[href^='/practices?barrier=']").Length);
    }

    [Fact]
    public async Task Detail_UnknownFacts_AreSaidToBeUnknownNotLeftBlank()
    {
        var incomplete = Catalogue.Practices.FirstOrDefault(p => p.Incomplete);
        Assert.True(incomplete is not null, "the catalogue has practices with unknown facts; one is needed here");

        var page = await app.NewBrowser().GetOkAsync("/practices/" + incomplete!.Id);

        Assert.NotNull(page.QuerySelector(".incomplete-note"));
        Assert.NotEmpty(page.QuerySelectorAll(".unknown"));
    }

    [Fact]
    public async Task Detail_ListsRelatedPractices()
    {
        var practice = Catalogue.Practices.First(p => PracticeSearch.Related(Catalogue, p).Count > 0);

        var page = await app.NewBrowser().GetOkAsync("/practices/" + practice.Id);

        Assert.Equal(
            PracticeSearch.Related(Catalogue, practice).Select(p => "/practices/" + p.Id),
            page.QuerySelectorAll("#related ~ .practice-card h3 a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Detail_UnknownId_Gets404Page()
    {
        var (status, page) = await app.NewBrowser().GetAsync("/practices/no-such-practice");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("We could not find this practice", page.QuerySelector("h1")!.TextContent);
    }
}
