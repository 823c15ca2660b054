using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;
using SmartyAssess.Assessment.Questionnaires;

namespace SmartyAssess.Web.Features.Languages;

/// <summary>
/// Which language a request is answered in: <c>?lang=</c> for a link or an API call, else the
/// switcher's cookie, else the browser's Accept-Language, else English (ADR 0023).
/// </summary>
public static class LanguageRegistration
{
    public const string CookieName = "SmartyAssess.Language";
    public const string QueryKey = "lang";
    public const string SwitchPath = "/language";

    private static readonly CultureInfo s_formatting = CultureInfo.GetCultureInfo(SupportedLanguages.Source);

    public static IHostApplicationBuilder AddLanguages(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            // Only the UI culture follows the language. Numbers in SVG, CSV and the API stay
            // culture-free; dates and scores shown to people use the UI culture explicitly.
            options.DefaultRequestCulture = new RequestCulture(s_formatting, s_formatting);
            options.SupportedCultures = [s_formatting];
            options.SupportedUICultures = [.. SupportedLanguages.All.Select(l => CultureInfo.GetCultureInfo(l.Code))];
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = QueryKey, UIQueryStringKey = QueryKey },
                new CookieRequestCultureProvider { CookieName = CookieName },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        builder.Services.AddSingleton(sp => new TranslationReview(
            sp.GetRequiredService<Journey.QuestionnaireCatalog>(), sp.GetRequiredService<Catalogue.CatalogueTexts>(), Path.Combine(AppContext.BaseDirectory, TranslationReview.Folder)));
        return builder;
    }

    /// <summary>Sets the request's language and says in Content-Language which one a page or API answer is in.</summary>
    public static WebApplication UseLanguages(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.Use((context, next) =>
        {
            var language = PageLanguage.Current;
            // A link with ?lang= opens the site in that language, not just the one page: the
            // journey's redirects carry no query string.
            if (!context.Request.Path.StartsWithSegments("/api") && PageLanguage.Find(context.Request.Query[QueryKey].ToString()) is { } linked)
            {
                RememberChoice(context, linked);
            }

            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                var type = context.Response.ContentType ?? "";
                if (type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) || type.Contains("json", StringComparison.OrdinalIgnoreCase) || type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
                {
                    // Problem details are worded in English; the one that carries a respondent's
                    // validation messages in the request's language says so itself.
                    if (!headers.ContainsKey(HeaderNames.ContentLanguage) && !type.StartsWith("application/problem+json", StringComparison.OrdinalIgnoreCase))
                    {
                        headers.ContentLanguage = language;
                    }

                    // The language comes from the cookie as well as the header.
                    headers.Append(HeaderNames.Vary, "Accept-Language, Cookie");
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    /// <summary>POST /language: the switcher's form. Works without script; returns to the page it came from.</summary>
    public static WebApplication MapLanguages(this WebApplication app)
    {
        app.MapPost(SwitchPath, (HttpContext context, [Microsoft.AspNetCore.Mvc.FromForm(Name = "language")] string? language, [Microsoft.AspNetCore.Mvc.FromForm(Name = "returnUrl")] string? returnUrl) =>
        {
            if (PageLanguage.Find(language) is { } code)
            {
                RememberChoice(context, code);
            }

            return TypedResults.Redirect(LocalReturnUrl(returnUrl), permanent: false, preserveMethod: false);
        })
        .WithName("SwitchLanguage")
        .ExcludeFromDescription();
        return app;
    }

    private static void RememberChoice(HttpContext context, string code) =>
        context.Response.Cookies.Append(
            CookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(s_formatting, CultureInfo.GetCultureInfo(code))),
            new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365),
                HttpOnly = true,
                IsEssential = true,
                SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                Path = "/",
            });

    /// <summary>
    /// For endpoints whose texts are English whatever the caller asks (the hubs' and partners' data
    /// APIs and downloads, made for tools and spreadsheets): says so in Content-Language.
    /// </summary>
    public static TBuilder AnswersInEnglish<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.ContentLanguage = SupportedLanguages.Source;
            return await next(context);
        });

    /// <summary>
    /// Only a path on this site, without the <c>?lang=</c> that would override the new choice; anything
    /// else goes to the start page, so the form cannot be used to redirect elsewhere.
    /// </summary>
    internal static string LocalReturnUrl(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl[0] != '/' || returnUrl.StartsWith("//", StringComparison.Ordinal) || returnUrl.StartsWith("/\\", StringComparison.Ordinal) || returnUrl.Any(char.IsControl))
        {
            return "/";
        }

        var query = returnUrl.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
        {
            return returnUrl;
        }

        var fragment = returnUrl.IndexOf('#', StringComparison.Ordinal);
        var path = returnUrl[..query];
        var queryString = fragment > query ? returnUrl[(query + 1)..fragment] : returnUrl[(query + 1)..];
        var kept = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(queryString)
            .Where(p => !p.Key.Equals(QueryKey, StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, kept) + (fragment > query ? returnUrl[fragment..] : "");
    }
}
