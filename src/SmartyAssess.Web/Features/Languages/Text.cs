using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace SmartyAssess.Web.Features.Languages;

/// <summary>Helpers for texts from the resources in <c>Texts/</c>, so translators see whole sentences.</summary>
public static class Text
{
    /// <summary>A resource text with its <c>{0}</c>… placeholders filled, numbers written as in the page's language.</summary>
    public static string Format(string format, params object?[] args) => string.Format(CultureInfo.CurrentUICulture, format, args);

    /// <summary>The document title of a page: "Results – SmartyAssess" in the page's language.</summary>
    public static string Title(string page) => Format(SiteText.TitleSuffix, page);

    /// <summary>
    /// A sentence whose placeholders are markup (a link, an emphasis), rendered in the order the
    /// translation puts them; the text around them is encoded as text.
    /// </summary>
    public static RenderFragment Parts(string format, params RenderFragment[] parts) => builder =>
    {
        var start = 0;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '{')
            {
                continue;
            }

            var end = format.IndexOf('}', i);
            if (end < 0 || !int.TryParse(format.AsSpan(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= parts.Length)
            {
                continue;
            }

            builder.AddContent(0, format[start..i]);
            builder.AddContent(1, parts[index]);
            start = end + 1;
            i = end;
        }

        builder.AddContent(2, format[start..]);
    };
}
