using SmartyAssess.Data.Entities;

namespace SmartyAssess.Web.Features.Recommendations;

/// <summary>The feedback kinds' names on the API and in forms.</summary>
public static class FeedbackKinds
{
    public const string Relevant = "relevant";
    public const string NotRelevant = "notRelevant";
    public const string Adopted = "adopted";

    public static readonly string[] All = [Relevant, NotRelevant, Adopted];

    public static bool TryParse(string? name, out PracticeFeedbackKind kind)
    {
        (var ok, kind) = name switch
        {
            Relevant => (true, PracticeFeedbackKind.Relevant),
            NotRelevant => (true, PracticeFeedbackKind.NotRelevant),
            Adopted => (true, PracticeFeedbackKind.Adopted),
            _ => (false, default),
        };
        return ok;
    }

    public static string Name(PracticeFeedbackKind kind) => kind switch
    {
        PracticeFeedbackKind.Relevant => Relevant,
        PracticeFeedbackKind.NotRelevant => NotRelevant,
        _ => Adopted,
    };

    /// <summary>How the results page states a firm's feedback.</summary>
    public static string Label(PracticeFeedbackKind kind) => kind switch
    {
        PracticeFeedbackKind.Relevant => "Relevant to us",
        PracticeFeedbackKind.NotRelevant => "Not relevant",
        _ => "We have adopted / plan to adopt",
    };
}
