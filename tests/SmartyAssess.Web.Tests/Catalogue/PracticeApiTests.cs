using System.Net;
using System.Text.Json.Nodes;
using SmartyAssess.Assessment.Catalogue;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.Web.Tests.Catalogue;

public class PracticeApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private readonly HttpClient _client = app.Factory.CreateClient();

    private PracticeCatalogue Catalogue => app.Factory.Services.GetRequiredService<PracticeCatalogue>();

    private async Task<JsonObject> ListAsync(string query = "")
    {
        using var response = await _client.GetAsync("/api/practices" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static List<string> Ids(JsonObject list) => [.. list["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>())];

    [Fact]
    public async Task List_NoFilter_ReturnsEveryPracticeWithItsTagsAndTheTotal()
    {
        var list = await ListAsync();

        Assert.Equal(Catalogue.Practices.Count, list["total"]!.GetValue<int>());
        Assert.True(list["total"]!.GetValue<int>() >= 26, "the catalogue promises at least 26 practices");
        var item = list["items"]![0]!;
        foreach (var field in new[] { "id", "title", "summary", "smartyTheme", "dimensions", "barriers", "country", "provenance" })
        {
            Assert.NotNull(item[field]);
        }
    }

    [Fact]
    public async Task List_ThemeAndBarrier_KeepsOnlyPracticesWithBoth()
    {
        var list = await ListAsync("?theme=digital-innovation-hubs&barrier=business-case");

        var expected = Catalogue.Practices.Where(p => p.Theme == "digital-innovation-hubs" && p.Barriers.Contains("business-case")).Select(p => p.Id).Order();
        Assert.Equal(expected, Ids(list).Order());
        Assert.All(list["items"]!.AsArray(), i => Assert.Equal("digital-innovation-hubs", i!["smartyTheme"]!.GetValue<string>()));
    }

    [Fact]
    public async Task List_TextSearch_FindsAPracticeByAWordOfItsTitle()
    {
        var practice = Catalogue.Practices[0];
        var word = practice.Title.Split(' ').OrderByDescending(w => w.Length).First();

        Assert.Contains(practice.Id, Ids(await ListAsync("?q=" + Uri.EscapeDataString(word))));
    }

    [Fact]
    public async Task List_NoMatch_IsAnEmptyListNotAnError()
    {
        var list = await ListAsync("?q=zzzqqqxxx");

        Assert.Equal(0, list["total"]!.GetValue<int>());
        Assert.Empty(list["items"]!.AsArray());
    }

    [Theory]
    [InlineData("theme", "robots")]
    [InlineData("dimension", "teleportation")]
    [InlineData("barrier", "weather")]
    [InlineData("country", "XY")]
    [InlineData("sector", "Z")]
    [InlineData("instrument", "loan")]
    [InlineData("region", "ZZ99")]
    [InlineData("colour", "blue")]
    public async Task List_UnknownFilter_Returns400NamingTheParameter(string parameter, string value)
    {
        using var response = await _client.GetAsync($"/api/practices?{parameter}={value}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(problem["errors"]![parameter]);
    }

    [Fact]
    public async Task Get_KnownId_ReturnsTheFullRecord()
    {
        var practice = Catalogue.Practices.First(p => p.IsSmarty);

        var json = JsonNode.Parse(await _client.GetStringAsync("/api/practices/" + practice.Id))!;

        Assert.Equal(practice.Title, json["title"]!.GetValue<string>());
        Assert.Equal(practice.Description, json["description"]!.GetValue<string>());
        Assert.Equal("smarty", json["provenance"]!["kind"]!.GetValue<string>());
        Assert.NotEmpty(json["sources"]!.AsArray());
        Assert.StartsWith("http", json["sources"]![0]!["url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(json["transferability"]!["rating"]);
        Assert.NotNull(json["relatedPractices"]);
    }

    [Fact]
    public async Task Get_UnknownId_Returns404Problem()
    {
        using var response = await _client.GetAsync("/api/practices/no-such-practice");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
