using SmartyAssess.Assessment.Scoring;
using SmartyAssess.Data.Entities;
using SmartyAssess.Recommender;
using SmartyAssess.Web.Features.Catalogue;
using SmartyAssess.Web.Features.Results;

namespace SmartyAssess.Web.Features.Recommendations;

/// <summary>
/// Words a score's contributions as short reasons a manager understands. Vocabulary labels come
/// from the questionnaire in the assessment's language; the sentence frames are English, like the
/// rest of the interface. What the model learned is worded as other firms' experience only when
/// it learned from real feedback; a model trained on simulated data says "suits firms …" instead.
/// </summary>
public sealed class ReasonText(PracticeLabels labels, AssessmentResult result, bool learnedFromFeedback)
{
    public string For(Contribution contribution) => contribution.Kind switch
    {
        ContributionKind.Prior => Prior(contribution.Prior!),
        ContributionKind.PracticeTerm => learnedFromFeedback ? "other firms found this practice useful" : "is a good fit for many firms",
        ContributionKind.Pair => Learned(contribution.SmeFeature ?? ""),
        _ => "fits your results",
    };

    private string Prior(PriorContribution prior) => prior.Term switch
    {
        PriorTerm.DimensionGap when prior.Id is { } id => $"strengthens {labels.Dimension(id)}, where you scored {Score(id)} out of 100",
        PriorTerm.Barrier when prior.Id is { } id => prior.IsTopBarrier
            ? $"addresses your top barrier: {Lower(labels.Barrier(id))}"
            : $"addresses a barrier you named: {Lower(labels.Barrier(id))}",
        PriorTerm.Goal when prior.Id is { } id => $"serves your goal: {Lower(labels.Goal(id))}",
        PriorTerm.Sector => "is open to firms in your sector",
        PriorTerm.Size => "is open to firms of your size",
        PriorTerm.Transferability => "has been judged easy to transfer to other regions",
        _ => "fits your results",
    };

    private string Learned(string feature)
    {
        var name = feature.StartsWith(FeatureVocabulary.SmePrefix, StringComparison.Ordinal) ? feature[FeatureVocabulary.SmePrefix.Length..] : feature;
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        var (kind, id) = colon < 0 ? (name, "") : (name[..colon], name[(colon + 1)..]);
        if (kind == "sme")
        {
            return "fits the feedback you gave on other practices";
        }

        var firms = kind switch
        {
            "gap" => DimensionBand(id) is { } band ? $"firms with {Article(band)} {band} score in {labels.Dimension(id)}" : $"firms with room to grow in {labels.Dimension(id)}",
            "band" => $"firms at the {labels.Band(id)} level overall",
            "sector" => $"firms in {Lower(SectorName(id))}",
            "size" => id switch
            {
                "micro" => "micro-enterprises",
                "small" => "small firms",
                "medium" => "medium-sized firms",
                _ => "firms of your size",
            },
            "region" => $"firms in {labels.Region(id)}",
            "barrier" => $"firms held back by {Lower(labels.Barrier(id))}",
            "goal" => $"firms with the goal \u201c{Lower(labels.Goal(id))}\u201d",
            _ => "firms like yours",
        };
        return learnedFromFeedback ? $"{firms} found this useful" : $"suits {firms}";
    }

    private string Score(string dimensionId) =>
        ScoreFormat.Format(result.Dimensions.FirstOrDefault(d => d.DimensionId == dimensionId)?.Score);

    private string? DimensionBand(string dimensionId) =>
        result.Dimensions.FirstOrDefault(d => d.DimensionId == dimensionId)?.Band is { } band && Bands.TryParse(band, out _) ? labels.Band(band) : null;

    private string SectorName(string id)
    {
        // "C – Manufacturing" reads as "manufacturing" inside a sentence.
        var label = labels.Sector(id);
        var dash = label.IndexOf(" \u2013 ", StringComparison.Ordinal);
        return dash < 0 ? label : label[(dash + 3)..];
    }

    private static string Article(string word) => word.Length > 0 && "AEIOUaeiou".Contains(word[0]) ? "an" : "a";

    /// <summary>Lower-cases the first letter for use inside a sentence, unless the word is an acronym ("IT systems").</summary>
    internal static string Lower(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    /// <summary>Upper-cases the first letter, for a reason shown on its own.</summary>
    public static string Sentence(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
