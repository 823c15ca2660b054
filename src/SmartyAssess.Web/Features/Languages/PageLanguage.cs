using System.Globalization;
using SmartyAssess.Assessment.Questionnaires;

namespace SmartyAssess.Web.Features.Languages;

/// <summary>The language a request is answered in, as chosen by <see cref="LanguageRegistration"/>.</summary>
public static class PageLanguage
{
    /// <summary>The request's language code ("it"), one of <see cref="SupportedLanguages.All"/>.</summary>
    public static string Current => Find(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) ?? SupportedLanguages.Source;

    /// <summary>The request's language if this questionnaire version has it, else the version's own language.</summary>
    public static string For(Questionnaire questionnaire) =>
        questionnaire.Languages.Contains(Current, StringComparer.OrdinalIgnoreCase) ? Current : questionnaire.DefaultLanguage;

    /// <summary>The supported code for a code as a user or a client wrote it ("IT", "it-IT"), or null.</summary>
    public static string? Find(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var neutral = code.Split('-', '_')[0];
        return SupportedLanguages.All.Select(l => l.Code).FirstOrDefault(c => c.Equals(neutral, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A language's name in itself, for the switcher.</summary>
    public static string NameOf(string code) => SupportedLanguages.All.First(l => l.Code == code).Name;

    /// <summary>
    /// A date as people in the page's language write it, without the weekday: "2 December 2026",
    /// "2 dicembre 2026", "2. Dezember 2026", "2 de desembre de 2026". Only the texts follow the
    /// language: the request's formatting culture stays fixed (ADR 0023).
    /// </summary>
    public static string LongDate(DateTime at)
    {
        var culture = CultureInfo.CurrentUICulture;
        return at.ToString(Current == SupportedLanguages.Source ? "d MMMM yyyy" : WithoutWeekday(culture.DateTimeFormat.LongDatePattern), culture);
    }

    /// <summary>A date and time in the page's language, in UTC as stored.</summary>
    public static string LongDateTime(DateTime at) => LongDate(at) + ", " + at.ToString("HH:mm", CultureInfo.InvariantCulture) + " UTC";

    private static string WithoutWeekday(string pattern)
    {
        var at = pattern.IndexOf("dddd", StringComparison.Ordinal);
        if (at < 0)
        {
            return pattern;
        }

        var end = at + 4;
        while (end < pattern.Length && pattern[end] is ',' or ' ')
        {
            end++;
        }

        return (pattern[..at] + pattern[end..]).Trim(' ', ',');
    }
}
