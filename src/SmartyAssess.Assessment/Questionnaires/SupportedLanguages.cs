namespace SmartyAssess.Assessment.Questionnaires;

/// <summary>
/// The languages the service is offered in: those of SMARTY's partner regions, plus German and
/// French, each named in itself for the language switcher. English is the source of every text.
/// </summary>
public static class SupportedLanguages
{
    public const string Source = "en";

    public static IReadOnlyList<(string Code, string Name)> All { get; } =
    [
        ("en", "English"),
        ("it", "Italiano"),
        ("nl", "Nederlands"),
        ("fi", "Suomi"),
        ("pl", "Polski"),
        ("sl", "Slovenščina"),
        ("es", "Español"),
        ("ca", "Català"),
        ("de", "Deutsch"),
        ("fr", "Français"),
    ];

    public static IEnumerable<string> Translated => All.Select(l => l.Code).Where(c => c != Source);
}
