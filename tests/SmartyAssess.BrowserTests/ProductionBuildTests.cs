using System.Diagnostics;
using Microsoft.Playwright;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.BrowserTests;

/// <summary>
/// The app as users deploy it: the <c>dotnet publish</c> output, and the plain build output, each
/// run in Production as its own process. A 200 for the stylesheet is not enough (the build output
/// once answered gzip requests with an empty body and no Content-Type, and Chromium refused it), so
/// these read what Chromium actually applied.
/// </summary>
public sealed class ProductionBuildTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>test.sh publishes once and names the folder; run alone, the test publishes itself.</summary>
    private static readonly Lazy<Task<string>> s_published = new(PublishAsync);

    public static TheoryData<string> Builds() => ["published", "build output"];

    [Theory]
    [MemberData(nameof(Builds))]
    public async Task InProduction_PagesAreStyledAndTheScriptRuns(string build)
    {
        var directory = build == "published" ? await s_published.Value : AppProcess.BuildOutput;
        var database = SmartyAssessFactory.TempDatabasePath();
        try
        {
            await using var app = await AppProcess.StartAsync(directory, new Dictionary<string, string> { ["ConnectionStrings__SmartyAssess"] = $"Data Source={database}" });
            var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            var page = await context.NewPageAsync();
            var refused = new List<string>();
            page.Response += (_, response) =>
            {
                if (response.Status >= 400)
                {
                    refused.Add($"{response.Status} {response.Url}");
                }
            };
            page.RequestFailed += (_, request) =>
            {
                // blazor.web.js cancels its own fetch when a newer navigation supersedes it; that is the
                // page's choice, not the server refusing anything.
                if (!(request.ResourceType == "fetch" && request.Failure == "net::ERR_ABORTED"))
                {
                    refused.Add($"failed {request.Url}: {request.Failure}");
                }
            };

            await page.GotoAsync("/");
            var start = page.GetByRole(AriaRole.Button, new() { Name = "Start the assessment" });

            // Bootstrap draws the button from --bs-btn-bg, and app.css sets that to the accent colour:
            // only both stylesheets together give this background.
            Assert.Equal("rgb(11, 83, 148)", await start.EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor"));
            Assert.NotEqual("0px", await start.EvaluateAsync<string>("b => getComputedStyle(b).borderTopLeftRadius"));
            await BrowserFixture.ScreenshotAsync(page, $"30-production-{build.Replace(' ', '-')}-landing");

            // app.js shows only the chosen country's regions.
            await start.ClickAsync();
            await page.WaitForURLAsync(url => url.EndsWith("/assessment/profile", StringComparison.Ordinal));
            await page.GetByLabel("Country").SelectOptionAsync("IT");
            Assert.True(await page.Locator("select[data-parent] optgroup[data-parent-value='ES']").EvaluateAsync<bool>("g => g.hidden"), "app.js did not run: the Spanish regions are still offered for Italy");
            Assert.False(await page.Locator("select[data-parent] optgroup[data-parent-value='IT']").EvaluateAsync<bool>("g => g.hidden"));

            Assert.True(refused.Count == 0, string.Join("\n", refused));
            await context.CloseAsync();
        }
        finally
        {
            SmartyAssessFactory.DeleteDatabase(database);
        }
    }

    private static async Task<string> PublishAsync()
    {
        if (Environment.GetEnvironmentVariable("SMARTY_PUBLISHED_APP") is { Length: > 0 } published)
        {
            return published;
        }

        var output = Directory.CreateTempSubdirectory("smartyassess-publish-").FullName;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppProcess.RepositoryRoot };
        foreach (var argument in new[] { "publish", "src/SmartyAssess.Web", "-c", "Release", "-o", output, "--nologo" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var log = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"dotnet publish failed: {await log}{await errors}");
    }
}
