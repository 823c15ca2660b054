using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartyAssess.Assessment.Questionnaires;
using SmartyAssess.Web.Tests.Hubs;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.Web.Tests.Progress;

/// <summary>T0 → T1: a re-assessment pre-filled from the last one, its deltas, the targets and the history API.</summary>
public sealed class ReassessmentTests(AppFixture app) : IClassFixture<AppFixture>
{
    private Questionnaire Questionnaire => app.Questionnaire;

    /// <summary>Submits T0 in the browser, re-assesses with the first dimension's answers changed to "don't know", submits T1.</summary>
    private async Task<(Browser Firm, string T0, string T1)> SeriesAsync()
    {
        var firm = app.NewBrowser();
        await Infrastructure.Journey.StartAsync(firm);
        await Infrastructure.Journey.CompleteAllStepsAsync(firm, Questionnaire);
        var t0 = (await Infrastructure.Journey.SubmitAsync(firm)).Split('/')[2].Split('?')[0];

        var results = await firm.GetOkAsync($"/results/{t0}");
        Assert.Equal("/assessment/profile?reassessment=1", await firm.SubmitAndRedirectAsync(results, $"form[action='/results/{t0}/reassess']", []));

        // Pre-filled: the review lists no missing answer.
        var review = await firm.GetOkAsync("/assessment/review");
        Assert.DoesNotContain("Not answered yet", review.Body!.TextContent);
        var first = Questionnaire.Dimensions[0];
        await Infrastructure.Journey.SaveStepAsync(firm, first.Id, first.Questions.Select(q => new KeyValuePair<string, string>("q." + q.Id, "__dk")));
        var t1 = (await Infrastructure.Journey.SubmitAsync(firm)).Split('/')[2].Split('?')[0];
        Assert.NotEqual(t0, t1);
        return (firm, t0, t1);
    }

    [Fact]
    public async Task Reassessment_IsPrefilled_LinkedAsASeries_AndShowsTheChange()
    {
        var (firm, t0, t1) = await SeriesAsync();

        var (before, after) = await HubTestKit.InScopeAsync(app.Factory, async db =>
            (await db.Results.Include(r => r.Assessment).SingleAsync(r => r.Id == t0), await db.Results.Include(r => r.Assessment).SingleAsync(r => r.Id == t1)));
        Assert.NotNull(before.Assessment!.SeriesId);
        Assert.Equal(before.Assessment.SeriesId, after.Assessment!.SeriesId);
        Assert.Equal(before.AssessmentId, after.Assessment.PreviousAssessmentId);
        Assert.Equal(before.Assessment.Profile, after.Assessment.Profile);

        var page = await firm.GetOkAsync($"/results/{t1}");
        foreach (var dimension in after.Dimensions)
        {
            var earlier = before.Dimensions.Single(d => d.DimensionId == dimension.DimensionId);
            var expected = dimension.Score is { } now && earlier.Score is { } then ? Signed(Math.Round(now - then, 1)) : "–";
            Assert.Equal(expected, page.QuerySelector($"[data-testid='score-change-{dimension.DimensionId}']")!.TextContent);
        }

        Assert.Contains(Signed(Math.Round(after.OverallScore!.Value - before.OverallScore!.Value, 1)), page.QuerySelector("[data-testid=overall-change]")!.TextContent);
        Assert.NotNull(page.QuerySelector("svg.radar-chart polygon[data-series=previous]"));
        Assert.Equal(2, page.QuerySelectorAll("[data-testid=series] li").Length);
        // The older page links to the newer one too.
        Assert.Contains((await firm.GetOkAsync($"/results/{t0}")).QuerySelectorAll("[data-testid=series] a"), a => a.GetAttribute("href") == $"/results/{t1}");
    }

    [Fact]
    public async Task HistoryApi_GivesTheSeriesWithDeltas_AndDefaultTargetsOneLevelUp()
    {
        var (_, t0, t1) = await SeriesAsync();
        using var client = app.Factory.CreateClient();

        var history = await client.GetFromJsonAsync<JsonElement>($"/api/assessments/{t1}/history");

        var series = history.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal([t0, t1], series.Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(JsonValueKind.Null, series[0].GetProperty("overallChange").ValueKind);
        var (before, after) = await HubTestKit.InScopeAsync(app.Factory, async db => (await db.Results.SingleAsync(r => r.Id == t0), await db.Results.SingleAsync(r => r.Id == t1)));
        Assert.Equal(Math.Round(after.OverallScore!.Value - before.OverallScore!.Value, 1), series[1].GetProperty("overallChange").GetDouble(), 1);
        foreach (var dimension in after.Dimensions.Where(d => d.Level is not null))
        {
            Assert.Equal(Math.Min(5, dimension.Level!.Value + 1), history.GetProperty("targets").GetProperty(dimension.DimensionId).GetInt32());
        }
    }

    [Fact]
    public async Task Targets_CanBeChanged_AndBadValuesAreRefusedWithAMessage()
    {
        var (firm, _, t1) = await SeriesAsync();
        var dimension = Questionnaire.Dimensions[1].Id;
        var page = await firm.GetOkAsync($"/results/{t1}");

        Assert.StartsWith($"/results/{t1}?targets=saved", await firm.SubmitAndRedirectAsync(page, "form.targets-form", [new($"target.{dimension}", "5")]));
        page = await firm.GetOkAsync($"/results/{t1}");
        Assert.Equal("5", page.QuerySelector($"[data-testid='target-{dimension}']")!.TextContent);

        var refused = await firm.SubmitAndRedirectAsync(page, "form.targets-form", [new($"target.{dimension}", "9")]);
        Assert.StartsWith($"/results/{t1}?targets=invalid", refused);
        Assert.Contains("could not be saved", (await firm.GetOkAsync(refused)).QuerySelector(".targets-form .alert")!.TextContent);
        var stored = await HubTestKit.InScopeAsync(app.Factory, db => db.Results.Where(r => r.Id == t1).Select(r => r.Assessment!.Targets).SingleAsync());
        Assert.Equal(5, stored[dimension]);
    }

    [Fact]
    public async Task HistoryOfAnUnknownAssessment_Is404()
    {
        using var client = app.Factory.CreateClient();

        using var response = await client.GetAsync("/api/assessments/AAAAAAAAAAAAAAAAAAAAAA/history");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task AdvisorReassessment_IsSharedWithTheHub_AndTheClientShowsBothAssessments()
    {
        var hub = await HubTestKit.CreateHubAsync(app.Factory, "series-hub");
        await HubTestKit.CreateAdvisorAsync(app.Factory, "lia@series-hub.example", hub);
        var advisor = await HubTestKit.SignedInAsync(app.Factory, "lia@series-hub.example");
        var t0 = await HubTestKit.SubmitAsync(app.Factory);
        await HubTestKit.ShareAsync(app.NewBrowser(), t0, hub);
        var id = await HubTestKit.AssessmentIdAsync(app.Factory, t0);

        var client = await advisor.GetOkAsync($"/hub/clients/{id}");
        Assert.StartsWith("/assessment/profile", await advisor.SubmitAndRedirectAsync(client, $"form[action='/hub/clients/{id}/reassess']", []));
        var submitted = await Infrastructure.Journey.SubmitAsync(advisor);

        // The advisor lands on the client page, never on the firm's results link (the firm's capability).
        Assert.Matches("^/hub/clients/[0-9a-f-]{36}\\?done=reassessed$", submitted);
        var t1Id = Guid.Parse(submitted.Split('/')[3].Split('?')[0]);
        var (t1, resumeHash) = await HubTestKit.InScopeAsync(app.Factory, async db =>
            (await db.Results.Where(r => r.AssessmentId == t1Id).Select(r => r.Id).SingleAsync(), await db.Assessments.Where(a => a.Id == t1Id).Select(a => a.ResumeTokenHash).SingleAsync()));
        Assert.Null(resumeHash);
        Assert.Equal(HttpStatusCode.NotFound, (await advisor.GetAsync("/assessment/review")).Status);

        var list = await advisor.GetOkAsync("/hub");
        var row = Assert.Single(list.QuerySelectorAll(".clients-table tbody tr"));
        Assert.Equal("2", row.QuerySelectorAll("td").Last().TextContent);
        var page = await advisor.GetOkAsync(submitted);
        Assert.Contains("re-assessment is submitted", page.QuerySelector("[data-testid=client-message]")!.TextContent);
        Assert.NotNull(page.QuerySelector("[data-testid=overall-change]"));
        // The firm sees the share of the new assessment and can stop it.
        Assert.Contains(hub.Name, (await app.NewBrowser().GetOkAsync($"/results/{t1}")).QuerySelector("[data-testid=active-shares]")!.TextContent);
    }

    [Fact]
    public async Task RevokingTheShare_AlsoEndsItOnTheAdvisorsUnfinishedReassessment()
    {
        var hub = await HubTestKit.CreateHubAsync(app.Factory, "draft-hub");
        await HubTestKit.CreateAdvisorAsync(app.Factory, "ivo@draft-hub.example", hub);
        var advisor = await HubTestKit.SignedInAsync(app.Factory, "ivo@draft-hub.example");
        var firm = app.NewBrowser();
        var t0 = await HubTestKit.SubmitAsync(app.Factory);
        await HubTestKit.ShareAsync(firm, t0, hub);
        var id = await HubTestKit.AssessmentIdAsync(app.Factory, t0);
        var client = await advisor.GetOkAsync($"/hub/clients/{id}");
        await advisor.SubmitAndRedirectAsync(client, $"form[action='/hub/clients/{id}/reassess']", []);

        var results = await firm.GetOkAsync($"/results/{t0}");
        await firm.SubmitAndRedirectAsync(results, "[data-testid=active-shares] form", []);

        var active = await HubTestKit.InScopeAsync(app.Factory, db => db.ShareConsents.CountAsync(c => c.HubId == hub.Id && c.RevokedAt == null));
        Assert.Equal(0, active);
    }

    private static string Signed(double change) =>
        (change > 0 ? "+" : change < 0 ? "−" : "±") + Math.Abs(change).ToString("0.#", CultureInfo.InvariantCulture);
}
