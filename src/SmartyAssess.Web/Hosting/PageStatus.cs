namespace SmartyAssess.Web.Hosting;

internal static class PageStatus
{
    /// <summary>
    /// Sends the page's own explanation with a 404. Setting the status during rendering would make
    /// .NET 10's component endpoint drop the body and leave the response to status-code pages
    /// (dotnet/aspnetcore#60970), so the status is set just before the headers go out instead.
    /// </summary>
    public static void NotFoundWithContent(HttpContext context) => WithStatus(context, StatusCodes.Status404NotFound);

    /// <summary>Sends the page with another status (and headers), for the same reason as <see cref="NotFoundWithContent"/>.</summary>
    public static void WithStatus(HttpContext context, int status, params (string Name, string Value)[] headers) =>
        context.Response.OnStarting(() =>
        {
            context.Response.StatusCode = status;
            foreach (var (name, value) in headers)
            {
                context.Response.Headers[name] = value;
            }

            return Task.CompletedTask;
        });
}
