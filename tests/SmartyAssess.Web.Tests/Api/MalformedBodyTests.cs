using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.Web.Tests.Api;

/// <summary>
/// Bodies that are wrong in ways a JSON edit cannot express (nulls inside lists, repeated keys,
/// invalid UTF-8, deep nesting), sent to both JSON endpoints: each gets a 400 problem naming the
/// field, never a 500.
/// </summary>
public sealed class MalformedBodyTests(AppFixture app) : IClassFixture<AppFixture>
{
    private readonly HttpClient _client = app.Factory.CreateClient();

    private string ValidAssessment() => JsonSerializer.Serialize(SampleAnswers.ApiRequest(app.Questionnaire));

    private string FirstQuestion => app.Questionnaire.Questions.First().Id;

    private async Task<JsonObject> PostAsync(string url, byte[] body, HttpStatusCode expected = HttpStatusCode.BadRequest)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        using var response = await _client.PostAsync(url, content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"POST {url} gave {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(text)!.AsObject();
    }

    private static IReadOnlyList<string> Fields(JsonObject problem) => [.. problem["errors"]!.AsObject().Select(e => e.Key)];

    private async Task<string> StoredResultIdAsync()
    {
        using var created = await _client.PostAsJsonAsync("/api/assessments", SampleAnswers.ApiRequest(app.Questionnaire));
        created.EnsureSuccessStatusCode();
        return JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task Assessment_NullInsideSelected_Is400NamingTheAnswer()
    {
        var body = JsonNode.Parse(ValidAssessment())!;
        body["answers"]![FirstQuestion] = JsonNode.Parse("""{ "selected": [null] }""");

        var problem = await PostAsync("/api/assessments", Encoding.UTF8.GetBytes(body.ToJsonString()));

        Assert.Contains($"answers.{FirstQuestion}.selected", Fields(problem));
        Assert.Contains("null", problem["errors"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("barriers", """["finance", null]""")]
    [InlineData("topBarriers", """[null]""")]
    [InlineData("goals", """[null, "quality"]""")]
    public async Task Assessment_NullInsideAList_Is400NamingTheList(string field, string value)
    {
        var body = JsonNode.Parse(ValidAssessment())!;
        body[field] = JsonNode.Parse(value);

        var problem = await PostAsync("/api/assessments", Encoding.UTF8.GetBytes(body.ToJsonString()));

        Assert.Contains(field, Fields(problem));
    }

    [Theory]
    [InlineData("answers", "[]")]
    [InlineData("answers", "\"everything\"")]
    [InlineData("profile", "7")]
    [InlineData("profile", """{ "sector": 7 }""")]
    [InlineData("profile", """{ "sector": ["C"] }""")]
    [InlineData("language", "true")]
    [InlineData("goals", """{ "quality": true }""")]
    [InlineData("barriers", """[["finance"]]""")]
    public async Task Assessment_WrongType_Is400NamingTheField(string field, string value)
    {
        var body = JsonNode.Parse(ValidAssessment())!;
        body[field] = JsonNode.Parse(value);

        var problem = await PostAsync("/api/assessments", Encoding.UTF8.GetBytes(body.ToJsonString()));

        Assert.True(Fields(problem).Any(f => f.StartsWith(field, StringComparison.Ordinal)), problem.ToJsonString());
    }

    [Fact]
    public async Task Assessment_RepeatedKey_Is400NamingIt()
    {
        var body = ValidAssessment().Replace("\"goals\":", "\"language\":\"en\",\"language\":\"it\",\"goals\":", StringComparison.Ordinal);

        var problem = await PostAsync("/api/assessments", Encoding.UTF8.GetBytes(body));

        Assert.Contains("language", Fields(problem));
    }

    [Fact]
    public async Task Assessment_InvalidUtf8_Is400()
    {
        var body = Encoding.UTF8.GetBytes(ValidAssessment().Replace("\"sector\":\"C\"", "\"sector\":\"C\u0001\"", StringComparison.Ordinal));
        var marker = Array.IndexOf(body, (byte)1);
        body[marker] = 0xC3; // a lead byte followed by a quote: not UTF-8

        var problem = await PostAsync("/api/assessments", body);

        Assert.NotEmpty(Fields(problem));
    }

    [Fact]
    public async Task Assessment_DeepNesting_Is400()
    {
        var body = "{\"profile\":" + new string('[', 5_000) + new string(']', 5_000) + "}";

        var problem = await PostAsync("/api/assessments", Encoding.UTF8.GetBytes(body));

        Assert.NotEmpty(Fields(problem));
    }

    [Fact]
    public async Task Assessment_HugeStringWithinTheLimit_Is400NotStored()
    {
        var body = JsonNode.Parse(ValidAssessment())!;
        body["profile"]!["sector"] = new string('C', 60_000);

        var problem = await PostAsync("/api/assessments", Encoding.UTF8.GetBytes(body.ToJsonString()));

        Assert.Contains("profile.sector", Fields(problem));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("\"text\"")]
    public async Task BothEndpoints_NotAnObject_Is400(string body)
    {
        var id = await StoredResultIdAsync();

        Assert.NotEmpty(Fields(await PostAsync("/api/assessments", Encoding.UTF8.GetBytes(body))));
        Assert.NotEmpty(Fields(await PostAsync($"/api/assessments/{id}/feedback", Encoding.UTF8.GetBytes(body))));
    }

    [Theory]
    [InlineData("""{ "practiceId": null, "kind": "relevant" }""", "practiceId")]
    [InlineData("""{ "practiceId": "catalonia-dih4cat", "kind": ["relevant"] }""", "kind")]
    [InlineData("""{ "practiceId": "catalonia-dih4cat", "kind": "relevant", "kind": "adopted" }""", "kind")]
    [InlineData("""{ "practiceId": {}, "kind": "relevant" }""", "practiceId")]
    public async Task Feedback_Malformed_Is400NamingTheField(string body, string field)
    {
        var id = await StoredResultIdAsync();

        var problem = await PostAsync($"/api/assessments/{id}/feedback", Encoding.UTF8.GetBytes(body));

        Assert.Contains(field, Fields(problem));
    }
}
