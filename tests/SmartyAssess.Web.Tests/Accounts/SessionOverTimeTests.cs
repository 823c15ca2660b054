using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SmartyAssess.Data;
using SmartyAssess.Data.Entities;
using SmartyAssess.Web.Features.Accounts;
using SmartyAssess.Web.Features.Assessments;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.Web.Tests.Accounts;

/// <summary>
/// Sessions over time with a second factor, what failed sign-ins reveal, guessing through the
/// change-password form, and the throttle's address key.
/// </summary>
public sealed class SessionOverTimeTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(TimeProvider.System.GetUtcNow());

    private SmartyAssessFactory _factory = default!;

    public Task InitializeAsync()
    {
        _factory = new SmartyAssessFactory { TestServices = s => s.AddSingleton<TimeProvider>(_clock) };
        _factory.CreateClient().Dispose();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private Task CreateUserAsync(string email, string role) => AccountTestKit.CreateUserAsync(_factory, email, role);

    private static Task<HttpResponseMessage> SignInAsync(Browser browser, string email, string password = AccountTestKit.Password) => AccountTestKit.SignInAsync(browser, email, password);

    [Fact]
    public async Task TwoFactorSetUp_TakingLongerThanTheRevalidationInterval_StillCompletes()
    {
        await CreateUserAsync("slow@hub.example", Roles.Advisor);
        var browser = new Browser(_factory.CreateBrowser());
        (await SignInAsync(browser, "slow@hub.example")).Dispose();
        var setup = await browser.GetOkAsync("/account/2fa");
        var key = setup.QuerySelector("[data-testid=authenticator-key]")!.TextContent;

        _clock.Advance(TimeSpan.FromMinutes(3)); // scanning the code, finding the phone
        using var enabled = await browser.PostAsync("/account/2fa", setup, [new("Form.Code", AccountTestKit.Totp(key))]);

        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.NotNull(Browser.Parse(await enabled.Content.ReadAsStringAsync()).QuerySelector("[data-testid='2fa-enabled']"));
    }

    [Fact]
    public async Task Admin_SignedInWithSecondFactor_KeepsAdministrationAfterRevalidation()
    {
        await CreateUserAsync("steady@smarty.example", Roles.Admin);
        var setupBrowser = new Browser(_factory.CreateBrowser());
        (await SignInAsync(setupBrowser, "steady@smarty.example")).Dispose();
        var setup = await setupBrowser.GetOkAsync("/account/2fa");
        var key = setup.QuerySelector("[data-testid=authenticator-key]")!.TextContent;
        (await setupBrowser.PostAsync("/account/2fa", setup, [new("Form.Code", AccountTestKit.Totp(key))])).Dispose();

        var browser = new Browser(_factory.CreateBrowser());
        (await SignInAsync(browser, "steady@smarty.example")).Dispose();
        (await AccountTestKit.PostPageFormAsync(browser, "/account/signin/2fa", ("Form.Code", AccountTestKit.Totp(key)))).Dispose();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin")).Status);

        for (var i = 0; i < 4; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(5)); // several security-stamp checks
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin")).Status);
        }
    }

    [Fact]
    public async Task DisabledAccount_WrongPassword_GetsTheSameAnswerAsAnUnknownAddress()
    {
        await CreateUserAsync("off@hub.example", Roles.Advisor);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SmartyDbContext>();
            (await db.Users.SingleAsync(u => u.Email == "off@hub.example")).DisabledAt = DateTime.UnixEpoch;
            await db.SaveChangesAsync();
        }

        using var response = await SignInAsync(new Browser(_factory.CreateBrowser()), "off@hub.example", "some guessed password");

        Assert.Equal("E-mail address or password is not right.", Browser.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("#signin-error")!.TextContent);
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPasswords_CountTowardsLockoutAndAreThrottled()
    {
        await CreateUserAsync("stolen@hub.example", Roles.Advisor);
        var browser = new Browser(_factory.CreateBrowser());
        (await SignInAsync(browser, "stolen@hub.example")).Dispose();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var guess = await AccountTestKit.PostPageFormAsync(browser, "/account/password", ("Form.Current", "guess number " + i), ("Form.New", "a new long password here"), ("Form.Confirm", "a new long password here"));
            statuses.Add(guess.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        await using var scope = _factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<SmartyDbContext>().Users.AsNoTracking().SingleAsync(u => u.Email == "stolen@hub.example");
        Assert.NotNull(user.LockoutEnd);
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa::1", "20010DB800010002::/64")]
    [InlineData("2001:db8:1:2:bbbb::99", "20010DB800010002::/64")]
    public void ThrottleKey_GroupsIpv6ByTheirSlash64(string address, string key)
    {
        Assert.Equal(key, SignInThrottle.AddressKey(IPAddress.Parse(address)));
    }

    private sealed record ProbeRequest(List<string> Ids, IReadOnlyDictionary<string, string> Labels);

    [Theory]
    [InlineData("""{ "ids": ["a", null], "labels": {} }""", "ids")]
    [InlineData("""{ "ids": [], "labels": { "x": null } }""", "labels")]
    public void NonNullElements_AlsoCoversRecordsAndReadOnlyDictionaries(string json, string member)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ProbeRequest>(json, JsonBody.Options));

        Assert.Equal(member, error.Data[NonNullElements.MemberKey]);
    }
}
