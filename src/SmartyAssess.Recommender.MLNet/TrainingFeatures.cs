namespace SmartyAssess.Recommender.MLNet;

/// <summary>The labelled pairs of both ML.NET trainers, encoded over the feature kinds they are told to see.</summary>
internal static class TrainingFeatures
{
    /// <exception cref="FormatException"><paramref name="features"/> names an unknown kind.</exception>
    public static TrainingData Build(IReadOnlyList<SmeProfile> smes, IReadOnlyList<PracticeProfile> practices, IReadOnlyList<LabelledPair> labels, string features, float kappa)
    {
        var all = FeedbackTraining.Vocabulary(smes, practices, labels);
        var kinds = FeatureInteractions.Parse(features);
        var vocabulary = kinds is null ? all : new FeatureVocabulary(all.Names.Where(n => kinds.Contains(FeatureInteractions.KindOf(n))));
        return TrainingSet.Build(vocabulary, smes, practices, labels, kappa, PriorWeights.Default);
    }
}
