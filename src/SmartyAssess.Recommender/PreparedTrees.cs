namespace SmartyAssess.Recommender;

/// <summary>A <see cref="TreeModel"/> with every practice's features laid out densely once.</summary>
internal sealed class PreparedTrees : PreparedModel
{
    private const int Terms = PriorWeights.TermCount;

    private readonly TreeModel _model;
    private readonly RulePrior _prior;
    private readonly int _v;
    private readonly float[][] _practiceValues;

    public PreparedTrees(TreeModel model, IReadOnlyList<PracticeProfile> practices, RulePrior prior)
    {
        _model = model;
        _prior = prior;
        _v = model.Vocabulary.Count;
        _practiceValues = [.. practices.Select(p => Dense(FeatureEncoder.Encode(model.Vocabulary, p)))];
    }

    public override void ScoreAll(SmeProfile sme, Span<float> scores)
    {
        var firm = Dense(FeatureEncoder.Encode(_model.Vocabulary, sme));
        var inputs = PriorInputs(sme, scores.Length);
        for (var i = 0; i < scores.Length; i++)
        {
            var score = _model.Bias;
            foreach (var tree in _model.Trees)
            {
                score += tree.Leaves[~Leaf(tree, firm, i, inputs)];
            }

            scores[i] = score;
        }
    }

    public override List<Contribution> Explain(SmeProfile sme, int practice)
    {
        var model = _model;
        var firm = Dense(FeatureEncoder.Encode(model.Vocabulary, sme));
        var inputs = PriorInputs(sme, _practiceValues.Length);
        var perFeature = new double[model.FeatureCount];
        double baseline = model.Bias;
        for (var t = 0; t < model.Trees.Count; t++)
        {
            var tree = model.Trees[t];
            var values = model.NodeValues[t];
            if (tree.Features.Length == 0)
            {
                baseline += tree.Leaves[0];
                continue;
            }

            // The root's mean is the same for every pair; each split moves the expectation by the change to the chosen side's mean.
            baseline += values[0];
            var node = 0;
            while (node >= 0)
            {
                var child = Value(tree.Features[node], firm, practice, inputs) <= tree.Thresholds[node] ? tree.Left[node] : tree.Right[node];
                perFeature[tree.Features[node]] += (child < 0 ? tree.Leaves[~child] : values[child]) - values[node];
                node = child;
            }
        }

        var vocabulary = model.Vocabulary;
        var result = new List<Contribution> { new(ContributionKind.Baseline, baseline) };
        for (var j = 0; j < _v; j++)
        {
            if (perFeature[j] != 0)
            {
                result.Add(FfmModel.FieldOf(vocabulary.Names[j]) == FeatureField.Sme
                    ? new Contribution(ContributionKind.Pair, perFeature[j], SmeFeature: vocabulary.Names[j])
                    : new Contribution(ContributionKind.PracticeTerm, perFeature[j], PracticeFeature: vocabulary.Names[j]));
            }
        }

        // Each prior input, and a share of their sum in proportion to the named parts of the rule.
        var named = _prior.Contributions(sme, _prior.Practices[practice]).Where(c => c.Value > 0).ToList();
        var total = named.Sum(c => c.Value);
        var sum = perFeature[_v + Terms];
        for (var t = 0; t < Terms; t++)
        {
            var parts = named.Where(c => c.Term == (PriorTerm)t).ToList();
            var share = total > 0 ? sum * parts.Sum(c => c.Value) / total : 0;
            result.AddRange(PriorParts.Split(perFeature[_v + t] + share, (PriorTerm)t, parts));
        }

        if (total <= 0 && sum != 0)
        {
            result.Add(new Contribution(ContributionKind.Prior, sum, Prior: new PriorContribution(PriorTerm.DimensionGap, null, sum)));
        }

        return result;
    }

    private int Leaf(RegressionTree tree, float[] firm, int practice, float[] inputs)
    {
        if (tree.Features.Length == 0)
        {
            return ~0;
        }

        var node = 0;
        while (node >= 0)
        {
            node = Value(tree.Features[node], firm, practice, inputs) <= tree.Thresholds[node] ? tree.Left[node] : tree.Right[node];
        }

        return node;
    }

    private float Value(int feature, float[] firm, int practice, float[] inputs) =>
        feature < _v ? firm[feature] + _practiceValues[practice][feature]
        : feature < _v + Terms ? inputs[(practice * Terms) + feature - _v]
        : Sum(inputs.AsSpan(practice * Terms, Terms));

    private float[] PriorInputs(SmeProfile sme, int count)
    {
        var inputs = new float[count * Terms];
        FfmModel.PriorInputs(_prior, sme, _model.Kappa, _model.Prior, inputs);
        return inputs;
    }

    private static float Sum(ReadOnlySpan<float> values)
    {
        var sum = 0f;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum;
    }

    private float[] Dense(SparseFeatures features)
    {
        var dense = new float[_v];
        for (var j = 0; j < features.Count; j++)
        {
            dense[features.Indices[j]] = features.Values[j];
        }

        return dense;
    }
}

/// <summary>Shares a prior term's contribution among the rule's named parts for it (the barriers a practice addresses, say).</summary>
internal static class PriorParts
{
    public static IEnumerable<Contribution> Split(double value, PriorTerm term, IReadOnlyList<PriorContribution> parts)
    {
        var total = parts.Sum(c => c.Value);
        if (value > 0 && total > 0)
        {
            return parts.Select(c => new Contribution(ContributionKind.Prior, value * c.Value / total, Prior: c with { Value = value * c.Value / total }));
        }

        // A term that names nothing here (or counts against the practice) stays one part, never a reason.
        return value != 0 ? [new Contribution(ContributionKind.Prior, value, Prior: new PriorContribution(term, null, value))] : [];
    }
}
