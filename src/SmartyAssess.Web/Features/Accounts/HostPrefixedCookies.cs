using Microsoft.AspNetCore.Authentication.Cookies;

namespace SmartyAssess.Web.Features.Accounts;

/// <summary>
/// Names the session cookie <c>__Host-…</c> over HTTPS (ASVS 5.0 3.3.3: Secure, path /, no domain,
/// so no sibling host can set or overwrite it). Browsers refuse a <c>__Host-</c> cookie that is not
/// Secure, so over plain HTTP, which only a developer's machine or the test suite uses, the same
/// cookie goes without the prefix.
/// </summary>
internal sealed class HostPrefixedCookies : ICookieManager
{
    private const string Prefix = "__Host-";
    private readonly ChunkingCookieManager _inner = new();

    public static string NameFor(HttpContext context, string name) => context.Request.IsHttps ? Prefix + name : name;

    public string? GetRequestCookie(HttpContext context, string key) => _inner.GetRequestCookie(context, NameFor(context, key));

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options)
    {
        if (context.Request.IsHttps)
        {
            options.Secure = true;
            options.Path = "/";
            options.Domain = null;
        }

        _inner.AppendResponseCookie(context, NameFor(context, key), value, options);
    }

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) => _inner.DeleteCookie(context, NameFor(context, key), options);
}
