using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SmartyAssess.Assessment.Scoring;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.Web.Tests.Api;

public class AssessmentApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private readonly HttpClient _client = app.Factory.CreateClient();

    private JsonObject ValidRequest() => JsonSerializer.SerializeToNode(SampleAnswers.ApiRequest(app.Questionnaire))!.AsObject();

    private Task<HttpResponseMessage> PostAsync(JsonNode body) =>
        _client.PostAsync("/api/assessments", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static IReadOnlyList<string> ErrorFields(JsonObject problem) => [.. problem["errors"]!.AsObject().Select(e => e.Key)];

    [Fact]
    public async Task GetQuestionnaire_ReturnsDimensionsQuestionsOptionsAndPoints()
    {
        var json = JsonNode.Parse(await _client.GetStringAsync("/api/questionnaire"))!;

        Assert.Equal(app.Questionnaire.Version, json["version"]!.GetValue<string>());
        var dimensions = json["dimensions"]!.AsArray();
        Assert.Equal(6, dimensions.Count);
        var question = dimensions[0]!["questions"]![0]!;
        Assert.Equal("strategy-plan", question["id"]!.GetValue<string>());
        Assert.Equal("scale", question["type"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(question["text"]!.GetValue<string>()));
        Assert.Equal([0m, 2m, 4m, 6m, 8m, 10m], question["options"]!.AsArray().Select(o => o!["points"]!.GetValue<decimal>()));
        Assert.Contains(json["profile"]!.AsArray(), f => f!["id"]!.GetValue<string>() == "region" && f["options"]!.AsArray().Any(o => o!["id"]!.GetValue<string>() == "ITI1"));
        Assert.Equal(11, json["barriers"]!.AsArray().Count);
        Assert.NotEmpty(json["goals"]!.AsArray());
    }

    [Fact]
    public async Task Post_ValidAssessment_Returns201WithLocationAndTheScoresOfTheScoringRules()
    {
        using var response = await PostAsync(ValidRequest());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var id = json["id"]!.GetValue<string>();
        Assert.Equal($"/api/assessments/{id}", response.Headers.Location!.OriginalString);
        Assert.True(id.Length >= 22, "the id carries at least 128 random bits");

        var expected = Scorer.Score(app.Questionnaire, SampleAnswers.Answers(app.Questionnaire));
        Assert.Equal((double)expected.Overall!.Value, json["overall"]!["score"]!.GetValue<double>(), 9);
        Assert.Equal(expected.OverallBand!.Value.ToId(), json["overall"]!["band"]!.GetValue<string>());
        Assert.Equal(expected.WeakestDimensionId, json["weakestDimension"]!.GetValue<string>());
        Assert.Equal(app.Questionnaire.Version, json["questionnaireVersion"]!.GetValue<string>());
        Assert.Equal(Scorer.CurrentVersion, json["scoringVersion"]!.GetValue<string>());
        var dimensions = json["dimensions"]!.AsArray();
        Assert.Equal(expected.Dimensions.Select(d => d.DimensionId), dimensions.Select(d => d!["id"]!.GetValue<string>()));
        foreach (var (actual, want) in dimensions.Zip(expected.Dimensions))
        {
            Assert.Equal(JsonValueKind.Number, actual!["score"]!.GetValueKind());
            Assert.Equal((double)want.Score!.Value, actual["score"]!.GetValue<double>(), 9);
            Assert.Equal(want.Level, actual["level"]!.GetValue<int>());
            Assert.Equal(want.Band!.Value.ToId(), actual["band"]!.GetValue<string>());
            Assert.True(actual["assessed"]!.GetValue<bool>());
        }
    }

    [Fact]
    public async Task Get_AfterPost_ReturnsTheSameResult()
    {
        using var created = await PostAsync(ValidRequest());
        var posted = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;

        var fetched = JsonNode.Parse(await _client.GetStringAsync(created.Headers.Location))!;

        Assert.True(JsonNode.DeepEquals(posted, fetched), $"{posted.ToJsonString()} != {fetched.ToJsonString()}");
    }

    [Fact]
    public async Task Post_DimensionAllNotApplicable_IsNotAssessedAndLeftOutOfOverall()
    {
        var request = ValidRequest();
        var green = app.Questionnaire.FindDimension("green")!;
        foreach (var question in green.Questions)
        {
            request["answers"]![question.Id] = new JsonObject { ["notApplicable"] = true };
        }

        using var response = await PostAsync(request);

        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var dimension = json["dimensions"]!.AsArray().Single(d => d!["id"]!.GetValue<string>() == "green")!;
        Assert.False(dimension["assessed"]!.GetValue<bool>());
        Assert.Null(dimension["score"]);
        var assessed = json["dimensions"]!.AsArray().Where(d => d!["assessed"]!.GetValue<bool>()).Select(d => d!["score"]!.GetValue<double>()).ToList();
        Assert.Equal(5, assessed.Count);
        Assert.Equal(assessed.Average(), json["overall"]!["score"]!.GetValue<double>(), 9);
    }

    [Fact]
    public async Task Post_EveryTopAnswer_Scores100Advanced()
    {
        var request = ValidRequest();
        foreach (var question in app.Questionnaire.Questions)
        {
            var ids = question.Type == Assessment.Questionnaires.QuestionType.Checklist
                ? question.Options.Where(o => o.Points > 0).Select(o => o.Id)
                : [question.Options.MaxBy(o => o.Points)!.Id];
            request["answers"]![question.Id] = new JsonObject { ["selected"] = new JsonArray([.. ids.Select(i => (JsonNode)i)]) };
        }

        using var response = await PostAsync(request);

        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(100, json["overall"]!["score"]!.GetValue<double>());
        Assert.Equal("advanced", json["overall"]!["band"]!.GetValue<string>());
        Assert.All(json["dimensions"]!.AsArray(), d => Assert.Equal(5, d!["level"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Post_MalformedJson_Returns400NamingThePosition()
    {
        using var response = await _client.PostAsync("/api/assessments", new StringContent("{ \"profile\": { \"sector\": \"C\" ", Encoding.UTF8, "application/json"));

        var problem = await ProblemAsync(response);
        Assert.Contains("malformed", problem["errors"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_EmptyBody_Returns400()
    {
        using var response = await _client.PostAsync("/api/assessments", new StringContent("", Encoding.UTF8, "application/json"));

        Assert.Equal(["$"], ErrorFields(await ProblemAsync(response)));
    }

    [Fact]
    public async Task Post_NotJson_Returns415()
    {
        using var response = await _client.PostAsync("/api/assessments", new StringContent("sector=C", Encoding.UTF8, "application/x-www-form-urlencoded"));

        await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Post_OversizedBody_Returns413()
    {
        var request = ValidRequest();
        request["goals"] = new JsonArray([.. Enumerable.Range(0, 20_000).Select(i => (JsonNode)$"goal-{i}")]);

        using var response = await PostAsync(request);

        await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    public static TheoryData<string, string, string> BadInputs => new()
    {
        // name, JSON edit (path=value, as applied below), the field that must be named
        { "unknown question", "answers.not-a-question={\"dontKnow\":true}", "answers.not-a-question" },
        { "unknown option", "answers.strategy-plan={\"selected\":[\"level-9\"]}", "answers.strategy-plan" },
        { "two options on a scale", "answers.strategy-plan={\"selected\":[\"level-1\",\"level-2\"]}", "answers.strategy-plan" },
        { "two options on a choice", "answers.strategy-support={\"selected\":[\"regular\",\"no\"]}", "answers.strategy-support" },
        { "answer with two kinds", "answers.strategy-plan={\"selected\":[\"level-1\"],\"dontKnow\":true}", "answers.strategy-plan" },
        { "answer with no kind", "answers.strategy-plan={}", "answers.strategy-plan" },
        { "options as text", "answers.strategy-plan={\"selected\":\"level-1\"}", "answers.strategy-plan.selected" },
        { "missing sector", "profile.sector=null", "profile.sector" },
        { "region of another country", "profile.region=\"ES51\"", "profile.region" },
        { "unknown barrier", "barriers=[\"finance\",\"weather\"]", "barriers" },
        { "four top barriers", "topBarriers=[\"finance\",\"workforce-skills\",\"legacy-systems\",\"data-security\"]", "topBarriers" },
        { "unknown goal", "goals=[\"fame\"]", "goals" },
        { "misspelt property", "barrier=[\"finance\"]", "barrier" },
        { "unknown language", "language=\"xx\"", "language" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Post_BadInput_Returns400ProblemNamingTheField(string name, string edit, string field)
    {
        var request = ValidRequest();
        var (path, value) = (edit[..edit.IndexOf('=', StringComparison.Ordinal)], edit[(edit.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        var parts = path.Split('.', 2);
        var node = JsonNode.Parse(value);
        if (parts.Length == 1)
        {
            request[parts[0]] = node;
        }
        else
        {
            request[parts[0]]![parts[1]] = node;
        }

        using var response = await PostAsync(request);

        var problem = await ProblemAsync(response);
        Assert.True(ErrorFields(problem).Contains(field), $"{name}: expected an error for {field}, got {problem.ToJsonString()}");
    }

    [Fact]
    public async Task Post_NoAnswers_NamesEveryUnansweredQuestion()
    {
        var request = ValidRequest();
        request.Remove("answers");

        using var response = await PostAsync(request);

        var fields = ErrorFields(await ProblemAsync(response));
        Assert.Equal(app.Questionnaire.Questions.Select(q => "answers." + q.Id).Order(), fields.Order());
    }

    [Fact]
    public async Task Post_BadInput_StoresNothing()
    {
        var request = ValidRequest();
        request["goals"] = new JsonArray("fame");
        using var db = app.Factory.Services.CreateScope();
        var context = db.ServiceProvider.GetRequiredService<SmartyAssess.Data.SmartyDbContext>();
        var before = context.Assessments.Count();

        using var response = await PostAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, context.Assessments.Count());
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-an-id")]
    [InlineData("%27%20or%201%3D1")]
    public async Task Get_UnknownId_Returns404Problem(string id)
    {
        using var response = await _client.GetAsync("/api/assessments/" + id);

        await ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OpenApi_DescribesTheEndpoints()
    {
        var document = JsonNode.Parse(await _client.GetStringAsync("/openapi/v1.json"))!;

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/questionnaire", paths);
        Assert.Contains("/api/assessments", paths);
        Assert.Contains("/api/assessments/{id}", paths);
        Assert.NotNull(document["paths"]!["/api/assessments"]!["post"]!["requestBody"]);
    }

    [Fact]
    public async Task Get_ResultReturnedAsJsonNumbers_NotStrings()
    {
        using var created = await PostAsync(ValidRequest());

        using var response = await _client.GetAsync(created.Headers.Location);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(JsonValueKind.Number, result.GetProperty("overall").GetProperty("score").ValueKind);
    }
}
