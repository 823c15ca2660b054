using System.Globalization;

namespace SmartyAssess.Web.Features.Results;

internal static class ScoreFormat
{
    /// <summary>
    /// One decimal at most, so that a score just above a band threshold (25.4) does not read as the
    /// threshold; written as the page's language writes numbers (25,4 in Italian). For people only:
    /// the API and files carry numbers, not this text.
    /// </summary>
    public static string Format(double? score) => score is { } s ? s.ToString("0.#", CultureInfo.CurrentUICulture) : "–";
}
