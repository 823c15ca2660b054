using System.Globalization;

namespace SmartyAssess.BrowserTests;

/// <summary>The app's own texts in a browser locale's language, so tests find buttons by the names a visitor sees.</summary>
internal sealed class Words(string locale)
{
    private readonly CultureInfo _culture = CultureInfo.GetCultureInfo(locale.Split('-')[0]);

    public string Language => _culture.Name;

    public string Site(string key) => SmartyAssess.Web.SiteText.ResourceManager.GetString(key, _culture)!;

    public string Journey(string key) => SmartyAssess.Web.JourneyText.ResourceManager.GetString(key, _culture)!;

    public string Results(string key) => SmartyAssess.Web.ResultsText.ResourceManager.GetString(key, _culture)!;

    public string Accounts(string key) => SmartyAssess.Web.AccountsText.ResourceManager.GetString(key, _culture)!;

    public string Format(string format, params object[] args) => string.Format(_culture, format, args);
}
