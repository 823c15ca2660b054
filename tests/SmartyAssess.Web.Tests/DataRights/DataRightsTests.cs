using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SmartyAssess.Data.Entities;
using SmartyAssess.Web.Features.DataRights;
using SmartyAssess.Web.Features.Journey;
using SmartyAssess.Web.Tests.Hubs;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.Web.Tests.DataRights;

/// <summary>The firm downloads everything held about its assessment, erases it (410 afterwards), and abandoned drafts are purged.</summary>
public sealed class DataRightsTests : IAsyncLifetime
{
    private readonly SmartyAssessFactory _factory = new();
    private HubRecord _hub = default!;
    private Browser _firm = default!;
    private Browser _advisor = default!;
    private string _t0 = "";
    private string _t1 = "";
    private Guid _t0Id;
    private string _resumeToken = "";

    public async Task InitializeAsync()
    {
        _hub = await HubTestKit.CreateHubAsync(_factory, "rights-hub");
        await HubTestKit.CreateAdvisorAsync(_factory, "ugo@rights-hub.example", _hub);
        _advisor = await HubTestKit.SignedInAsync(_factory, "ugo@rights-hub.example");
        _firm = new Browser(_factory.CreateBrowser());

        // T0 through the browser (so it has a resume token), with feedback, impressions, a share, a note, a plan entry and a T1.
        await Infrastructure.Journey.StartAsync(_firm);
        await Infrastructure.Journey.CompleteAllStepsAsync(_firm, _factory.Services.GetRequiredService<QuestionnaireCatalog>().Current);
        _resumeToken = Infrastructure.Journey.ResumeLink(await _firm.GetOkAsync("/assessment/saved")).Split('/')[^1];
        _t0 = (await Infrastructure.Journey.SubmitAsync(_firm)).Split('/')[2].Split('?')[0];
        _t0Id = await HubTestKit.AssessmentIdAsync(_factory, _t0);
        var results = await _firm.GetOkAsync($"/results/{_t0}");
        var practiceId = results.QuerySelector("form[action$='/feedback'] input[name=practiceId]")!.GetAttribute("value")!;
        await _firm.SubmitAndRedirectAsync(results, "form[action$='/feedback']", [new("kind", "relevant")]);
        await HubTestKit.ShareAsync(_firm, _t0, _hub, label: "Erase Me Srl");
        var client = await _advisor.GetOkAsync($"/hub/clients/{_t0Id}");
        await _advisor.SubmitAndRedirectAsync(client, $"form[action='/hub/clients/{_t0Id}/notes']", [new("text", "Met the owner on Monday.")]);
        await _advisor.SubmitAndRedirectAsync(client, "form.add-plan-item", [new("practiceId", practiceId), new("owner", "Owner"), new("status", "planned"), new("targetDate", "")]);
        await _advisor.SubmitAndRedirectAsync(client, $"[data-practice='{practiceId}'] form", [new("kind", "planned")]);
        results = await _firm.GetOkAsync($"/results/{_t0}");
        await _firm.SubmitAndRedirectAsync(results, $"form[action='/results/{_t0}/reassess']", []);
        _t1 = (await Infrastructure.Journey.SubmitAsync(_firm)).Split('/')[2].Split('?')[0];
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Export_HoldsAnswersScoresRecommendationsFeedbackSharesPlanAndNotes()
    {
        using var client = _factory.CreateClient();

        using var download = await _firm.Client.GetAsync($"/results/{_t0}/export");
        var api = await client.GetFromJsonAsync<JsonElement>($"/api/assessments/{_t0}/export");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        var file = JsonDocument.Parse(await download.Content.ReadAsStringAsync()).RootElement;
        foreach (var document in new[] { file, api })
        {
            Assert.Equal("smartyassess-export/1", document.GetProperty("format").GetString());
            Assert.Equal(_t0, document.GetProperty("assessment").GetProperty("resultId").GetString());
            Assert.True(document.GetProperty("assessment").GetProperty("answers").EnumerateObject().Any());
            Assert.Equal(6, document.GetProperty("result").GetProperty("dimensions").GetArrayLength());
            Assert.True(document.GetProperty("recommendationsShown").GetArrayLength() > 0);
            Assert.Equal(["sme", "advisor"], document.GetProperty("feedback").EnumerateArray().Select(f => f.GetProperty("source").GetString()));
            var share = Assert.Single(document.GetProperty("shares").EnumerateArray());
            Assert.Equal(_hub.Name, share.GetProperty("hub").GetString());
            Assert.Equal("Erase Me Srl", share.GetProperty("firmLabel").GetString());
            Assert.Equal("Met the owner on Monday.", Assert.Single(document.GetProperty("advisorNotes").EnumerateArray()).GetProperty("text").GetString());
            Assert.Equal("planned", Assert.Single(document.GetProperty("actionPlan").EnumerateArray()).GetProperty("status").GetString());
            // Advisors are named by their hub only.
            Assert.DoesNotContain("ugo@rights-hub.example", document.GetRawText());
        }
    }

    [Fact]
    public async Task Erasure_NeedsConfirmation()
    {
        var page = await _firm.GetOkAsync($"/results/{_t0}/erase");

        using var response = await _firm.SubmitAsync(page, "main form[method=post]", [], $"/results/{_t0}/erase");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Tick the box", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await _firm.GetAsync($"/results/{_t0}")).Status);
    }

    [Fact]
    public async Task Erasure_LeavesNoRowThatReferencesTheAssessment_AndTheLinksAnswer410()
    {
        var (resumeHash, t1Id) = await HubTestKit.InScopeAsync(_factory, async db =>
            (await db.Assessments.Where(a => a.Id == _t0Id).Select(a => a.ResumeTokenHash).SingleAsync(), await HubTestKit.AssessmentIdAsync(_factory, _t1)));
        var consentIds = await HubTestKit.InScopeAsync(_factory, db => db.ShareConsents.Where(c => c.AssessmentId == _t0Id).Select(c => c.Id).ToListAsync());
        var page = await _firm.GetOkAsync($"/results/{_t0}/erase");

        Assert.Equal("/erased", await _firm.SubmitAndRedirectAsync(page, "main form[method=post]", [new("Form.Confirm", "yes")], $"/results/{_t0}/erase"));

        // Every cell of every table, as text and as bytes, checked for the assessment's id, result id, consent ids and resume-token hash.
        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection($"Data Source={_factory.DatabasePath}");
        await connection.OpenAsync();
        var needles = new[] { _t0Id.ToString(), _t0 }.Concat(consentIds.Select(c => c.ToString())).ToList();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("ShareConsents", tables);
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i);
                    var text = value as string ?? (value is byte[] bytes ? Convert.ToHexString(bytes) : value.ToString() ?? "");
                    Assert.DoesNotContain(needles, n => text.Contains(n, StringComparison.OrdinalIgnoreCase));
                    Assert.False(value is byte[] b && resumeHash is not null && b.AsSpan().SequenceEqual(resumeHash), $"{table} keeps the resume-token hash");
                }
            }
        }

        Assert.Equal(HttpStatusCode.Gone, (await _firm.GetAsync($"/results/{_t0}")).Status);
        var (resumeStatus, resumePage) = await _firm.GetAsync("/resume/" + _resumeToken);
        Assert.Equal(HttpStatusCode.Gone, resumeStatus);
        Assert.Equal("This assessment was erased", resumePage.QuerySelector("h1")!.TextContent);
        using var client = _factory.CreateClient();
        foreach (var url in new[] { $"/api/assessments/{_t0}", $"/api/assessments/{_t0}/recommendations", $"/api/assessments/{_t0}/history", $"/api/assessments/{_t0}/export" })
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }

        Assert.Equal(HttpStatusCode.Gone, (await client.DeleteAsync($"/api/assessments/{_t0}")).StatusCode);
        // The later assessment stays, without its link to the erased one, and the advisor loses the client.
        Assert.Null(await HubTestKit.InScopeAsync(_factory, db => db.Assessments.Where(a => a.Id == t1Id).Select(a => a.PreviousAssessmentId).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await _firm.GetAsync($"/results/{_t1}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _advisor.GetAsync($"/hub/clients/{_t0Id}")).Status);
    }

    [Fact]
    public async Task ApiErasure_Is204_ThenGone_AndUnknownIdsAre404()
    {
        using var client = _factory.CreateClient();

        // Two erasures at once (a double click): one erases, the other finds it gone.
        var statuses = await Task.WhenAll(client.DeleteAsync($"/api/assessments/{_t1}"), client.DeleteAsync($"/api/assessments/{_t1}"));
        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.Gone], statuses.Select(r => r.StatusCode).Order());
        Assert.Equal(HttpStatusCode.Gone, (await client.GetAsync($"/api/assessments/{_t1}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync("/api/assessments/AAAAAAAAAAAAAAAAAAAAAA")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync("/api/assessments/short")).StatusCode);
    }

    [Fact]
    public async Task Purge_DeletesOnlyDraftsUnsavedForTheRetentionPeriod_AndTwoInstancesAtOnceAreHarmless()
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var old = Guid.NewGuid();
        var fresh = Guid.NewGuid();
        await HubTestKit.InScopeAsync(_factory, async db =>
        {
            db.Assessments.Add(new AssessmentRecord { Id = old, QuestionnaireVersion = "2026.1", CreatedAt = now.AddDays(-200), UpdatedAt = now.AddDays(-91) });
            db.Assessments.Add(new AssessmentRecord { Id = fresh, QuestionnaireVersion = "2026.1", CreatedAt = now.AddDays(-200), UpdatedAt = now.AddDays(-89) });
            // A submitted assessment this old stays: only drafts are purged.
            await db.Assessments.Where(a => a.Id == _t0Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.UpdatedAt, now.AddDays(-400)));
            return await db.SaveChangesAsync();
        });
        var purge = _factory.Services.GetRequiredService<DraftPurge>();

        var counts = await Task.WhenAll(purge.PurgeOnceAsync(CancellationToken.None), purge.PurgeOnceAsync(CancellationToken.None));

        Assert.Equal(1, counts.Sum());
        var left = await HubTestKit.InScopeAsync(_factory, db => db.Assessments.Select(a => a.Id).ToListAsync());
        Assert.DoesNotContain(old, left);
        Assert.Contains(fresh, left);
        Assert.Contains(_t0Id, left);
    }
}
