using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SmartyAssess.Data;
using SmartyAssess.Data.Entities;
using SmartyAssess.Recommender;
using SmartyAssess.Web.Features.Journey;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.Web.Tests.Recommendations;

/// <summary>Which model is served, how a published model replaces it without a restart, and what happens when none can be loaded.</summary>
public sealed class ModelServingTests
{
    private static readonly string s_shippedPath = Path.Combine(AppContext.BaseDirectory, "models", "smarty-fm.json");

    internal static async Task<(HttpClient Client, string ResultId)> StartAndSubmitAsync(SmartyAssessFactory factory)
    {
        var client = factory.CreateClient();
        var questionnaire = factory.Services.GetRequiredService<QuestionnaireCatalog>().Current;
        using var created = await client.PostAsJsonAsync("/api/assessments", SampleAnswers.ApiRequest(questionnaire));
        created.EnsureSuccessStatusCode();
        return (client, JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>());
    }

    internal static async Task<string> ServedVersionAsync(HttpClient client, string id) =>
        JsonNode.Parse(await client.GetStringAsync($"/api/assessments/{id}/recommendations"))!["modelVersion"]!.GetValue<string>();

    /// <summary>The shipped model under another version, as a retrained model would be published.</summary>
    internal static string Republished(string version)
    {
        var (model, metadata) = ModelFile.Load(s_shippedPath);
        return ModelFile.Serialize(model, metadata with { ModelVersion = version, TrainedOn = TrainingSource.Feedback });
    }

    internal static async Task PublishAsync(SmartyAssessFactory factory, string version, string json, bool published)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmartyDbContext>();
        db.RecommenderModels.Add(new RecommenderModelRecord
        {
            ModelVersion = version,
            Json = json,
            ContentHash = ModelFile.Sha256(json),
            Published = published,
            GateReport = "test",
            CreatedAt = DateTime.UnixEpoch,
        });
        await db.SaveChangesAsync();
    }

    internal static async Task<string> WaitForVersionAsync(HttpClient client, string id, string version)
    {
        // Polls until the refresher (every 100 ms here) has swapped; gives up after a generous while.
        var served = await ServedVersionAsync(client, id);
        for (var i = 0; i < 100 && served != version; i++)
        {
            await Task.Delay(100);
            served = await ServedVersionAsync(client, id);
        }

        return served;
    }

    [Fact]
    public async Task PublishedModel_IsServedWithoutARestart_AndRejectedOrDamagedOnesAreNot()
    {
        await using var factory = new SmartyAssessFactory(settings: new Dictionary<string, string?> { ["Recommender:RefreshInterval"] = "00:00:00.1" });
        var (client, id) = await StartAndSubmitAsync(factory);
        var shipped = ModelFile.Load(s_shippedPath).Metadata.ModelVersion;
        Assert.Equal(shipped, await ServedVersionAsync(client, id));

        await PublishAsync(factory, "retrained-1", Republished("retrained-1"), published: true);
        Assert.Equal("retrained-1", await WaitForVersionAsync(client, id, "retrained-1"));

        // A candidate the gate rejected, then a published row that cannot be read: neither replaces the model in use.
        await PublishAsync(factory, "rejected-2", Republished("rejected-2"), published: false);
        await PublishAsync(factory, "damaged-3", Republished("damaged-3").Replace("\"bias\":", "\"bias\":1e-3+", StringComparison.Ordinal), published: true);
        await PublishAsync(factory, "retrained-4", Republished("retrained-4"), published: false);
        await Task.Delay(500);
        Assert.Equal("retrained-1", await ServedVersionAsync(client, id));

        // Recommendations stay available throughout, and the next good model is taken.
        await PublishAsync(factory, "retrained-5", Republished("retrained-5"), published: true);
        Assert.Equal("retrained-5", await WaitForVersionAsync(client, id, "retrained-5"));
    }

    [Theory]
    [InlineData("mlnet-ffm")]
    [InlineData("mlnet-lambdarank")]
    public async Task AModelTrainedByMlNet_IsSwappedInLikeAnyOther_AndExplainsItsRecommendations(string trainer)
    {
        await using var factory = new SmartyAssessFactory(settings: new Dictionary<string, string?> { ["Recommender:RefreshInterval"] = "00:00:00.1" });
        var (client, id) = await StartAndSubmitAsync(factory);
        var questionnaire = factory.Services.GetRequiredService<QuestionnaireCatalog>().Current;
        var practices = Assessment.Recommendations.RecommenderInputs.Practices(factory.Services.GetRequiredService<Assessment.Catalogue.PracticeCatalogue>());
        // Firms of one region that took to every third practice, by their sector.
        var smes = Enumerable.Range(0, 60).Select(i => new SmeProfile($"firm{i}", questionnaire.Dimensions.ToDictionary(d => d.Id, d => (double)((i * 7) + d.Id.Length) % 100), "average",
            i % 2 == 0 ? "C" : "F", "small", "ITI1", ["finance"], [], [])).ToList();
        var labels = smes.SelectMany((s, i) => practices.Select((p, j) => new LabelledPair(s.Id, p.Id, (i + j) % 3 == 0 ? 1 : -1, 1))).ToList();
        var model = trainer == "mlnet-ffm"
            ? Recommender.MLNet.MlNetFfmTrainer.Train(smes, practices, labels, new Recommender.MLNet.MlNetFfmOptions(Iterations: 5))
            : Recommender.MLNet.MlNetLambdaRankTrainer.Train(smes, practices, labels, new Recommender.MLNet.MlNetLambdaRankOptions(Trees: 20, Leaves: 4, MinimumPerLeaf: 5));
        var json = ModelFile.Serialize(model, new ModelMetadata(trainer + "-1", null, TrainingSet.Hash(practices), "test", new Dictionary<string, double>(), null, TrainingSource.Feedback, trainer));

        await PublishAsync(factory, trainer + "-1", json, published: true);
        Assert.Equal(trainer + "-1", await WaitForVersionAsync(client, id, trainer + "-1"));

        var served = JsonNode.Parse(await client.GetStringAsync($"/api/assessments/{id}/recommendations"))!;
        var items = served["items"]!.AsArray();
        Assert.NotEmpty(items);
        Assert.Contains(items, i => i!["reasons"]!.AsArray().Count > 0);
        Assert.All(items.SelectMany(i => i!["reasons"]!.AsArray()), r => Assert.False(string.IsNullOrWhiteSpace(r!["text"]!.GetValue<string>())));
        var page = await factory.CreateClient().GetAsync($"/results/{id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task PublishedModel_IsServedByAnInstanceStartedLater()
    {
        var database = SmartyAssessFactory.TempDatabasePath();
        try
        {
            await using (var first = new SmartyAssessFactory(database))
            {
                first.CreateClient().Dispose();
                await PublishAsync(first, "retrained-at-start", Republished("retrained-at-start"), published: true);
            }

            await using var second = new SmartyAssessFactory(database);
            var (client, id) = await StartAndSubmitAsync(second);
            Assert.Equal("retrained-at-start", await ServedVersionAsync(client, id));
        }
        finally
        {
            SmartyAssessFactory.DeleteDatabase(database);
        }
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("damaged")]
    [InlineData("old-schema")]
    public async Task UnusableModelFile_ServesTheRulePrior_AndHealthSaysDegraded(string problem)
    {
        var directory = Directory.CreateTempSubdirectory("smartyassess-model-").FullName;
        var path = Path.Combine(directory, "model.json");
        var shipped = await File.ReadAllTextAsync(s_shippedPath);
        switch (problem)
        {
            case "damaged":
                await File.WriteAllTextAsync(path, shipped[..(shipped.Length / 2)]);
                break;
            case "old-schema":
                await File.WriteAllTextAsync(path, shipped.Replace("\"schemaVersion\":1", "\"schemaVersion\":0", StringComparison.Ordinal));
                break;
        }

        try
        {
            await using var factory = new SmartyAssessFactory(settings: new Dictionary<string, string?> { ["Recommender:ModelFile"] = path });
            var (client, id) = await StartAndSubmitAsync(factory);

            var json = JsonNode.Parse(await client.GetStringAsync($"/api/assessments/{id}/recommendations"))!;
            Assert.Equal("rule-prior", json["modelVersion"]!.GetValue<string>());
            Assert.Equal(5, json["items"]!.AsArray().Count);
            Assert.All(json["items"]!.AsArray(), i => Assert.NotEmpty(i!["reasons"]!.AsArray()));

            using var health = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal("Degraded", await health.Content.ReadAsStringAsync());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Feedback_BeyondTheLimit_Is409_AndEarlierFeedbackIsKept()
    {
        await using var factory = new SmartyAssessFactory(settings: new Dictionary<string, string?> { ["Recommender:MaxFeedbackPerAssessment"] = "2" });
        var (client, id) = await StartAndSubmitAsync(factory);
        var practices = JsonNode.Parse(await client.GetStringAsync($"/api/assessments/{id}/recommendations"))!["items"]!.AsArray()
            .Select(i => i!["practiceId"]!.GetValue<string>()).ToList();

        async Task<(HttpStatusCode Status, string? MediaType)> PostAsync(string practice)
        {
            using var response = await client.PostAsync($"/api/assessments/{id}/feedback", new StringContent($$"""{ "practiceId": "{{practice}}", "kind": "relevant" }""", Encoding.UTF8, "application/json"));
            return (response.StatusCode, response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(practices[0])).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(practices[1])).Status);
        Assert.Equal((HttpStatusCode.Conflict, "application/problem+json"), await PostAsync(practices[2]));

        var items = JsonNode.Parse(await client.GetStringAsync($"/api/assessments/{id}/recommendations"))!["items"]!.AsArray();
        Assert.Equal(2, items.Count(i => i!["feedback"]?.GetValue<string>() == "relevant"));
    }
}
