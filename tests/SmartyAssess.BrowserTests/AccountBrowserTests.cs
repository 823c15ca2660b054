using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartyAssess.Data.Entities;
using SmartyAssess.Web.Tests.Accounts;

namespace SmartyAssess.BrowserTests;

/// <summary>An advisor signs in, sees the account, and signs out, in Chromium; the pages pass axe.</summary>
public class AccountBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Password = "a quiet morning in Prato";

    [Fact]
    public async Task Advisor_SignsInWithAMistakeFirst_SeesTheAccount_AndSignsOut()
    {
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<SmartyUser>>();
            var user = new SmartyUser { UserName = "giulia@dih.example", Email = "giulia@dih.example" };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Advisor)).Succeeded);
        }

        var page = await app.NewPageAsync();
        await page.GotoAsync("/account");
        Assert.EndsWith("/account/signin?ReturnUrl=%2Faccount", page.Url, StringComparison.Ordinal);
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, "sign-in page");

        await page.GetByLabel("E-mail address").FillAsync("giulia@dih.example");
        await page.GetByLabel("Password").FillAsync("a quiet evening in Prato");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.Equal("E-mail address or password is not right.", await page.Locator("#signin-error").TextContentAsync());
        Assert.Equal("giulia@dih.example", await page.GetByLabel("E-mail address").InputValueAsync());
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, "sign-in page with an error");
        await BrowserFixture.ScreenshotAsync(page, "40-sign-in-error");

        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.EndsWith("/account", page.Url, StringComparison.Ordinal);
        Assert.Contains("Advisor", await page.Locator("[data-testid=account-roles]").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("giulia@dih.example", await page.Locator("[data-testid=signed-in-as]").TextContentAsync());
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, "account page");
        await BrowserFixture.ScreenshotAsync(page, "41-account");

        await page.GetByRole(AriaRole.Link, new() { Name = "Change your password" }).ClickAsync();
        await page.GetByLabel("Current password").FillAsync(Password);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("password123456");
        await page.GetByLabel("New password again").FillAsync("password123456");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        Assert.Contains("most common", await page.Locator("#password-errors").TextContentAsync(), StringComparison.Ordinal);
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, "change-password page with errors");
        await BrowserFixture.ScreenshotAsync(page, "42-change-password-refused");

        await page.GotoAsync("/account/2fa");
        Assert.True(await page.Locator("img[alt^='QR code']").EvaluateAsync<bool>("i => i.complete && i.naturalWidth > 0"), "the QR code did not render");
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, "two-factor set-up page");
        await BrowserFixture.ScreenshotAsync(page, "43-two-factor-setup");
        var key = await page.Locator("[data-testid=authenticator-key]").TextContentAsync();
        await page.GetByLabel("Code from the app").FillAsync(AccountTestKit.Totp(key!));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        Assert.Equal(10, await page.Locator("[data-testid=recovery-codes] li").CountAsync());

        // An advisor is refused administration.
        await page.GotoAsync("/admin");
        Assert.Contains("/account/denied", page.Url, StringComparison.Ordinal);
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, "access denied page");
        await BrowserFixture.ScreenshotAsync(page, "44-access-denied");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        // The next sign-in asks for the code.
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("E-mail address").FillAsync("giulia@dih.example");
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.Contains("/account/signin/2fa", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("Code").FillAsync("123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.Contains("not right", await page.Locator("#code-error").TextContentAsync(), StringComparison.Ordinal);
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, "second sign-in step with an error");
        await BrowserFixture.ScreenshotAsync(page, "45-second-step-error");
        await page.GetByLabel("Code").FillAsync(AccountTestKit.Totp(key!));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.EndsWith("/account", page.Url, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        Assert.Equal("You are signed out.", (await page.Locator("[role=status]").TextContentAsync())?.Trim());
        await page.GotoAsync("/account");
        Assert.Contains("/account/signin", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_SignsInWithTheSecondFactor_AndSeesTheHubs()
    {
        string key;
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<SmartyUser>>();
            var admin = new SmartyUser { UserName = "root@smarty.example", Email = "root@smarty.example" };
            Assert.True((await users.CreateAsync(admin, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(admin, Roles.Admin)).Succeeded);
            await users.ResetAuthenticatorKeyAsync(admin);
            await users.SetTwoFactorEnabledAsync(admin, true);
            key = (await users.GetAuthenticatorKeyAsync(admin))!;
            var db = scope.ServiceProvider.GetRequiredService<SmartyAssess.Data.SmartyDbContext>();
            db.Hubs.Add(new HubRecord { Id = Guid.NewGuid(), Name = "Digital Innovation Hub Toscana", Slug = "dih-toscana", Country = "IT", Regions = ["ITI1", "ITI4"], ShareCode = "TSCNY234" });
            await db.SaveChangesAsync();
        }

        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/signin?returnUrl=%2Fadmin");
        await page.GetByLabel("E-mail address").FillAsync("root@smarty.example");
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Code").FillAsync(AccountTestKit.Totp(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        Assert.EndsWith("/admin", page.Url, StringComparison.Ordinal);
        Assert.Contains("TSCNY234", await page.Locator("[data-testid=hubs]").TextContentAsync(), StringComparison.Ordinal);
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, "administration page");
        await BrowserFixture.ScreenshotAsync(page, "46-administration");
    }
}
