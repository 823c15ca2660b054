namespace SmartyAssess.Recommender;

/// <summary>
/// A field-aware factorisation machine over three fields, as ML.NET trains it: the firm's
/// features, the practice's features, and the rule prior's six terms. Every feature has one latent
/// vector per field and interacts with every other feature through the vectors each keeps for the
/// other's field:
/// s(u, i) = Σj wj·xj + Σ_{j&lt;j'} ⟨v_{j,f(j')}, v_{j',f(j)}⟩·xj·xj',
/// where the prior field's inputs are r_t = κ·W_t·(term_t(u, i) − its mean over the candidates).
/// So the data decide which firm features meet which practice features, and how strongly each
/// prior term counts for which firms and practices, without a hand-chosen interaction map.
/// Immutable once built.
/// </summary>
public sealed class FfmModel : RankingModel
{
    /// <summary>The number of fields: firm, practice, prior.</summary>
    public const int FieldCount = 3;

    /// <summary>The prior field's index.</summary>
    public const int PriorField = 2;

    /// <summary>Creates a model from its parameters; the arrays are taken over, not copied.</summary>
    /// <param name="vocabulary">The firm and practice features.</param>
    /// <param name="latentDimension">Length d of each latent vector.</param>
    /// <param name="weights">Linear weights, one per vocabulary feature.</param>
    /// <param name="priorWeights">Linear weights of the prior field's <see cref="PriorWeights.TermCount"/> inputs.</param>
    /// <param name="latent">Latent vectors of the vocabulary features followed by the prior terms: feature j's vector towards field f at ((j·3) + f)·d.</param>
    /// <param name="kappa">The scale of the prior field's inputs.</param>
    /// <param name="prior">The prior weights W the inputs are computed with.</param>
    /// <exception cref="ArgumentException">An array's length does not fit the vocabulary and d.</exception>
    public FfmModel(FeatureVocabulary vocabulary, int latentDimension, float[] weights, float[] priorWeights, float[] latent, float kappa, PriorWeights prior)
        : base(vocabulary)
    {
        var features = vocabulary.Count + PriorWeights.TermCount;
        if (latentDimension <= 0 || weights.Length != vocabulary.Count || priorWeights.Length != PriorWeights.TermCount || latent.Length != features * FieldCount * latentDimension)
        {
            throw new ArgumentException($"Expected d > 0, {vocabulary.Count} weights, {PriorWeights.TermCount} prior weights and {features * FieldCount * Math.Max(latentDimension, 0)} latent values; got d = {latentDimension}, {weights.Length}, {priorWeights.Length} and {latent.Length}.");
        }

        LatentDimension = latentDimension;
        Weights = weights;
        PriorLinear = priorWeights;
        Latent = latent;
        Kappa = kappa;
        Prior = prior;
        Fields = [.. vocabulary.Names.Select(n => (int)FieldOf(n))];
    }

    /// <summary>Length d of each latent vector.</summary>
    public int LatentDimension { get; }

    /// <summary>Linear weights by vocabulary index. Do not modify.</summary>
    public float[] Weights { get; }

    /// <summary>Linear weights of the prior field's inputs, in <see cref="PriorTerm"/> order. Do not modify.</summary>
    public float[] PriorLinear { get; }

    /// <summary>Latent vectors (see the constructor). Do not modify.</summary>
    public float[] Latent { get; }

    /// <summary>The scale κ of the prior field's inputs.</summary>
    public float Kappa { get; }

    /// <summary>The prior weights W the prior field's inputs are computed with.</summary>
    public PriorWeights Prior { get; }

    /// <summary>Each vocabulary feature's field (0 firm, 1 practice).</summary>
    internal int[] Fields { get; }

    /// <inheritdoc />
    public override PriorWeights EffectivePrior => Prior;

    /// <summary><c>ffm</c>.</summary>
    public override string Kind => "ffm";

    /// <summary>The field of a feature name: <c>u.…</c> describes the firm, everything else the practice.</summary>
    /// <param name="name">A feature name.</param>
    public static FeatureField FieldOf(string name) =>
        name.StartsWith(FeatureVocabulary.SmePrefix, StringComparison.Ordinal) ? FeatureField.Sme : FeatureField.Practice;

    /// <summary>The latent vector feature <paramref name="feature"/> keeps for <paramref name="field"/>; prior term t is feature vocabulary size + t.</summary>
    /// <param name="feature">A vocabulary index, or the vocabulary size plus a prior term's index.</param>
    /// <param name="field">0 firm, 1 practice, 2 prior.</param>
    public ReadOnlySpan<float> Vector(int feature, int field) => Latent.AsSpan(((feature * FieldCount) + field) * LatentDimension, LatentDimension);

    /// <summary>The prior field's inputs for a firm: <see cref="PriorWeights.TermCount"/> per candidate, centred over the candidates and scaled by κ·W.</summary>
    /// <param name="prior">The rule prior over the candidates.</param>
    /// <param name="sme">The firm.</param>
    /// <param name="into">candidates × <see cref="PriorWeights.TermCount"/> slots.</param>
    public void PriorInputs(RulePrior prior, SmeProfile sme, Span<float> into) => PriorInputs(prior, sme, Kappa, Prior, into);

    /// <summary>The prior inputs of the ML.NET models: each term centred over the candidates, times κ·W.</summary>
    /// <param name="prior">The rule prior over the candidates.</param>
    /// <param name="sme">The firm.</param>
    /// <param name="kappa">κ.</param>
    /// <param name="weights">W.</param>
    /// <param name="into">candidates × <see cref="PriorWeights.TermCount"/> slots.</param>
    public static void PriorInputs(RulePrior prior, SmeProfile sme, float kappa, PriorWeights weights, Span<float> into)
    {
        const int n = PriorWeights.TermCount;
        var count = prior.Practices.Count;
        prior.TermsAll(sme, into);
        var w = weights.TermWeights();
        for (var t = 0; t < n; t++)
        {
            float mean = 0;
            for (var i = 0; i < count; i++)
            {
                mean += into[(i * n) + t];
            }

            mean = count == 0 ? 0 : mean / count;
            var scale = kappa * (float)w[t];
            for (var i = 0; i < count; i++)
            {
                into[(i * n) + t] = scale * (into[(i * n) + t] - mean);
            }
        }
    }

    internal override PreparedModel Prepare(IReadOnlyList<PracticeProfile> practices, RulePrior prior) => new PreparedFfm(this, practices, prior);
}
