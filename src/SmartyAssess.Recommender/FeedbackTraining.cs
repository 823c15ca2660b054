namespace SmartyAssess.Recommender;

/// <summary>
/// Training and held-out evaluation on logged feedback, shared by the simulation harness and by
/// retraining on a real database, so that both measure the same thing.
/// </summary>
public static class FeedbackTraining
{
    /// <summary>How many practices a held-out firm's ranking is scored on.</summary>
    public const int CutOff = 5;

    /// <summary>
    /// Trains a model on every labelled firm for <see cref="TrainingOptions.MaxEpochs"/> passes or,
    /// when <see cref="TrainingOptions.Patience"/> is above 0, with early stopping on NDCG@5 of a
    /// validation tenth of the firms (their own positive labels as relevance; they are held out).
    /// </summary>
    /// <remarks>
    /// Early stopping is off by default: logged positives exist only where the logging policy showed
    /// a practice, so validation NDCG on them rewards rankings close to that policy and stopped
    /// training after the first pass in many runs (ADR 0011).
    /// </remarks>
    /// <param name="smes">Every firm the labels may name.</param>
    /// <param name="practices">The candidates.</param>
    /// <param name="labels">Labelled pairs.</param>
    /// <param name="options">Hyperparameters.</param>
    /// <param name="random">Chooses the validation firms.</param>
    /// <param name="progress">Called after each epoch with (epoch, validation score, or NaN without early stopping).</param>
    public static FmModel Train(
        IReadOnlyList<SmeProfile> smes,
        IReadOnlyList<PracticeProfile> practices,
        IReadOnlyList<LabelledPair> labels,
        TrainingOptions options,
        Random64 random,
        Action<int, double>? progress = null)
    {
        var firms = labels.Select(l => l.SmeId).Distinct().Order(StringComparer.Ordinal).ToList();
        random.Shuffle(firms);
        var validationFirms = firms.Take(options.Patience > 0 ? Math.Max(1, firms.Count / 10) : 0).ToHashSet(StringComparer.Ordinal);
        var training = labels.Where(l => !validationFirms.Contains(l.SmeId)).ToList();
        var validation = labels.Where(l => validationFirms.Contains(l.SmeId)).ToList();

        var vocabulary = Vocabulary(smes, practices, training);
        var data = TrainingSet.Build(vocabulary, smes, practices, training, options.Kappa, PriorWeights.Default);
        Func<FmModel, double>? validate = options.Patience > 0 ? model => HeldOutNdcg(model, smes, practices, validation).DefaultIfEmpty(0).Average() : null;
        return FmTrainer.Train(data, options, validate, progress).Model;
    }

    /// <summary>Metadata features of every firm and practice, plus identifiers only for the firms and practices with training labels.</summary>
    /// <param name="smes">Firms.</param>
    /// <param name="practices">Practices.</param>
    /// <param name="training">The labels the model is trained on.</param>
    public static FeatureVocabulary Vocabulary(IReadOnlyList<SmeProfile> smes, IReadOnlyList<PracticeProfile> practices, IReadOnlyCollection<LabelledPair> training)
    {
        var firms = training.Select(l => l.SmeId).ToHashSet(StringComparer.Ordinal);
        var labelled = training.Select(l => l.PracticeId).ToHashSet(StringComparer.Ordinal);
        const string practiceId = FeatureVocabulary.PracticePrefix + "practice:";
        return new FeatureVocabulary(
            smes.SelectMany(s => FeatureEncoder.Named(s, includeId: firms.Contains(s.Id))).Select(f => f.Name)
                .Concat(practices.SelectMany(p => FeatureEncoder.Named(p).Where(f => labelled.Contains(p.Id) || !f.Name.StartsWith(practiceId, StringComparison.Ordinal))).Select(f => f.Name))
                .Distinct(StringComparer.Ordinal));
    }

    /// <summary>
    /// NDCG@5 for each firm that has positive labels in <paramref name="heldOut"/> (adopted counts 2,
    /// relevant 1), in firm-id order: of the model's full ranking, or, with
    /// <paramref name="onlyLabelled"/>, of its ranking of the practices the firm has labels for.
    /// </summary>
    /// <remarks>
    /// Logged feedback only exists for practices that were shown, and the model that chose them
    /// decided which practices could ever be positives. Re-ranking each firm's own labelled
    /// practices compares two models on the same candidates, so the model that did the logging is
    /// not favoured for having chosen them.
    /// </remarks>
    /// <param name="model">The model.</param>
    /// <param name="smes">Firms, to look the labelled ones up.</param>
    /// <param name="practices">The candidates.</param>
    /// <param name="heldOut">Labels the model was not trained on.</param>
    /// <param name="onlyLabelled">Rank only each firm's labelled practices.</param>
    public static IReadOnlyList<double> HeldOutNdcg(RankingModel model, IReadOnlyList<SmeProfile> smes, IReadOnlyList<PracticeProfile> practices, IReadOnlyList<LabelledPair> heldOut, bool onlyLabelled = false)
    {
        var engine = new RecommenderEngine(model, practices);
        var byId = smes.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var scores = new float[practices.Count];
        var values = new List<double>();
        foreach (var firm in heldOut.Where(l => byId.ContainsKey(l.SmeId)).GroupBy(l => l.SmeId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var relevance = firm.Where(l => l.Label > 0).ToDictionary(l => l.PracticeId, Grade, StringComparer.Ordinal);
            if (relevance.Count == 0)
            {
                continue;
            }

            var labelled = firm.Select(l => l.PracticeId).ToHashSet(StringComparer.Ordinal);
            engine.ScoreAll(byId[firm.Key], scores);
            var ranking = Enumerable.Range(0, practices.Count)
                .Where(i => !onlyLabelled || labelled.Contains(practices[i].Id))
                .OrderByDescending(i => scores[i])
                .ThenBy(i => practices[i].Id, StringComparer.Ordinal)
                .Select(i => practices[i].Id)
                .ToList();
            if (RankingMetrics.Ndcg(ranking, relevance, CutOff) is { } ndcg)
            {
                values.Add(ndcg);
            }
        }

        return values;
    }

    /// <summary>The relevance grade of a positive label: 2 for adopted (weight 2 or more), else 1.</summary>
    /// <param name="label">A positive label.</param>
    public static int Grade(LabelledPair label) => label.Weight >= 2 ? 2 : 1;
}
