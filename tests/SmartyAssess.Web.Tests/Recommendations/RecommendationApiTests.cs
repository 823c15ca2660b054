using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SmartyAssess.Assessment.Catalogue;
using SmartyAssess.Data;
using SmartyAssess.Data.Entities;
using SmartyAssess.Recommender;
using SmartyAssess.Web.Features.Recommendations;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.Web.Tests.Recommendations;

public class RecommendationApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private readonly HttpClient _client = app.Factory.CreateClient();

    private PracticeCatalogue Catalogue => app.Factory.Services.GetRequiredService<PracticeCatalogue>();

    private async Task<string> SubmitAsync(object? request = null)
    {
        using var response = await _client.PostAsJsonAsync("/api/assessments", request ?? SampleAnswers.ApiRequest(app.Questionnaire));
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
    }

    private async Task<JsonObject> RecommendationsAsync(string id, string query = "") =>
        JsonNode.Parse(await _client.GetStringAsync($"/api/assessments/{id}/recommendations{query}"))!.AsObject();

    private static List<string> Ids(JsonObject recommendations) =>
        [.. recommendations["items"]!.AsArray().Select(i => i!["practiceId"]!.GetValue<string>())];

    private Task<HttpResponseMessage> FeedbackAsync(string id, string body, string mediaType = "application/json") =>
        _client.PostAsync($"/api/assessments/{id}/feedback", new StringContent(body, Encoding.UTF8, mediaType));

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static IEnumerable<string> ErrorFields(JsonObject problem) => problem["errors"]!.AsObject().Select(e => e.Key);

    /// <summary>The API shape of a firm that contrasts with <see cref="SampleAnswers"/>: a medium ICT firm, advanced, with other barriers and goals.</summary>
    private object ContrastingFirm()
    {
        var answers = app.Questionnaire.Questions.ToDictionary(q => q.Id, q => (object)new { selected = new[] { q.Options[^1].Id } });
        return new
        {
            profile = new Dictionary<string, string> { ["sector"] = "J", ["size"] = "medium", ["country"] = "BE", ["region"] = "BE21", ["role"] = "it", ["dih"] = "current" },
            answers,
            barriers = new[] { "interoperability", "regulation", "data-security" },
            topBarriers = new[] { "interoperability" },
            goals = new[] { "new-services", "customers" },
        };
    }

    [Fact]
    public async Task Get_ReturnsFiveRankedPracticesWithReasonsFromTheShippedModel()
    {
        var id = await SubmitAsync();

        var json = await RecommendationsAsync(id);

        var shipped = ModelFile.Load(Path.Combine(AppContext.BaseDirectory, "models", "smarty-fm.json")).Metadata.ModelVersion;
        Assert.Equal(shipped, json["modelVersion"]!.GetValue<string>());
        var items = json["items"]!.AsArray();
        Assert.Equal(5, items.Count);
        Assert.Equal([1, 2, 3, 4, 5], items.Select(i => i!["rank"]!.GetValue<int>()));
        var scores = items.Select(i => i!["score"]!.GetValue<double>()).ToList();
        foreach (var item in items)
        {
            var practice = Catalogue.Find(item!["practiceId"]!.GetValue<string>());
            Assert.NotNull(practice);
            Assert.Equal(practice.Title, item["title"]!.GetValue<string>());
            Assert.Equal(practice.Theme, item["smartyTheme"]!.GetValue<string>());
            Assert.Equal($"/practices/{practice.Id}", item["url"]!.GetValue<string>());
            // Never a practice the firm (small, manufacturing) cannot join.
            Assert.Contains("small", practice.Sizes);
            Assert.True(practice.FitsSector("C"), practice.Id);
            var reasons = item["reasons"]!.AsArray();
            Assert.InRange(reasons.Count, 1, 3);
            Assert.All(reasons, r =>
            {
                Assert.False(string.IsNullOrWhiteSpace(r!["text"]!.GetValue<string>()));
                Assert.True(r["contribution"]!.GetValue<double>() > 0);
            });
        }

        // At most two of one SMARTY theme among the five.
        Assert.All(items.GroupBy(i => i!["smartyTheme"]!.GetValue<string>()), g => Assert.True(g.Count() <= 2, g.Key));
    }

    [Fact]
    public async Task Get_ReasonsNameTheFirmsOwnTopBarrierAndWeakDimensions()
    {
        var id = await SubmitAsync();

        var texts = (await RecommendationsAsync(id))["items"]!.AsArray()
            .SelectMany(i => i!["reasons"]!.AsArray().Select(r => r!["text"]!.GetValue<string>()))
            .ToList();

        // The sample firm's top barriers are finance and skills.
        Assert.Contains(texts, t => t.StartsWith("Addresses your top barrier: ", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("Strengthens ", StringComparison.Ordinal) && t.Contains("where you scored", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_ContrastingFirms_GetDifferentPracticesForDifferentReasons()
    {
        var sample = await RecommendationsAsync(await SubmitAsync());
        var contrasting = await RecommendationsAsync(await SubmitAsync(ContrastingFirm()));

        Assert.NotEqual(Ids(sample), Ids(contrasting));
        var contrastingReasons = contrasting["items"]!.AsArray().SelectMany(i => i!["reasons"]!.AsArray().Select(r => r!["text"]!.GetValue<string>())).ToList();
        Assert.Contains(contrastingReasons, t => t.Contains("interfaces", StringComparison.OrdinalIgnoreCase) || t.Contains("new products", StringComparison.OrdinalIgnoreCase)
            || t.Contains("customer", StringComparison.OrdinalIgnoreCase) || t.Contains("regulat", StringComparison.OrdinalIgnoreCase) || t.Contains("medium-sized", StringComparison.Ordinal)
            || t.Contains("cybersecurity", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(contrastingReasons, t => t.Contains("lack of digital skills", StringComparison.Ordinal));
        Assert.All(Ids(contrasting), practiceId => Assert.Contains("medium", Catalogue.Find(practiceId)!.Sizes));
    }

    [Fact]
    public async Task Get_KSetsTheCount()
    {
        var id = await SubmitAsync();

        Assert.Equal(3, Ids(await RecommendationsAsync(id, "?k=3")).Count);
        Assert.Equal(Ids(await RecommendationsAsync(id, "?k=3")), Ids(await RecommendationsAsync(id)).Take(3));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("21")]
    [InlineData("five")]
    [InlineData("-1")]
    public async Task Get_BadK_Is400NamingK(string k)
    {
        var id = await SubmitAsync();

        using var response = await _client.GetAsync($"/api/assessments/{id}/recommendations?k={k}");

        Assert.Equal(["k"], ErrorFields(await ProblemAsync(response, HttpStatusCode.BadRequest)));
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-an-id")]
    public async Task Get_UnknownAssessment_Is404Problem(string id)
    {
        using var response = await _client.GetAsync($"/api/assessments/{id}/recommendations");

        var problem = await ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("Assessment not found", problem["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_LogsEachShownPracticeOncePerModelVersion()
    {
        var id = await SubmitAsync();

        var first = Ids(await RecommendationsAsync(id));
        await RecommendationsAsync(id);

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmartyDbContext>();
        var assessmentId = await db.Results.Where(r => r.Id == id).Select(r => r.AssessmentId).SingleAsync();
        var impressions = await db.Impressions.Where(i => i.AssessmentId == assessmentId).OrderBy(i => i.Rank).ToListAsync();
        Assert.Equal(first, impressions.Select(i => i.PracticeId));
        Assert.Equal([1, 2, 3, 4, 5], impressions.Select(i => i.Rank));
        Assert.All(impressions, i => Assert.Equal(app.Factory.Services.GetRequiredService<ModelHolder>().Current.ModelVersion, i.ModelVersion));
    }

    [Fact]
    public async Task Get_APracticeThatMovesUpAfterFeedback_IsLoggedOnceToo_AndRepeatedViewsAddNothing()
    {
        var id = await SubmitAsync();
        var before = Ids(await RecommendationsAsync(id));
        await _client.GetStringAsync($"/results/{id}"); // the page and the API share what they log

        using var feedback = await FeedbackAsync(id, $$"""{ "practiceId": "{{before[0]}}", "kind": "notRelevant" }""");
        var after = Ids(await RecommendationsAsync(id));
        await _client.GetStringAsync($"/results/{id}");
        await RecommendationsAsync(id);

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmartyDbContext>();
        var assessmentId = await db.Results.Where(r => r.Id == id).Select(r => r.AssessmentId).SingleAsync();
        var logged = await db.Impressions.Where(i => i.AssessmentId == assessmentId).Select(i => i.PracticeId).ToListAsync();
        var newcomer = Assert.Single(after.Except(before));
        Assert.Equal(before.Append(newcomer).Order(), logged.Order());
        // Logged at the rank it was shown at; the theme limit of the top five may place it above the last rank.
        Assert.Equal(after.IndexOf(newcomer) + 1, (await db.Impressions.SingleAsync(i => i.AssessmentId == assessmentId && i.PracticeId == newcomer)).Rank);
    }

    [Fact]
    public async Task Feedback_NotRelevant_Is204_IsStoredWithItsRank_AndThePracticeIsNoLongerRecommended()
    {
        var id = await SubmitAsync();
        var before = Ids(await RecommendationsAsync(id));

        using var response = await FeedbackAsync(id, $$"""{ "practiceId": "{{before[1]}}", "kind": "notRelevant" }""");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var after = Ids(await RecommendationsAsync(id));
        Assert.DoesNotContain(before[1], after);
        Assert.Equal(5, after.Count);
        // The other four stay; their order may change, because freeing a place in one theme can let a
        // practice in that the top five's limit of two per theme held back.
        Assert.Subset(after.ToHashSet(), before.Where(p => p != before[1]).ToHashSet());

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmartyDbContext>();
        var stored = await db.Feedback.Where(f => f.PracticeId == before[1]).Join(db.Results.Where(r => r.Id == id), f => f.AssessmentId, r => r.AssessmentId, (f, _) => f).SingleAsync();
        Assert.Equal(PracticeFeedbackKind.NotRelevant, stored.Kind);
        Assert.Equal(2, stored.Rank);
        Assert.Equal("sme", stored.Source);
        Assert.NotNull(stored.ModelVersion);
    }

    [Fact]
    public async Task Feedback_Relevant_KeepsThePracticeAndShowsTheFeedback_AndAdoptedAfterwardsRemovesIt()
    {
        var id = await SubmitAsync();
        var first = Ids(await RecommendationsAsync(id))[0];

        (await FeedbackAsync(id, $$"""{ "practiceId": "{{first}}", "kind": "relevant" }""")).EnsureSuccessStatusCode();
        var items = (await RecommendationsAsync(id))["items"]!.AsArray();
        Assert.Equal("relevant", items.Single(i => i!["practiceId"]!.GetValue<string>() == first)!["feedback"]!.GetValue<string>());
        Assert.All(items.Where(i => i!["practiceId"]!.GetValue<string>() != first), i => Assert.Null(i!["feedback"]));

        (await FeedbackAsync(id, $$"""{ "practiceId": "{{first}}", "kind": "adopted" }""")).EnsureSuccessStatusCode();
        Assert.DoesNotContain(first, Ids(await RecommendationsAsync(id)));
    }

    [Fact]
    public async Task Feedback_TheSameKindTwice_StoresOneEvent()
    {
        var id = await SubmitAsync();
        var practice = Ids(await RecommendationsAsync(id))[0];

        for (var i = 0; i < 3; i++)
        {
            using var response = await FeedbackAsync(id, $$"""{ "practiceId": "{{practice}}", "kind": "relevant" }""");
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmartyDbContext>();
        var assessmentId = await db.Results.Where(r => r.Id == id).Select(r => r.AssessmentId).SingleAsync();
        Assert.Equal(1, await db.Feedback.CountAsync(f => f.AssessmentId == assessmentId));
    }

    [Theory]
    [InlineData("""{ "practiceId": "catalonia-dih4cat", "kind": "love-it" }""", "kind")]
    [InlineData("""{ "practiceId": "catalonia-dih4cat" }""", "kind")]
    [InlineData("""{ "kind": "relevant" }""", "practiceId")]
    [InlineData("""{ "practiceId": "no-such-practice", "kind": "relevant" }""", "practiceId")]
    [InlineData("""{ "practiceId": "catalonia-dih4cat", "kind": "relevant", "extra": 1 }""", "extra")]
    [InlineData("""{ "practiceId": 7, "kind": "relevant" }""", "practiceId")]
    public async Task Feedback_BadBody_Is400NamingTheField(string body, string field)
    {
        var id = await SubmitAsync();

        using var response = await FeedbackAsync(id, body);

        Assert.Contains(field, ErrorFields(await ProblemAsync(response, HttpStatusCode.BadRequest)));
    }

    [Fact]
    public async Task Feedback_NotJson_Is415_AndEmptyBodyIs400()
    {
        var id = await SubmitAsync();

        using var text = await FeedbackAsync(id, "practiceId=x&kind=relevant", "application/x-www-form-urlencoded");
        await ProblemAsync(text, HttpStatusCode.UnsupportedMediaType);
        using var empty = await FeedbackAsync(id, "");
        await ProblemAsync(empty, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Feedback_UnknownAssessment_Is404Problem()
    {
        using var response = await FeedbackAsync("AAAAAAAAAAAAAAAAAAAAAA", """{ "practiceId": "catalonia-dih4cat", "kind": "relevant" }""");

        await ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Feedback_OnAPracticeThatWasNotShown_IsStoredWithoutRank()
    {
        var id = await SubmitAsync();
        var shown = Ids(await RecommendationsAsync(id));
        var other = Catalogue.Practices.First(p => !shown.Contains(p.Id)).Id;

        using var response = await FeedbackAsync(id, $$"""{ "practiceId": "{{other}}", "kind": "adopted" }""");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmartyDbContext>();
        var stored = await db.Feedback.Where(f => f.PracticeId == other).Join(db.Results.Where(r => r.Id == id), f => f.AssessmentId, r => r.AssessmentId, (f, _) => f).SingleAsync();
        Assert.Null(stored.Rank);
        Assert.Null(stored.ModelVersion);
    }

    [Fact]
    public void ShippedModel_WasTrainedOnTheCurrentCatalogue()
    {
        // Re-tagging a practice changes the catalogue hash: retrain the shipped model as models/README.md says.
        var (_, metadata) = ModelFile.Load(Path.Combine(AppContext.BaseDirectory, "models", "smarty-fm.json"));

        Assert.Equal(app.Factory.Services.GetRequiredService<ModelHolder>().CatalogueHash, metadata.CatalogueHash);
        Assert.Equal(TrainingSource.Synthetic, metadata.TrainedOn);
    }
}
