using SmartyAssess.Data.Entities;

namespace SmartyAssess.Web.Features.Recommendations;

/// <summary>The feedback kinds' names on the API and in forms.</summary>
public static class FeedbackKinds
{
    public const string Relevant = "relevant";
    public const string NotRelevant = "notRelevant";
    public const string Adopted = "adopted";

    /// <summary>Recorded by advisors only; the API reports it but a firm's own feedback says adopted.</summary>
    public const string Planned = "planned";

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
        PracticeFeedbackKind.Planned => Planned,
        _ => Adopted,
    };

    /// <summary>The outcomes an advisor records for a client.</summary>
    public static readonly PracticeFeedbackKind[] AdvisorKinds = [PracticeFeedbackKind.Relevant, PracticeFeedbackKind.NotRelevant, PracticeFeedbackKind.Planned, PracticeFeedbackKind.Adopted];

    public static bool TryParseAdvisor(string? name, out PracticeFeedbackKind kind)
    {
        if (name == Planned)
        {
            kind = PracticeFeedbackKind.Planned;
            return true;
        }

        return TryParse(name, out kind);
    }

    /// <summary>How the advisor's client page states an outcome.</summary>
    public static string AdvisorLabel(PracticeFeedbackKind kind) => kind switch
    {
        PracticeFeedbackKind.Relevant => AdvisorText.OutcomeRelevant,
        PracticeFeedbackKind.NotRelevant => AdvisorText.OutcomeNotRelevant,
        PracticeFeedbackKind.Planned => AdvisorText.OutcomePlanned,
        _ => AdvisorText.OutcomeAdopted,
    };

    /// <summary>How the results page states a firm's feedback.</summary>
    public static string Label(PracticeFeedbackKind kind) => kind switch
    {
        PracticeFeedbackKind.Relevant => ResultsText.KindRelevant,
        PracticeFeedbackKind.NotRelevant => ResultsText.KindNotRelevant,
        PracticeFeedbackKind.Planned => ResultsText.KindPlanned,
        _ => ResultsText.KindAdopted,
    };
}
