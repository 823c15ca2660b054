using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SmartyAssess.Assessment.Scoring;
using SmartyAssess.Data;
using SmartyAssess.Web.Features.Assessments;
using SmartyAssess.Web.Features.Journey;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.Web.Tests.Data;

public class RecomputeTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task StoredResult_RecomputedFromItsStoredAnswersAndVersions_IsTheSame()
    {
        using var created = await app.Factory.CreateClient().PostAsJsonAsync("/api/assessments", SampleAnswers.ApiRequest(app.Questionnaire));
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmartyDbContext>();
        var stored = await db.Results.AsNoTracking().Include(r => r.Assessment).SingleAsync(r => r.Id == id);
        var questionnaire = scope.ServiceProvider.GetRequiredService<QuestionnaireCatalog>().Find(stored.QuestionnaireVersion)!;

        var recomputed = Scorer.Score(questionnaire, AssessmentMapping.ToSubmission(stored.Assessment!).Answers, stored.ScoringVersion);

        Assert.Equal(stored.OverallScore, (double?)recomputed.Overall);
        Assert.Equal(stored.OverallBand, recomputed.OverallBand?.ToId());
        Assert.Equal(stored.WeakestDimensionId, recomputed.WeakestDimensionId);
        Assert.Equal(
            stored.Dimensions.Select(d => (d.DimensionId, d.Score, d.Band, d.Level, d.DontKnowCount)),
            recomputed.Dimensions.Select(d => (d.DimensionId, (double?)d.Score, d.Band?.ToId(), d.Level, d.DontKnowCount)));
    }
}
