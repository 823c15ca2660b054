namespace SmartyAssess.Recommender;

/// <summary>
/// A trained hybrid factorisation machine: firm features interact with practice features only
/// (LightFM's structure, a two-field FFM without within-field terms), plus linear terms and a
/// rule-prior offset:
/// s(u, i) = w0 + Σa wa·xa + Σb wb·xb + ⟨Σa xa·va, Σb xb·vb⟩ + κ·(π(u, i) − mean over i of π(u, ·)),
/// where π's term weights are the configured ones plus a learned adjustment (zero without feedback).
/// Immutable once built, so one instance may serve any number of threads.
/// </summary>
public sealed class FmModel : RankingModel
{
    /// <summary>Creates a model from its parameters; the arrays are taken over, not copied.</summary>
    /// <param name="vocabulary">The features the parameters belong to.</param>
    /// <param name="factors">Latent dimension k.</param>
    /// <param name="bias">Global bias w0.</param>
    /// <param name="weights">Linear weights, one per feature.</param>
    /// <param name="latent">Latent vectors, row-major: feature f's vector is latent[f·k .. f·k + k).</param>
    /// <param name="kappa">Logits per unit of prior; 0 switches the prior off.</param>
    /// <param name="prior">Prior term weights.</param>
    /// <param name="priorAdjustment">Learned additions to the prior's term weights (one per <see cref="PriorTerm"/>); zeros if null.</param>
    /// <exception cref="ArgumentException">An array's length does not fit the vocabulary and k.</exception>
    public FmModel(FeatureVocabulary vocabulary, int factors, float bias, float[] weights, float[] latent, float kappa, PriorWeights prior, float[]? priorAdjustment = null)
        : base(vocabulary)
    {
        priorAdjustment ??= new float[PriorWeights.TermCount];
        if (priorAdjustment.Length != PriorWeights.TermCount)
        {
            throw new ArgumentException($"Expected {PriorWeights.TermCount} prior adjustments, got {priorAdjustment.Length}.");
        }

        if (weights.Length != vocabulary.Count || latent.Length != vocabulary.Count * factors)
        {
            throw new ArgumentException($"Expected {vocabulary.Count} weights and {vocabulary.Count * factors} latent values, got {weights.Length} and {latent.Length}.");
        }

        Factors = factors;
        Bias = bias;
        Weights = weights;
        Latent = latent;
        Kappa = kappa;
        Prior = prior;
        PriorAdjustment = priorAdjustment;
        EffectivePrior = prior.Adjusted(priorAdjustment);
    }

    /// <summary>Latent dimension k.</summary>
    public int Factors { get; }

    /// <summary>Global bias w0.</summary>
    public float Bias { get; }

    /// <summary>Linear weights by feature index. Do not modify.</summary>
    public float[] Weights { get; }

    /// <summary>Latent vectors, row-major by feature index. Do not modify.</summary>
    public float[] Latent { get; }

    /// <summary>Logits per unit of rule prior.</summary>
    public float Kappa { get; }

    /// <summary>The rule prior's term weights as configured (before learning).</summary>
    public PriorWeights Prior { get; }

    /// <summary>
    /// What training added to each prior term weight. Starting from zero and regularised towards
    /// it, it corrects a misweighted rule with six parameters learned from all feedback at once.
    /// </summary>
    public float[] PriorAdjustment { get; }

    /// <summary>The weights the model scores with: <see cref="Prior"/> plus <see cref="PriorAdjustment"/>.</summary>
    public override PriorWeights EffectivePrior { get; }

    /// <summary><c>fm</c>.</summary>
    public override string Kind => "fm";

    /// <summary>A model that knows the vocabulary but has learned nothing: it ranks exactly by the prior.</summary>
    /// <param name="vocabulary">The features.</param>
    /// <param name="factors">Latent dimension k.</param>
    /// <param name="kappa">Logits per unit of prior.</param>
    /// <param name="prior">Prior term weights; default if null.</param>
    public static FmModel PriorOnly(FeatureVocabulary vocabulary, int factors = 8, float kappa = 4, PriorWeights? prior = null) =>
        new(vocabulary, factors, 0, new float[vocabulary.Count], new float[vocabulary.Count * factors], kappa, prior ?? PriorWeights.Default);

    /// <summary>Σ x·w over the given features.</summary>
    /// <param name="features">One side of a pair.</param>
    public float Linear(SparseFeatures features) => features.Dot(Weights);

    /// <summary>Writes Σ x·v over the given features (their embedding) into <paramref name="into"/>.</summary>
    /// <param name="features">One side of a pair.</param>
    /// <param name="into">k floats.</param>
    public void Embed(SparseFeatures features, Span<float> into) => features.Embed(Latent, Factors, into);

    /// <summary>The latent vector of one feature.</summary>
    /// <param name="feature">A feature index.</param>
    public ReadOnlySpan<float> Vector(int feature) => Latent.AsSpan(feature * Factors, Factors);

    internal override PreparedModel Prepare(IReadOnlyList<PracticeProfile> practices, RulePrior prior) => new PreparedFm(this, practices, prior);
}
