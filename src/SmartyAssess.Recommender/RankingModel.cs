namespace SmartyAssess.Recommender;

/// <summary>
/// A trained model that <see cref="RecommenderEngine"/> ranks with: today's factorisation machine
/// (<see cref="FmModel"/>) or the field-aware one trained by ML.NET (<see cref="FfmModel"/>). Whatever
/// trained it, it scores every practice for a firm and splits each score into named contributions
/// that add up to it. Immutable once built.
/// </summary>
public abstract class RankingModel
{
    private protected RankingModel(FeatureVocabulary vocabulary) => Vocabulary = vocabulary;

    /// <summary>The model's features.</summary>
    public FeatureVocabulary Vocabulary { get; }

    /// <summary>The rule prior's weights the model computes its prior terms with.</summary>
    public abstract PriorWeights EffectivePrior { get; }

    /// <summary>Which kind of model this is, as model files and reports name it (<c>fm</c>, <c>ffm</c>).</summary>
    public abstract string Kind { get; }

    /// <summary>Precomputes what does not depend on the firm, for ranking these practices.</summary>
    internal abstract PreparedModel Prepare(IReadOnlyList<PracticeProfile> practices, RulePrior prior);
}

/// <summary>A model with its practice-side parts computed once, for one list of candidates.</summary>
internal abstract class PreparedModel
{
    /// <summary>Writes the score of every candidate for the firm.</summary>
    public abstract void ScoreAll(SmeProfile sme, Span<float> scores);

    /// <summary>The named contributions to one candidate's score; they add up to it.</summary>
    public abstract List<Contribution> Explain(SmeProfile sme, int practice);
}
