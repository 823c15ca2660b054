using System.Net;
using SmartyAssess.Data.Entities;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.Web.Tests.Accounts;

/// <summary>TOTP two-factor sign-in: set-up with an authenticator app, the second step, recovery codes, and administrators.</summary>
public sealed class TwoFactorTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static string Path(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        return response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString;
    }

    private Task CreateUserAsync(string email, string role) => AccountTestKit.CreateUserAsync(app.Factory, email, role);

    private static Task<HttpResponseMessage> SignInAsync(Browser browser, string email) => AccountTestKit.SignInAsync(browser, email);

    /// <summary>Turns two-factor sign-in on from the set-up page, as the person would with their app; returns the key and the recovery codes.</summary>
    private static async Task<(string Key, List<string> RecoveryCodes)> EnableAsync(Browser browser)
    {
        var setup = await browser.GetOkAsync("/account/2fa");
        var key = setup.QuerySelector("[data-testid=authenticator-key]")!.TextContent;
        Assert.StartsWith("data:image/png;base64,", setup.QuerySelector("img[alt^='QR code']")!.GetAttribute("src"), StringComparison.Ordinal);

        using var enabled = await browser.PostAsync("/account/2fa", setup, [new("Form.Code", AccountTestKit.Totp(key))]);
        var page = Browser.Parse(await enabled.Content.ReadAsStringAsync());
        Assert.NotNull(page.QuerySelector("[data-testid='2fa-enabled']"));
        return (key, [.. page.QuerySelectorAll("[data-testid=recovery-codes] li").Select(li => li.TextContent)]);
    }

    [Fact]
    public async Task Advisor_TurnsOnTwoFactor_ThenSignInAsksForTheCode()
    {
        await CreateUserAsync("totp@hub.example", Roles.Advisor);
        var browser = new Browser(app.Factory.CreateBrowser());
        Assert.Equal("/account", Path(await SignInAsync(browser, "totp@hub.example")));

        var (key, recovery) = await EnableAsync(browser);
        Assert.Equal(10, recovery.Count);

        var next = new Browser(app.Factory.CreateBrowser());
        using var password = await SignInAsync(next, "totp@hub.example");
        Assert.Equal("/account/signin/2fa", Path(password));
        Assert.Equal(HttpStatusCode.Found, (await next.Client.GetAsync("/account")).StatusCode); // not signed in yet

        using var code = await AccountTestKit.PostPageFormAsync(next, "/account/signin/2fa", ("Form.Code", AccountTestKit.Totp(key)));
        Assert.Equal("/account", Path(code));
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync("/account")).Status);
    }

    [Fact]
    public async Task SetUp_WrongCode_IsRefusedAndTwoFactorStaysOff()
    {
        await CreateUserAsync("typo@hub.example", Roles.Advisor);
        var browser = new Browser(app.Factory.CreateBrowser());
        (await SignInAsync(browser, "typo@hub.example")).Dispose();

        using var wrong = await AccountTestKit.PostPageFormAsync(browser, "/account/2fa", ("Form.Code", "000000"));

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("not right", Browser.Parse(await wrong.Content.ReadAsStringAsync()).QuerySelector("#code-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/account", Path(await SignInAsync(new Browser(app.Factory.CreateBrowser()), "typo@hub.example")));
    }

    [Fact]
    public async Task RecoveryCode_SignsInOnce()
    {
        await CreateUserAsync("lostphone@hub.example", Roles.Advisor);
        var browser = new Browser(app.Factory.CreateBrowser());
        (await SignInAsync(browser, "lostphone@hub.example")).Dispose();
        var (_, recovery) = await EnableAsync(browser);

        var first = new Browser(app.Factory.CreateBrowser());
        (await SignInAsync(first, "lostphone@hub.example")).Dispose();
        Assert.Equal("/account", Path(await AccountTestKit.PostPageFormAsync(first, "/account/signin/2fa", ("Form.Code", recovery[0]))));

        var again = new Browser(app.Factory.CreateBrowser());
        (await SignInAsync(again, "lostphone@hub.example")).Dispose();
        using var reused = await AccountTestKit.PostPageFormAsync(again, "/account/signin/2fa", ("Form.Code", recovery[0]));
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
    }

    [Fact]
    public async Task SecondStep_WithoutThePasswordStep_SaysToSignInAgain()
    {
        var page = await new Browser(app.Factory.CreateBrowser()).GetOkAsync("/account/signin/2fa");

        Assert.Contains("Sign in again", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main form"));
    }

    [Fact]
    public async Task Admin_WithoutSecondFactor_IsSentToSetUp_AndKeptOutOfAdministration()
    {
        await CreateUserAsync("root@smarty.example", Roles.Admin);
        var browser = new Browser(app.Factory.CreateBrowser());

        Assert.Equal("/account/2fa?required=1", Path(await SignInAsync(browser, "root@smarty.example")));
        var setup = await browser.GetOkAsync("/account/2fa?required=1");
        Assert.NotNull(setup.QuerySelector("[data-testid='2fa-required']"));
        using var denied = await browser.Client.GetAsync("/admin");
        Assert.Equal("/account/denied", Path(denied).Split('?')[0]);
        var (status, explanation) = await browser.GetAsync(Path(denied));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.NotNull(explanation.QuerySelector("[data-testid=denied-needs-2fa]"));

        // With the second factor set up and used at sign-in, administration opens.
        var (key, _) = await EnableAsync(browser);
        var fresh = new Browser(app.Factory.CreateBrowser());
        (await SignInAsync(fresh, "root@smarty.example")).Dispose();
        (await AccountTestKit.PostPageFormAsync(fresh, "/account/signin/2fa", ("Form.Code", AccountTestKit.Totp(key)))).Dispose();
        var admin = await fresh.GetOkAsync("/admin");
        Assert.Equal("Administration", admin.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Advisor_CannotOpenAdministration_EvenWithTwoFactor()
    {
        await CreateUserAsync("notadmin@hub.example", Roles.Advisor);
        var browser = new Browser(app.Factory.CreateBrowser());
        (await SignInAsync(browser, "notadmin@hub.example")).Dispose();

        using var response = await browser.Client.GetAsync("/admin");

        Assert.Equal("/account/denied", Path(response).Split('?')[0]);
    }
}
