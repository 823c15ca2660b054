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

    [Theory]
    [InlineData("Territorial Shared Agendas", "catalonia-territorial-shared-agendas", "smarty")]
    [InlineData("textile training programme", "prato-prisma-textile-digital-skills", "related")]
    public async Task List_TextSearch_FindsThePracticesOfTheAddendum_WithTheirProvenance(string words, string id, string provenance)
    {
        var found = (await ListAsync("?q=" + Uri.EscapeDataString(words)))["items"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == id)!;

        Assert.Equal(provenance, found["provenance"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("IT", "ITI1", new[] { "workforce-skills", "management-awareness", "business-case" }, "skills", "prato-prisma-textile-digital-skills")]
    [InlineData("ES", "ES51", new[] { "partners-advice", "business-case" }, "sustainability", "catalonia-territorial-shared-agendas")]
    public async Task ThePracticesOfTheAddendum_AreRecommendedInTheTopFive_ToAFirmTheirTagsFit(string country, string region, string[] barriers, string goal, string expected)
    {
        var questionnaire = JsonNode.Parse(await _client.GetStringAsync("/api/questionnaire"))!;
        var answers = new JsonObject();
        foreach (var question in questionnaire["dimensions"]!.AsArray().SelectMany(d => d!["questions"]!.AsArray()))
        {
            answers[question!["id"]!.GetValue<string>()] = new JsonObject { ["dontKnow"] = true };
        }
        var request = new JsonObject
        {
            ["profile"] = new JsonObject { ["sector"] = "C", ["size"] = "small", ["country"] = country, ["region"] = region, ["role"] = "owner", ["dih"] = "no" },
            ["answers"] = answers,
            ["barriers"] = new JsonArray([.. barriers.Select(b => JsonValue.Create(b))]),
            ["topBarriers"] = new JsonArray(JsonValue.Create(barriers[0])),
            ["goals"] = new JsonArray(JsonValue.Create(goal)),
        };
        using var submitted = await _client.PostAsync("/api/assessments", new StringContent(request.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var id = JsonNode.Parse(await submitted.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();

        var recommended = JsonNode.Parse(await _client.GetStringAsync($"/api/assessments/{id}/recommendations?k=5"))!["items"]!.AsArray()
            .Select(i => i!["practiceId"]!.GetValue<string>());

        Assert.Contains(expected, recommended);
    }

    [Fact]
    public async Task PrismaTrainingProgramme_IsKeptApartFromThePrismaHouse_AndNamesIt()
    {
        var training = Catalogue.Find("prato-prisma-textile-digital-skills")!;
        var house = Catalogue.Find("prato-prisma-emerging-technologies-house")!;

        Assert.NotEqual(house.Title, training.Title);
        Assert.Contains(house.Id, training.Provenance.Evidence ?? "", StringComparison.Ordinal);
        Assert.Contains("SMARTY candidate", training.Provenance.Programme, StringComparison.Ordinal);
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
