using System.Globalization;
using SmartyAssess.Assessment.Scoring;
using SmartyAssess.Data.Entities;
using SmartyAssess.Recommender;
using SmartyAssess.Web.Features.Catalogue;
using SmartyAssess.Web.Features.Languages;
using SmartyAssess.Web.Features.Results;

namespace SmartyAssess.Web.Features.Recommendations;

/// <summary>
/// Words a score's contributions as short reasons a manager understands, in the page's language:
/// the sentence frames come from <c>ResultsText</c>, the vocabulary labels from the questionnaire
/// through <see cref="PracticeLabels"/>. What the model learned is worded as other firms'
/// experience only when it learned from real feedback; a model trained on simulated data says
/// "suits firms …" instead. The words never feed back into the model: its features are ids.
/// </summary>
public sealed class ReasonText(PracticeLabels labels, AssessmentResult result, bool learnedFromFeedback)
{
    public string For(Contribution contribution) => contribution.Kind switch
    {
        ContributionKind.Prior => Prior(contribution.Prior!),
        ContributionKind.PracticeTerm => learnedFromFeedback ? ResultsText.ReasonUsefulToOthers : ResultsText.ReasonGoodFit,
        ContributionKind.Pair => Learned(contribution.SmeFeature ?? ""),
        _ => ResultsText.ReasonFits,
    };

    private string Prior(PriorContribution prior) => prior.Term switch
    {
        PriorTerm.DimensionGap when prior.Id is { } id => Text.Format(ResultsText.ReasonGap, labels.Dimension(id), Score(id)),
        PriorTerm.Barrier when prior.Id is { } id => Text.Format(prior.IsTopBarrier ? ResultsText.ReasonTopBarrier : ResultsText.ReasonBarrier, Lower(labels.Barrier(id))),
        PriorTerm.Goal when prior.Id is { } id => Text.Format(ResultsText.ReasonGoal, Lower(labels.Goal(id))),
        PriorTerm.Sector => ResultsText.ReasonSector,
        PriorTerm.Size => ResultsText.ReasonSize,
        PriorTerm.Transferability => ResultsText.ReasonTransferable,
        _ => ResultsText.ReasonFits,
    };

    private string Learned(string feature)
    {
        var name = feature.StartsWith(FeatureVocabulary.SmePrefix, StringComparison.Ordinal) ? feature[FeatureVocabulary.SmePrefix.Length..] : feature;
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        var (kind, id) = colon < 0 ? (name, "") : (name[..colon], name[(colon + 1)..]);
        if (kind == "sme")
        {
            return ResultsText.ReasonOwnFeedback;
        }

        var firms = kind switch
        {
            "gap" => DimensionBand(id) is { } band ? Text.Format(ResultsText.FirmsBandIn, band, labels.Dimension(id)) : Text.Format(ResultsText.FirmsRoomIn, labels.Dimension(id)),
            "band" => Text.Format(ResultsText.FirmsAtBand, labels.Band(id)),
            "sector" => Text.Format(ResultsText.FirmsInSector, Lower(SectorName(id))),
            "size" => id switch
            {
                "micro" => ResultsText.FirmsMicro,
                "small" => ResultsText.FirmsSmall,
                "medium" => ResultsText.FirmsMedium,
                _ => ResultsText.FirmsOfYourSize,
            },
            "region" => Text.Format(ResultsText.FirmsInRegion, labels.Region(id)),
            "barrier" => Text.Format(ResultsText.FirmsHeldBack, Lower(labels.Barrier(id))),
            "goal" => Text.Format(ResultsText.FirmsWithGoal, Lower(labels.Goal(id))),
            _ => ResultsText.FirmsLikeYours,
        };
        return Text.Format(learnedFromFeedback ? ResultsText.ReasonFoundUseful : ResultsText.ReasonSuits, firms);
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

    /// <summary>
    /// Lower-cases the first letter for use inside a sentence, unless the word is an acronym ("IT
    /// systems"), or the language is German, where nouns keep their capital.
    /// </summary>
    private string Lower(string text) =>
        labels.Language != "de" && text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1])
            ? char.ToLower(text[0], CultureInfo.CurrentUICulture) + text[1..]
            : text;

    /// <summary>Upper-cases the first letter, for a reason shown on its own.</summary>
    public static string Sentence(string text) => text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.CurrentUICulture) + text[1..];
}
