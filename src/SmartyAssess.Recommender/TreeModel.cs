namespace SmartyAssess.Recommender;

/// <summary>One regression tree: internal nodes test one feature against a threshold (≤ goes left); leaves hold the output.</summary>
/// <param name="Features">Per internal node, the feature it tests (see <see cref="TreeModel"/> for the numbering).</param>
/// <param name="Thresholds">Per internal node, the threshold: a value at or below it goes left.</param>
/// <param name="Left">Per internal node, the left child: a node index, or ~leaf for a leaf.</param>
/// <param name="Right">Per internal node, the right child, likewise.</param>
/// <param name="Leaves">Per leaf, its output.</param>
public sealed record RegressionTree(int[] Features, float[] Thresholds, int[] Left, int[] Right, float[] Leaves);

/// <summary>
/// A ranking model of boosted regression trees (ML.NET's LightGBM LambdaRank), scored by the
/// engine without ML.NET. Its features are the vocabulary's firm and practice features (at their
/// vocabulary index V), then the prior field's six inputs (V … V+5, as <see cref="FfmModel.PriorInputs(RulePrior, SmeProfile, float, PriorWeights, Span{float})"/>
/// computes them) and their sum (V+6). Trees learn interactions among any of them from the data.
/// A score is the bias plus each tree's leaf; its contributions follow each tree's path, giving every
/// split's feature the change it makes to the mean output of the leaves below (so they add up to the score).
/// </summary>
public sealed class TreeModel : RankingModel
{
    /// <summary>Creates a model from its trees; the arrays are taken over, not copied.</summary>
    /// <param name="vocabulary">The firm and practice features.</param>
    /// <param name="trees">The trees.</param>
    /// <param name="bias">Added to every score.</param>
    /// <param name="kappa">The scale of the prior inputs.</param>
    /// <param name="prior">The prior weights W the prior inputs are computed with.</param>
    /// <exception cref="ArgumentException">A tree is malformed or tests a feature outside the model's.</exception>
    public TreeModel(FeatureVocabulary vocabulary, IReadOnlyList<RegressionTree> trees, float bias, float kappa, PriorWeights prior)
        : base(vocabulary)
    {
        FeatureCount = vocabulary.Count + PriorWeights.TermCount + 1;
        foreach (var tree in trees)
        {
            var nodes = tree.Features.Length;
            if (tree.Thresholds.Length != nodes || tree.Left.Length != nodes || tree.Right.Length != nodes || tree.Leaves.Length != nodes + 1
                || tree.Features.Any(f => f < 0 || f >= FeatureCount)
                || tree.Left.Concat(tree.Right).Any(c => c >= nodes || (c < 0 && ~c > nodes)))
            {
                throw new ArgumentException($"Tree {trees.ToList().IndexOf(tree)} is malformed: {nodes} internal nodes, {tree.Leaves.Length} leaves, features within [0, {FeatureCount}).");
            }
        }

        Trees = trees;
        Bias = bias;
        Kappa = kappa;
        Prior = prior;
        NodeValues = [.. trees.Select(MeanBelow)];
    }

    /// <summary>The trees, in boosting order.</summary>
    public IReadOnlyList<RegressionTree> Trees { get; }

    /// <summary>Added to every score.</summary>
    public float Bias { get; }

    /// <summary>The scale κ of the prior inputs.</summary>
    public float Kappa { get; }

    /// <summary>The prior weights W the prior inputs are computed with.</summary>
    public PriorWeights Prior { get; }

    /// <summary>Vocabulary features, the six prior inputs and their sum.</summary>
    public int FeatureCount { get; }

    /// <summary>Per tree and internal node, the mean output of the leaves below it (the explanation's reference values).</summary>
    internal float[][] NodeValues { get; }

    /// <inheritdoc />
    public override PriorWeights EffectivePrior => Prior;

    /// <summary><c>gbdt</c>.</summary>
    public override string Kind => "gbdt";

    internal override PreparedModel Prepare(IReadOnlyList<PracticeProfile> practices, RulePrior prior) => new PreparedTrees(this, practices, prior);

    private static float[] MeanBelow(RegressionTree tree)
    {
        var values = new float[tree.Features.Length];
        (float Sum, int Count) Walk(int child) => child < 0 ? (tree.Leaves[~child], 1) : Visit(child);
        (float Sum, int Count) Visit(int node)
        {
            var (ls, lc) = Walk(tree.Left[node]);
            var (rs, rc) = Walk(tree.Right[node]);
            values[node] = (ls + rs) / (lc + rc);
            return (ls + rs, lc + rc);
        }

        if (tree.Features.Length > 0)
        {
            Visit(0);
        }

        return values;
    }
}
