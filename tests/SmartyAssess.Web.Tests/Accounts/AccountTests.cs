using System.Buffers.Binary;
using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SmartyAssess.Data;
using SmartyAssess.Data.Accounts;
using SmartyAssess.Data.Entities;
using SmartyAssess.Web.Features.Accounts;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.Web.Tests.Accounts;

/// <summary>
/// The account rules of ASVS 5.0 level 2 where Identity's defaults fall short: password policy,
/// hashing cost and rehashing, lockout, sign-in throttling, the session cookie and its lifetimes.
/// </summary>
public sealed class AccountTests : IAsyncLifetime
{
    private const string Password = AccountTestKit.Password;

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    private SmartyAssessFactory _factory = default!;

    public Task InitializeAsync()
    {
        _factory = new SmartyAssessFactory { TestServices = s => s.AddSingleton<TimeProvider>(_clock) };
        _factory.CreateClient().Dispose();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private Task<SmartyUser> CreateUserAsync(string email, string password = Password, string role = Roles.Advisor) => AccountTestKit.CreateUserAsync(_factory, email, role, password);

    private async Task<SmartyUser> ReloadAsync(string email)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SmartyDbContext>().Users.AsNoTracking().SingleAsync(u => u.Email == email);
    }

    /// <summary>Posts the sign-in form from a fresh GET, as a browser would.</summary>
    private static async Task<HttpResponseMessage> SignInAsync(Browser browser, string email, string password, string? returnUrl = null)
    {
        var url = "/account/signin" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var page = await browser.GetOkAsync(url);
        return await browser.PostAsync(url, page, [new("Input.Email", email), new("Input.Password", password)]);
    }

    private static async Task<IDocument> PageAsync(HttpResponseMessage response) => Browser.Parse(await response.Content.ReadAsStringAsync());

    [Theory]
    [InlineData("elevenchars", false)]
    [InlineData("twelve chars", true)]
    [InlineData("alllowercasebutlongenough", true)]
    [InlineData("password", false)]
    [InlineData("password2024!", false)]
    [InlineData("Trustno1trustno1", false)]
    [InlineData("qwertyuiopasdf", false)]
    [InlineData("aaaaaaaaaaaaaaaa", false)]
    [InlineData("123456789012", false)]
    [InlineData("ĉiuj ŝafoj manĝas herbon", true)]
    public void PasswordRules_LengthAndCommonPasswords_NoCompositionRules(string password, bool accepted)
    {
        var rules = new PasswordRules(_factory.Services.GetRequiredService<CommonPasswords>());

        Assert.Equal(accepted, rules.Check(password, "advisor@hub.example") is null);
    }

    [Fact]
    public void PasswordRules_AllowUpTo128Characters()
    {
        var rules = new PasswordRules(_factory.Services.GetRequiredService<CommonPasswords>());

        Assert.Null(rules.Check(string.Concat(Enumerable.Repeat("a long walk ", 11))[..128], null));
        Assert.NotNull(rules.Check(new string('x', 64) + string.Concat(Enumerable.Repeat("yz", 33)), null));
    }

    [Fact]
    public async Task CreateUser_CommonPassword_IsRefusedWithAReason()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SmartyUser>>();

        var result = await users.CreateAsync(new SmartyUser { UserName = "a@hub.example", Email = "a@hub.example" }, "iloveyou1234");

        Assert.False(result.Succeeded);
        Assert.Contains("common", Assert.Single(result.Errors).Description, StringComparison.Ordinal);
    }

    [Fact]
    public void CommonPasswordList_HoldsAtLeastTheTop3000()
    {
        Assert.True(_factory.Services.GetRequiredService<CommonPasswords>().Count >= 3000);
    }

    [Fact]
    public async Task NewHash_UsesPbkdf2WithAtLeast210000Iterations()
    {
        await CreateUserAsync("hash@hub.example");

        Assert.True(Iterations((await ReloadAsync("hash@hub.example")).PasswordHash!) >= 210_000);
    }

    [Fact]
    public async Task OlderHash_StillSignsIn_AndIsRehashedAtTheNewCost()
    {
        var user = await CreateUserAsync("old@hub.example");
        var weak = new PasswordHasher<SmartyUser>(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = 100_000 }));
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SmartyDbContext>();
            var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
            stored.PasswordHash = weak.HashPassword(stored, Password);
            await db.SaveChangesAsync();
        }

        Assert.Equal(100_000, Iterations((await ReloadAsync("old@hub.example")).PasswordHash!));
        using var response = await SignInAsync(new Browser(_factory.CreateBrowser()), "old@hub.example", Password);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.True(Iterations((await ReloadAsync("old@hub.example")).PasswordHash!) >= 210_000);
    }

    /// <summary>The iteration count in an Identity V3 hash: format marker, PRF, iterations (big-endian).</summary>
    private static int Iterations(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        return (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4));
    }

    [Fact]
    public async Task SignIn_RightPassword_SetsAnHttpOnlySessionCookieAndOpensTheAccount()
    {
        await CreateUserAsync("advisor@hub.example");
        var browser = new Browser(_factory.CreateBrowser());

        using var response = await SignInAsync(browser, "advisor@hub.example", Password);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/account", Target(response));
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(AccountsRegistration.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", cookie, StringComparison.OrdinalIgnoreCase); // ends with the browser
        var account = await browser.GetOkAsync("/account");
        Assert.Equal("advisor@hub.example", account.QuerySelector("[data-testid=account-email]")!.TextContent);
        Assert.Contains("Advisor", account.QuerySelector("[data-testid=account-roles]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_OverHttps_NamesTheCookieWithTheHostPrefixAndMarksItSecure()
    {
        await CreateUserAsync("tls@hub.example");
        var browser = new Browser(_factory.CreateDefaultClient(new Uri("https://localhost"), new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler()));

        using var response = await SignInAsync(browser, "tls@hub.example", Password);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.Contains(AccountsRegistration.CookieName + "=", StringComparison.Ordinal));
        Assert.StartsWith("__Host-" + AccountsRegistration.CookieName + "=", cookie, StringComparison.Ordinal);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).Status);
    }

    [Theory]
    [InlineData("nobody@hub.example", Password)]
    [InlineData("advisor2@hub.example", "not the password at all")]
    public async Task SignIn_WrongEmailOrPassword_SaysSoWithoutTellingWhich(string email, string password)
    {
        await CreateUserAsync("advisor2@hub.example");

        using var response = await SignInAsync(new Browser(_factory.CreateBrowser()), email, password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("E-mail address or password is not right.", (await PageAsync(response)).QuerySelector("#signin-error")!.TextContent);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LockTheAccountForFifteenMinutes()
    {
        await CreateUserAsync("locked@hub.example");
        var browser = new Browser(_factory.CreateBrowser());
        for (var i = 0; i < 5; i++)
        {
            (await SignInAsync(browser, "locked@hub.example", "wrong password " + i)).Dispose();
        }

        using var right = await SignInAsync(browser, "locked@hub.example", Password);

        Assert.Contains("locked", (await PageAsync(right)).QuerySelector("#signin-error")!.TextContent, StringComparison.Ordinal);
        // Identity's lockout reads the system clock, not the app's TimeProvider.
        var user = await ReloadAsync("locked@hub.example");
        Assert.InRange(user.LockoutEnd!.Value - TimeProvider.System.GetUtcNow(), TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SmartyDbContext>();
            (await db.Users.SingleAsync(u => u.Id == user.Id)).LockoutEnd = TimeProvider.System.GetUtcNow().AddSeconds(-1); // the 15 minutes have passed
            await db.SaveChangesAsync();
        }

        using var later = await SignInAsync(browser, "locked@hub.example", Password);
        Assert.Equal(HttpStatusCode.Found, later.StatusCode);
    }

    [Fact]
    public async Task SignIn_TooManyAttemptsOnOneAccount_Is429WithRetryAfter()
    {
        var browser = new Browser(_factory.CreateBrowser());
        var options = _factory.Services.GetRequiredService<AccountOptions>();
        for (var i = 0; i < options.SignInAttemptsPerAccountPerMinute; i++)
        {
            using var allowed = await SignInAsync(browser, "target@hub.example", "guess number " + i);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var throttled = await SignInAsync(browser, "TARGET@hub.example", "one more guess");

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.True(throttled.Headers.RetryAfter?.Delta > TimeSpan.Zero, "no Retry-After");
        Assert.Contains("Too many sign-in attempts", (await PageAsync(throttled)).QuerySelector("#signin-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_TooManyAttemptsFromOneAddress_Is429EvenOnOtherAccounts()
    {
        var browser = new Browser(_factory.CreateBrowser());
        var options = _factory.Services.GetRequiredService<AccountOptions>();
        for (var i = 0; i < options.SignInAttemptsPerAddressPerMinute; i++)
        {
            (await SignInAsync(browser, $"user{i}@spray.example", "some guessed password")).Dispose();
        }

        using var throttled = await SignInAsync(browser, "fresh@spray.example", "some guessed password");

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
    }

    [Fact]
    public async Task Session_EndsAfter30MinutesIdle()
    {
        await CreateUserAsync("idle@hub.example");
        var browser = new Browser(_factory.CreateBrowser());
        (await SignInAsync(browser, "idle@hub.example", Password)).Dispose();

        _clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).Status);
        _clock.Advance(TimeSpan.FromMinutes(31));
        using var response = await browser.Client.GetAsync("/account");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.StartsWith("/account/signin", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_EndsTwelveHoursAfterSignIn_HoweverActive()
    {
        await CreateUserAsync("busy@hub.example");
        var browser = new Browser(_factory.CreateBrowser());
        (await SignInAsync(browser, "busy@hub.example", Password)).Dispose();

        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(11.5); elapsed += TimeSpan.FromMinutes(20))
        {
            _clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).Status);
        }

        _clock.Advance(TimeSpan.FromMinutes(40));
        using var response = await browser.Client.GetAsync("/account");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        await CreateUserAsync("out@hub.example");
        var browser = new Browser(_factory.CreateBrowser());
        (await SignInAsync(browser, "out@hub.example", Password)).Dispose();
        var account = await browser.GetOkAsync("/account");
        var form = account.QuerySelector("form[action='/account/signout']")!;

        using var signedOut = await browser.Client.PostAsync("/account/signout", new FormUrlEncodedContent(
            form.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value")!))));

        Assert.Equal(HttpStatusCode.Found, signedOut.StatusCode);
        using var after = await browser.Client.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Found, after.StatusCode);
    }

    [Fact]
    public async Task SignOut_WithoutAntiforgeryToken_IsRefused()
    {
        await CreateUserAsync("csrf@hub.example");
        var browser = new Browser(_factory.CreateBrowser());
        (await SignInAsync(browser, "csrf@hub.example", Password)).Dispose();

        using var forged = await browser.Client.PostAsync("/account/signout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).Status);
    }

    [Fact]
    public async Task DisabledAccount_CannotSignIn()
    {
        var user = await CreateUserAsync("gone@hub.example");
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SmartyDbContext>();
            (await db.Users.SingleAsync(u => u.Id == user.Id)).DisabledAt = DateTime.UnixEpoch;
            await db.SaveChangesAsync();
        }

        using var response = await SignInAsync(new Browser(_factory.CreateBrowser()), "gone@hub.example", Password);

        Assert.Contains("disabled", (await PageAsync(response)).QuerySelector("#signin-error")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/practices", "/practices")]
    [InlineData("//evil.example/phish", "/account")]
    [InlineData("https://evil.example/", "/account")]
    [InlineData("/\\evil.example", "/account")]
    public async Task SignIn_ReturnsOnlyToPagesOfThisSite(string returnUrl, string expected)
    {
        await CreateUserAsync("back@hub.example");

        using var response = await SignInAsync(new Browser(_factory.CreateBrowser()), "back@hub.example", Password, returnUrl);

        Assert.Equal(expected, Target(response));
    }

    /// <summary>Where a redirect leads, as a path; a redirect off this site fails the assertion.</summary>
    private static string Target(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = response.Headers.Location!;
        if (location.IsAbsoluteUri)
        {
            Assert.Equal("localhost", location.Host);
            return location.PathAndQuery;
        }

        return location.OriginalString;
    }

    [Fact]
    public async Task AccountPage_Anonymous_RedirectsToSignIn()
    {
        using var response = await _factory.CreateBrowser().GetAsync("/account");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/account/signin", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Roles_AreSeededOnEveryDatabase()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();

        foreach (var (_, name) in Roles.All)
        {
            Assert.True(await roles.RoleExistsAsync(name), name);
        }
    }

    private static async Task<HttpResponseMessage> ChangePasswordAsync(Browser browser, string current, string next, string? confirm = null)
    {
        var page = await browser.GetOkAsync("/account/password");
        return await browser.PostAsync("/account/password", page, [new("Form.Current", current), new("Form.New", next), new("Form.Confirm", confirm ?? next)]);
    }

    [Fact]
    public async Task ChangePassword_NewOneWorks_OldOneNot_AndOtherSessionsEndWithinAMinute()
    {
        await CreateUserAsync("change@hub.example");
        var here = new Browser(_factory.CreateBrowser());
        var elsewhere = new Browser(_factory.CreateBrowser());
        (await SignInAsync(here, "change@hub.example", Password)).Dispose();
        (await SignInAsync(elsewhere, "change@hub.example", Password)).Dispose();

        using var changed = await ChangePasswordAsync(here, Password, "a brand new sentence of words");

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotNull((await PageAsync(changed)).QuerySelector("[data-testid=password-changed]"));
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/account")).Status);
        using (var other = await elsewhere.Client.GetAsync("/account"))
        {
            Assert.Equal(HttpStatusCode.Found, other.StatusCode);
        }

        using var old = await SignInAsync(new Browser(_factory.CreateBrowser()), "change@hub.example", Password);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        using var fresh = await SignInAsync(new Browser(_factory.CreateBrowser()), "change@hub.example", "a brand new sentence of words");
        Assert.Equal(HttpStatusCode.Found, fresh.StatusCode);
    }

    [Theory]
    [InlineData("not my password at all", "another long new phrase", null, "The current password is not right.")]
    [InlineData(Password, "another long new phrase", "a different confirmation", "The two new passwords differ; type the same one twice.")]
    [InlineData(Password, "password123456", null, "This password is among the most common ones in leaked password lists; choose another.")]
    [InlineData(Password, "short", null, "Use at least 12 characters; a few words make a good password.")]
    public async Task ChangePassword_Refused_SaysWhyAndKeepsTheOldPassword(string current, string next, string? confirm, string message)
    {
        await CreateUserAsync("keep@hub.example");
        var browser = new Browser(_factory.CreateBrowser());
        (await SignInAsync(browser, "keep@hub.example", Password)).Dispose();

        using var refused = await ChangePasswordAsync(browser, current, next, confirm);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(message, (await PageAsync(refused)).QuerySelectorAll("#password-errors li").Select(li => li.TextContent));
        using var stillWorks = await SignInAsync(new Browser(_factory.CreateBrowser()), "keep@hub.example", Password);
        Assert.Equal(HttpStatusCode.Found, stillWorks.StatusCode);
    }

    [Fact]
    public async Task ChangePassword_KeepsTheTwelveHourLimitOfTheOriginalSignIn()
    {
        await CreateUserAsync("limit@hub.example");
        var browser = new Browser(_factory.CreateBrowser());
        (await SignInAsync(browser, "limit@hub.example", Password)).Dispose();
        for (var i = 0; i < 33; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(20)); // 11 hours in all, staying active
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).Status);
        }

        (await ChangePasswordAsync(browser, Password, "changed near the end of the day")).Dispose();
        _clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).Status);
        _clock.Advance(TimeSpan.FromMinutes(45));

        using var expired = await browser.Client.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Found, expired.StatusCode);
    }
}
