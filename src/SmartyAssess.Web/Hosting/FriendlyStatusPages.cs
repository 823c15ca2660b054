using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using SmartyAssess.Web.Components.Pages;

namespace SmartyAssess.Web.Hosting;

/// <summary>
/// Gives an empty error response a body: problem details on the API, a page in plain words elsewhere.
/// A page is rendered directly rather than re-executing the request, because re-executing a failed
/// form POST would hit the same antiforgery check again.
/// </summary>
internal static class FriendlyStatusPages
{
    public static IApplicationBuilder UseFriendlyStatusPages(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await next();
        var response = context.Response;
        if (response.HasStarted || response.StatusCode < 400 || response.ContentLength > 0 || !string.IsNullOrEmpty(response.ContentType))
        {
            return;
        }

        if (context.Request.Path.StartsWithSegments("/api"))
        {
            var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context });
            return;
        }

        await RenderAsync(context, response.StatusCode);
    });

    /// <summary>
    /// A form posted with a missing or stale antiforgery token (a page left open for days, a
    /// restarted browser) gets a page that says what to do, not the framework's one-line message.
    /// </summary>
    public static IApplicationBuilder UseFriendlyAntiforgeryFailures(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false } && !context.Request.Path.StartsWithSegments("/api"))
        {
            await RenderAsync(context, StatusCodes.Status400BadRequest);
            return;
        }

        await next();
    });

    private static Task RenderAsync(HttpContext context, int statusCode) =>
        new RazorComponentResult<StatusPage>(new { StatusCode = statusCode }) { StatusCode = statusCode }.ExecuteAsync(context);
}
