using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using SmartyAssess.Data.Entities;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.Web.Tests.Accounts;

/// <summary>What the account tests share: making a user, posting a page's own form, and computing a TOTP code as an app would.</summary>
public static class AccountTestKit
{
    public const string Password = "correct horse battery staple";

    public static async Task<SmartyUser> CreateUserAsync(SmartyAssessFactory factory, string email, string role = Roles.Advisor, string password = Password)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SmartyUser>>();
        var user = new SmartyUser { UserName = email, Email = email, CreatedAt = DateTime.UnixEpoch };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user;
    }

    /// <summary>GETs the page, then posts its own form with <paramref name="fields"/>, as a browser would.</summary>
    public static async Task<HttpResponseMessage> PostPageFormAsync(Browser browser, string url, params (string Name, string Value)[] fields)
    {
        var page = await browser.GetOkAsync(url);
        return await browser.PostAsync(url, page, fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
    }

    public static Task<HttpResponseMessage> SignInAsync(Browser browser, string email, string password = Password) =>
        PostPageFormAsync(browser, "/account/signin", ("Input.Email", email), ("Input.Password", password));

    /// <summary>RFC 6238 as authenticator apps compute it: HMAC-SHA1 over 30-second steps of the system clock (which Identity reads), six digits.</summary>
    public static string Totp(string base32Key)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(base32Key.ToUpperInvariant().Where(c => c != ' ' && c != '=').Select(c => Convert.ToString(alphabet.IndexOf(c), 2).PadLeft(5, '0')));
        var key = Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() / 30);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var value = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }
}
