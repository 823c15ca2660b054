using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SmartyAssess.Web.Tests.Infrastructure;

/// <summary>
/// Drives the server-rendered pages the way a browser without script would: it reads the form on
/// the page, sends its antiforgery token and handler name back, and follows redirects on request.
/// </summary>
public sealed class Browser(HttpClient client)
{
    private static readonly HtmlParser s_parser = new();

    public HttpClient Client { get; } = client;

    public static IDocument Parse(string html) => s_parser.ParseDocument(html);

    public async Task<(HttpStatusCode Status, IDocument Page)> GetAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        return (response.StatusCode, Parse(await response.Content.ReadAsStringAsync()));
    }

    public async Task<IDocument> GetOkAsync(string url)
    {
        var (status, page) = await GetAsync(url);
        Assert.True(status == HttpStatusCode.OK, $"GET {url} gave {(int)status}: {page.Body?.TextContent.Trim()[..Math.Min(300, page.Body?.TextContent.Trim().Length ?? 0)]}");
        return page;
    }

    /// <summary>Posts the first form in the main content of <paramref name="page"/> (fetched from <paramref name="url"/>) with the given fields.</summary>
    public async Task<HttpResponseMessage> PostAsync(string url, IDocument page, IEnumerable<KeyValuePair<string, string>> fields)
    {
        // The page's own form, not the layout's sign-out form in the header.
        var form = page.QuerySelector("main form[method=post]") ?? page.QuerySelector("form[method=post]") ?? throw new InvalidOperationException($"No form on {url}");
        var content = new List<KeyValuePair<string, string>>();
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden]"))
        {
            content.Add(new(hidden.GetAttribute("name")!, hidden.GetAttribute("value") ?? ""));
        }

        content.AddRange(fields);
        return await Client.PostAsync(url, new FormUrlEncodedContent(content));
    }

    /// <summary>
    /// Submits the form matched by <paramref name="selector"/> as a browser would: to its action (or
    /// <paramref name="pageUrl"/> when it has none), with its hidden fields and <paramref name="fields"/>.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(IDocument page, string selector, IEnumerable<KeyValuePair<string, string>> fields, string? pageUrl = null)
    {
        var form = page.QuerySelector(selector) ?? throw new InvalidOperationException($"No form {selector} on the page");
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl ?? throw new InvalidOperationException("The form has no action; give the page's URL");
        var content = form.QuerySelectorAll("input[type=hidden]").Select(h => new KeyValuePair<string, string>(h.GetAttribute("name")!, h.GetAttribute("value") ?? "")).ToList();
        content.AddRange(fields);
        return await Client.PostAsync(action, new FormUrlEncodedContent(content));
    }

    /// <summary>Submits a form (see <see cref="SubmitAsync"/>) and expects a redirect; returns its target.</summary>
    public async Task<string> SubmitAndRedirectAsync(IDocument page, string selector, IEnumerable<KeyValuePair<string, string>> fields, string? pageUrl = null)
    {
        using var response = await SubmitAsync(page, selector, fields, pageUrl);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Found, $"Submitting {selector} gave {(int)response.StatusCode} instead of a redirect: {ErrorText(Parse(body))}");
        return response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString;
    }

    /// <summary>Posts and expects a redirect; returns its target path.</summary>
    public async Task<string> PostAndRedirectAsync(string url, IDocument page, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var response = await PostAsync(url, page, fields);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Found, $"POST {url} gave {(int)response.StatusCode} instead of a redirect: {ErrorText(Parse(body))}");
        return response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString;
    }

    /// <summary>Posts and expects the page to come back (a rejected form); returns it.</summary>
    public async Task<IDocument> PostAndStayAsync(string url, IDocument page, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var response = await PostAsync(url, page, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Parse(await response.Content.ReadAsStringAsync());
    }

    public static string ErrorText(IDocument page)
    {
        var errors = string.Join(" | ", page.QuerySelectorAll(".text-danger, #error-summary li").Select(e => e.TextContent.Trim()));
        var text = page.Body?.TextContent.Trim() ?? "";
        return errors.Length > 0 ? errors : text[..Math.Min(400, text.Length)];
    }
}
