using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmartyAssess.Data;
using SmartyAssess.Data.Entities;
using SmartyAssess.Web.Tests.Accounts;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.Web.Tests.Hubs;

/// <summary>Hubs, advisors and shared assessments for the workspace, sharing and data-rights tests.</summary>
public static class HubTestKit
{
    public static async Task<HubRecord> CreateHubAsync(SmartyAssessFactory factory, string slug, bool disabled = false)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmartyDbContext>();
        var hub = new HubRecord
        {
            Id = Guid.NewGuid(),
            Name = $"Hub {slug}",
            Slug = slug,
            Country = "IT",
            Regions = ["ITI1"],
            // Unique per hub, from the share-code alphabet.
            ShareCode = string.Concat(slug.ToUpperInvariant().Where(c => "ABCDEFGHJKMNPQRSTUVWXYZ23456789".Contains(c))).PadRight(8, 'X')[..8],
            CreatedAt = DateTime.UnixEpoch,
            DisabledAt = disabled ? DateTime.UnixEpoch : null,
        };
        db.Hubs.Add(hub);
        await db.SaveChangesAsync();
        return hub;
    }

    public static async Task<SmartyUser> CreateAdvisorAsync(SmartyAssessFactory factory, string email, HubRecord hub)
    {
        var user = await AccountTestKit.CreateUserAsync(factory, email, Roles.Advisor);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SmartyUser>>();
        var stored = await users.FindByIdAsync(user.Id.ToString());
        stored!.HubId = hub.Id;
        Assert.True((await users.UpdateAsync(stored)).Succeeded);
        return stored;
    }

    public static async Task<Browser> SignedInAsync(SmartyAssessFactory factory, string email)
    {
        var browser = new Browser(factory.CreateBrowser());
        using var response = await AccountTestKit.SignInAsync(browser, email);
        Assert.Equal(System.Net.HttpStatusCode.Found, response.StatusCode);
        return browser;
    }

    /// <summary>Submits the sample firm's assessment through the API; returns the result id.</summary>
    public static async Task<string> SubmitAsync(SmartyAssessFactory factory, HttpClient? client = null)
    {
        var questionnaire = factory.Services.GetRequiredService<Web.Features.Journey.QuestionnaireCatalog>().Current;
        using var own = client is null ? factory.CreateClient() : null;
        using var response = await (client ?? own!).PostAsJsonAsync("/api/assessments", SampleAnswers.ApiRequest(questionnaire));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return body.GetProperty("id").GetString()!;
    }

    public static async Task<Guid> AssessmentIdAsync(SmartyAssessFactory factory, string resultId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmartyDbContext>();
        return await db.Results.Where(r => r.Id == resultId).Select(r => r.AssessmentId).SingleAsync();
    }

    /// <summary>Shares the result with the hub through the results page, as the firm would: the preview, then the confirmation.</summary>
    public static async Task ShareAsync(Browser firm, string resultId, HubRecord hub, string? label = null)
    {
        var url = $"/results/{resultId}/share?code={hub.ShareCode}";
        var preview = await firm.GetOkAsync(url);
        var fields = label is null ? [] : new[] { new KeyValuePair<string, string>("Form.Label", label) };
        Assert.StartsWith($"/results/{resultId}?sharing=shared", await firm.SubmitAndRedirectAsync(preview, "form.share-confirm", fields, url));
    }

    public static async Task<T> InScopeAsync<T>(SmartyAssessFactory factory, Func<SmartyDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<SmartyDbContext>());
    }
}
