using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.Web.Tests.Hosting;

/// <summary>What start-up does with the questionnaire files: validate them, archive them, refuse silent edits.</summary>
public sealed class StartupTests : IDisposable
{
    private static readonly string s_shipped = Path.Combine(AppContext.BaseDirectory, "data", "questionnaire");
    private readonly string _database = SmartyAssessFactory.TempDatabasePath();
    private readonly DirectoryInfo _questionnaires = Directory.CreateTempSubdirectory("smartyassess-questionnaire-");

    public void Dispose()
    {
        SmartyAssessFactory.DeleteDatabase(_database);
        _questionnaires.Delete(recursive: true);
    }

    private SmartyAssessFactory Start() =>
        new(_database, new Dictionary<string, string?> { ["Questionnaire:Directory"] = _questionnaires.FullName });

    private JsonObject Shipped() =>
        JsonNode.Parse(File.ReadAllText(Directory.GetFiles(s_shipped, "questionnaire.*.json").Single()))!.AsObject();

    private void Write(string name, JsonObject questionnaire) =>
        File.WriteAllText(Path.Combine(_questionnaires.FullName, name), questionnaire.ToJsonString());

    /// <summary>Submits the sample firm through the API and returns its results page.</summary>
    private static async Task<string> SubmitSampleAsync(SmartyAssessFactory factory)
    {
        var questionnaire = factory.Services.GetRequiredService<Web.Features.Journey.QuestionnaireCatalog>().Current;
        using var created = await factory.CreateClient().PostAsJsonAsync("/api/assessments", SampleAnswers.ApiRequest(questionnaire));
        created.EnsureSuccessStatusCode();
        return JsonNode.Parse(await created.Content.ReadAsStringAsync())!["resultsPage"]!.GetValue<string>();
    }

    private static Exception StartupFailure(SmartyAssessFactory factory)
    {
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        while (error is AggregateException { InnerException: { } inner })
        {
            error = inner;
        }

        return error;
    }

    [Fact]
    public async Task InvalidQuestionnaire_StopsStartUpNamingFileItemAndProblem()
    {
        var broken = Shipped();
        broken["dimensions"]![0]!["questions"]![0]!["options"]![3]!["points"] = 7;
        Write("questionnaire.broken.json", broken);
        await using var factory = Start();

        var error = StartupFailure(factory);

        Assert.Contains("questionnaire.broken.json: dimension 'strategy', question 'strategy-plan', option 'level-3': points: must be 6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditedVersionWithAnswers_StopsStartUpAndAsksForANewVersion()
    {
        Write("questionnaire.2026.1.json", Shipped());
        await using (var first = Start())
        {
            await SubmitSampleAsync(first);
        }

        var edited = Shipped();
        edited["dimensions"]![0]!["questions"]![0]!["text"]!["en"] = "A quietly reworded question";
        Write("questionnaire.2026.1.json", edited);
        await using var second = Start();

        var error = StartupFailure(second);

        Assert.Contains("Publish the change under a new version number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OldVersionRemovedFromDisk_ItsResultsStillShowWithTheirQuestions()
    {
        Write("questionnaire.2026.1.json", Shipped());
        string resultsUrl;
        await using (var first = Start())
        {
            resultsUrl = await SubmitSampleAsync(first);
        }

        File.Delete(Path.Combine(_questionnaires.FullName, "questionnaire.2026.1.json"));
        var next = Shipped();
        next["version"] = "2026.2";
        next["dimensions"]![0]!["title"]!["en"] = "Strategy (renamed in 2026.2)";
        Write("questionnaire.2026.2.json", next);
        await using var second = Start();

        var page = await new Browser(second.CreateBrowser()).GetOkAsync(resultsUrl);

        Assert.Contains("questionnaire version 2026.1", page.QuerySelector("article.results header")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Digital business strategy", page.QuerySelector("#dimension-strategy h3")!.TextContent);
        var current = JsonNode.Parse(await second.CreateClient().GetStringAsync("/api/questionnaire"))!;
        Assert.Equal("2026.2", current["version"]!.GetValue<string>());
    }
}
