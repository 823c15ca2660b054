using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartyAssess.Assessment.Questionnaires;
using SmartyAssess.Web.Features.Journey;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.BrowserTests;

/// <summary>
/// The app on real Kestrel (a free loopback port) and Debian's Chromium driven by Playwright.
/// Playwright's own browser download cannot work here, so the system browser is used.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public SmartyAssessFactory Factory { get; } = new();

    public IBrowser Browser { get; private set; } = default!;

    public string BaseUrl { get; private set; } = "";

    public Questionnaire Questionnaire => Factory.Services.GetRequiredService<QuestionnaireCatalog>().Current;

    /// <summary>Screenshots are test artefacts; the test script points this at TestResults/screenshots.</summary>
    public static string ScreenshotDirectory { get; } =
        Environment.GetEnvironmentVariable("SMARTY_SCREENSHOTS") is { Length: > 0 } configured ? configured : Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing. Run ./test.sh, which installs Debian's chromium package, or install it with apt-get.");
        }

        Factory.UseKestrel(0);
        Factory.StartServer();
        BaseUrl = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        Directory.CreateDirectory(ScreenshotDirectory);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A page in a fresh browser profile; <paramref name="locale"/> sets its Accept-Language, as a visitor's browser would.</summary>
    public async Task<IPage> NewPageAsync(string? locale = null, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = locale,
            JavaScriptEnabled = javaScript,
        });
        return await context.NewPageAsync();
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    /// <summary>One part of a page, at full resolution, for looking at details a full-page image shrinks away.</summary>
    public static Task ScreenshotAsync(ILocator part, string name) =>
        part.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png") });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }
}
