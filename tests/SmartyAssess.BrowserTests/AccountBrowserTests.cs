using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartyAssess.Data.Entities;

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

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        Assert.Equal("You are signed out.", (await page.Locator("[role=status]").TextContentAsync())?.Trim());
        await page.GotoAsync("/account");
        Assert.Contains("/account/signin", page.Url, StringComparison.Ordinal);
    }
}
