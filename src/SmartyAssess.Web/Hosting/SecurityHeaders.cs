namespace SmartyAssess.Web.Hosting;

internal static class SecurityHeaders
{
    // 'self' only: the pages need no inline script or style. base-uri is 'self' rather than the
    // 'none' ASVS 3.4.3 asks for, because Blazor's <base href> needs it (reliability-security.md §1.4).
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // Pages and API responses that carry a firm's answers or the secret of a link must not be cached.
    private static readonly string[] s_private = ["/assessment", "/resume", "/results", "/api/assessments"];

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (s_private.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        await next();
    });
}
