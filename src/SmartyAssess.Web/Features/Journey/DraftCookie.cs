namespace SmartyAssess.Web.Features.Journey;

/// <summary>
/// Remembers the draft in this browser so the steps' URLs carry no secret. The resume link sets the
/// same cookie on another device.
/// </summary>
internal static class DraftCookie
{
    public const string Name = "SmartyAssess.Draft";

    public static string? Read(HttpContext context) =>
        context.Request.Cookies.TryGetValue(Name, out var token) && ResumeToken.IsWellFormed(token) ? token : null;

    public static void Delete(HttpContext context) =>
        context.Response.Cookies.Delete(Name, new CookieOptions { Path = "/", Secure = context.Request.IsHttps, HttpOnly = true, SameSite = SameSiteMode.Lax });

    public static void Write(HttpContext context, string token, TimeProvider time) =>
        context.Response.Cookies.Append(Name, token, new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            Path = "/",
            // Persistent, so that closing the browser does not lose the draft either.
            Expires = time.GetUtcNow().AddDays(90),
        });
}
