using System.Numerics.Tensors;

namespace SmartyAssess.Recommender;

/// <summary>
/// An <see cref="FfmModel"/> with every practice-side part computed once. For firm u and practice i
/// the score is
/// firm(u) + practice(i) + ⟨q_{U→P}(u), q_{P→U}(i)⟩ + Σt r_t·(w_t + a_t(u) + b_t(i)) + Σ_{t&lt;t'} r_t·r_t'·M_{tt'},
/// where q_{X→Y} sums field X's vectors towards field Y, a_t(u) = ⟨q_{U→R}(u), v_{t,U}⟩,
/// b_t(i) = ⟨q_{P→R}(i), v_{t,P}⟩ and M_{tt'} = ⟨v_{t,R}, v_{t',R}⟩: a few dot products per practice.
/// </summary>
internal sealed class PreparedFfm : PreparedModel
{
    private const int Terms = PriorWeights.TermCount;
    private const int U = (int)FeatureField.Sme;
    private const int P = (int)FeatureField.Practice;
    private const int R = FfmModel.PriorField;

    private readonly FfmModel _model;
    private readonly RulePrior _prior;
    private readonly int _d;
    private readonly SparseFeatures[] _practiceFeatures;
    private readonly float[] _practiceTerm;      // linear + within-practice pairs
    private readonly float[] _practiceToFirm;    // q_{P→U}(i), d per practice
    private readonly float[] _practiceToPrior;   // b_t(i), Terms per practice
    private readonly float[] _priorPairs;        // M, Terms × Terms

    public PreparedFfm(FfmModel model, IReadOnlyList<PracticeProfile> practices, RulePrior prior)
    {
        _model = model;
        _prior = prior;
        _d = model.LatentDimension;
        var n = practices.Count;
        _practiceFeatures = new SparseFeatures[n];
        _practiceTerm = new float[n];
        _practiceToFirm = new float[n * _d];
        _practiceToPrior = new float[n * Terms];
        Span<float> toPrior = stackalloc float[_d];
        for (var i = 0; i < n; i++)
        {
            var features = FeatureEncoder.Encode(model.Vocabulary, practices[i]);
            _practiceFeatures[i] = features;
            _practiceTerm[i] = SideTerm(features, P);
            Sum(features, U, _practiceToFirm.AsSpan(i * _d, _d));
            Sum(features, R, toPrior);
            for (var t = 0; t < Terms; t++)
            {
                _practiceToPrior[(i * Terms) + t] = TensorPrimitives.Dot(toPrior, model.Vector(model.Vocabulary.Count + t, P));
            }
        }

        _priorPairs = new float[Terms * Terms];
        for (var t = 0; t < Terms; t++)
        {
            for (var s = 0; s < Terms; s++)
            {
                _priorPairs[(t * Terms) + s] = t == s ? 0 : TensorPrimitives.Dot(model.Vector(model.Vocabulary.Count + t, R), model.Vector(model.Vocabulary.Count + s, R));
            }
        }
    }

    public override void ScoreAll(SmeProfile sme, Span<float> scores)
    {
        var model = _model;
        var firm = FeatureEncoder.Encode(model.Vocabulary, sme);
        var firmTerm = SideTerm(firm, U);
        Span<float> toPractice = stackalloc float[_d];
        Span<float> toPrior = stackalloc float[_d];
        Sum(firm, P, toPractice);
        Sum(firm, R, toPrior);
        Span<float> perTerm = stackalloc float[Terms];
        for (var t = 0; t < Terms; t++)
        {
            perTerm[t] = model.PriorLinear[t] + TensorPrimitives.Dot(toPrior, model.Vector(model.Vocabulary.Count + t, U));
        }

        var inputs = new float[scores.Length * Terms];
        model.PriorInputs(_prior, sme, inputs);
        for (var i = 0; i < scores.Length; i++)
        {
            var r = inputs.AsSpan(i * Terms, Terms);
            var score = firmTerm + _practiceTerm[i] + TensorPrimitives.Dot(toPractice, _practiceToFirm.AsSpan(i * _d, _d));
            for (var t = 0; t < Terms; t++)
            {
                score += r[t] * (perTerm[t] + _practiceToPrior[(i * Terms) + t]);
                for (var s = t + 1; s < Terms; s++)
                {
                    score += r[t] * r[s] * _priorPairs[(t * Terms) + s];
                }
            }

            scores[i] = score;
        }
    }

    public override List<Contribution> Explain(SmeProfile sme, int practice)
    {
        var model = _model;
        var vocabulary = model.Vocabulary;
        var firm = FeatureEncoder.Encode(vocabulary, sme);
        var features = _practiceFeatures[practice];
        var result = new List<Contribution> { new(ContributionKind.Baseline, SideTerm(firm, U)) };

        // The practice's own terms, one per feature, and its features' pairs with each other.
        var within = _practiceTerm[practice];
        for (var b = 0; b < features.Count; b++)
        {
            var linear = model.Weights[features.Indices[b]] * features.Values[b];
            within -= linear;
            if (linear != 0)
            {
                result.Add(new Contribution(ContributionKind.PracticeTerm, linear, PracticeFeature: vocabulary.Names[features.Indices[b]]));
            }
        }

        if (within != 0)
        {
            result.Add(new Contribution(ContributionKind.PracticeTerm, within));
        }

        for (var a = 0; a < firm.Count; a++)
        {
            for (var b = 0; b < features.Count; b++)
            {
                var pair = firm.Values[a] * features.Values[b] * TensorPrimitives.Dot(model.Vector(firm.Indices[a], P), model.Vector(features.Indices[b], U));
                if (pair != 0)
                {
                    result.Add(new Contribution(ContributionKind.Pair, pair, vocabulary.Names[firm.Indices[a]], vocabulary.Names[features.Indices[b]]));
                }
            }
        }

        // Each prior term with everything it meets: its own weight, the firm's and the practice's
        // features, and half of each pair with another term.
        Span<float> toPrior = stackalloc float[_d];
        Sum(firm, R, toPrior);
        var inputs = new float[_prior.Practices.Count * Terms];
        model.PriorInputs(_prior, sme, inputs);
        var r = inputs.AsSpan(practice * Terms, Terms);
        var named = _prior.Contributions(sme, _prior.Practices[practice]);
        for (var t = 0; t < Terms; t++)
        {
            double value = r[t] * (model.PriorLinear[t] + TensorPrimitives.Dot(toPrior, model.Vector(vocabulary.Count + t, U)) + _practiceToPrior[(practice * Terms) + t]);
            for (var s = 0; s < Terms; s++)
            {
                value += 0.5 * r[t] * r[s] * _priorPairs[(t * Terms) + s];
            }

            // Shared among the term's named parts (the barriers the practice addresses, say) in proportion to their weight in the rule.
            result.AddRange(PriorParts.Split(value, (PriorTerm)t, [.. named.Where(c => c.Term == (PriorTerm)t && c.Value > 0)]));
        }

        return result;
    }

    /// <summary>Σ w·x plus the pairs within one side: ½(|Σ x·v_f|² − Σ x²·|v_f|²) over the side's own field f.</summary>
    private float SideTerm(SparseFeatures features, int field)
    {
        var model = _model;
        Span<float> q = stackalloc float[_d];
        Sum(features, field, q);
        var squares = 0f;
        for (var j = 0; j < features.Count; j++)
        {
            var v = model.Vector(features.Indices[j], field);
            squares += features.Values[j] * features.Values[j] * TensorPrimitives.Dot(v, v);
        }

        return features.Dot(model.Weights) + (0.5f * (TensorPrimitives.Dot<float>(q, q) - squares));
    }

    /// <summary>Σ x·v over the features, each feature's vector towards <paramref name="towards"/>.</summary>
    private void Sum(SparseFeatures features, int towards, Span<float> into)
    {
        into.Clear();
        for (var j = 0; j < features.Count; j++)
        {
            TensorPrimitives.MultiplyAdd(_model.Vector(features.Indices[j], towards), features.Values[j], into, into);
        }
    }
}
