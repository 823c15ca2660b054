namespace SmartyAssess.Recommender;

/// <summary>The evaluation gate's verdict on a candidate model.</summary>
/// <param name="Publish">True when the candidate may replace the current model.</param>
/// <param name="CurrentNdcg">Mean held-out NDCG@5 of the current model, re-ranking each firm's labelled practices.</param>
/// <param name="CandidateNdcg">Mean held-out NDCG@5 of the candidate, on the same firms and practices.</param>
/// <param name="Firms">How many held-out firms with positive feedback the means are over.</param>
/// <param name="Reason">The verdict in words, for logs and the command line.</param>
public sealed record GateDecision(bool Publish, double CurrentNdcg, double CandidateNdcg, int Firms, string Reason);

/// <summary>
/// Decides whether a retrained model replaces the current one: both re-rank the practices that
/// firms neither was trained on gave feedback on (or were shown), and the candidate must put the
/// ones those firms found useful higher, on average over the same firms.
/// </summary>
public static class ModelGate
{
    /// <summary>Compares two models on held-out feedback.</summary>
    /// <param name="current">The model in use.</param>
    /// <param name="candidate">The retrained model.</param>
    /// <param name="smes">Firms, to look the labelled ones up.</param>
    /// <param name="practices">The candidates to rank.</param>
    /// <param name="heldOut">Labels of firms neither model was trained on.</param>
    /// <param name="minFirms">Fewer held-out firms with positive feedback than this is too little evidence to publish anything.</param>
    /// <param name="minGain">The candidate's mean must exceed the current one's by more than this.</param>
    public static GateDecision Compare(
        RankingModel current,
        RankingModel candidate,
        IReadOnlyList<SmeProfile> smes,
        IReadOnlyList<PracticeProfile> practices,
        IReadOnlyList<LabelledPair> heldOut,
        int minFirms = 20,
        double minGain = 0)
    {
        var before = FeedbackTraining.HeldOutNdcg(current, smes, practices, heldOut, onlyLabelled: true);
        var after = FeedbackTraining.HeldOutNdcg(candidate, smes, practices, heldOut, onlyLabelled: true);
        var firms = after.Count;
        var currentMean = before.DefaultIfEmpty(0).Average();
        var candidateMean = after.DefaultIfEmpty(0).Average();
        if (firms < minFirms)
        {
            return new GateDecision(false, currentMean, candidateMean, firms,
                $"Only {firms} held-out firms have positive feedback; at least {minFirms} are needed to compare models.");
        }

        var gain = candidateMean - currentMean;
        return gain > minGain
            ? new GateDecision(true, currentMean, candidateMean, firms, FormattableString.Invariant($"The candidate is better on {firms} held-out firms: NDCG@5 {candidateMean:0.000} against {currentMean:0.000}."))
            : new GateDecision(false, currentMean, candidateMean, firms, FormattableString.Invariant($"The candidate is not better on {firms} held-out firms: NDCG@5 {candidateMean:0.000} against {currentMean:0.000} (needs more than +{minGain:0.000})."));
    }

    /// <summary>Splits labels by firm: a fifth of the firms (chosen with <paramref name="random"/>) are held out.</summary>
    /// <param name="labels">All labels.</param>
    /// <param name="random">Chooses the held-out firms.</param>
    /// <param name="heldOutShare">Share of firms held out.</param>
    public static (IReadOnlyList<LabelledPair> Training, IReadOnlyList<LabelledPair> HeldOut) SplitByFirm(IReadOnlyList<LabelledPair> labels, Random64 random, double heldOutShare = 0.2)
    {
        var firms = labels.Select(l => l.SmeId).Distinct().Order(StringComparer.Ordinal).ToList();
        random.Shuffle(firms);
        var held = firms.Take((int)Math.Round(firms.Count * heldOutShare)).ToHashSet(StringComparer.Ordinal);
        return ([.. labels.Where(l => !held.Contains(l.SmeId))], [.. labels.Where(l => held.Contains(l.SmeId))]);
    }
}
