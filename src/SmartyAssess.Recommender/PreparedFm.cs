using System.Numerics.Tensors;

namespace SmartyAssess.Recommender;

/// <summary>
/// An <see cref="FmModel"/> with practice embeddings and practice terms computed once, so that
/// ranking is one firm encoding plus one dot product per practice.
/// </summary>
internal sealed class PreparedFm : PreparedModel
{
    private readonly FmModel _model;
    private readonly IReadOnlyList<PracticeProfile> _practices;
    private readonly RulePrior _prior;
    private readonly float[] _practiceVectors; // practice i's embedding at [i·k, i·k + k)
    private readonly float[] _practiceLinear;
    private readonly SparseFeatures[] _practiceFeatures;

    public PreparedFm(FmModel model, IReadOnlyList<PracticeProfile> practices, RulePrior prior)
    {
        _model = model;
        _practices = practices;
        _prior = prior;
        var k = model.Factors;
        _practiceVectors = new float[practices.Count * k];
        _practiceLinear = new float[practices.Count];
        _practiceFeatures = new SparseFeatures[practices.Count];
        for (var i = 0; i < practices.Count; i++)
        {
            _practiceFeatures[i] = FeatureEncoder.Encode(model.Vocabulary, practices[i]);
            model.Embed(_practiceFeatures[i], _practiceVectors.AsSpan(i * k, k));
            _practiceLinear[i] = model.Linear(_practiceFeatures[i]);
        }
    }

    public override void ScoreAll(SmeProfile sme, Span<float> scores)
    {
        var model = _model;
        var k = model.Factors;
        var firm = FeatureEncoder.Encode(model.Vocabulary, sme);
        Span<float> q = stackalloc float[k];
        model.Embed(firm, q);
        var baseline = model.Bias + model.Linear(firm);

        _prior.ScoreAll(sme, scores);
        var meanPrior = _practices.Count == 0 ? 0 : TensorPrimitives.Sum<float>(scores) / _practices.Count;
        // scores = κ·(π − mean π) + practice terms + baseline, then add each ⟨q, p_i⟩.
        TensorPrimitives.Multiply(scores, model.Kappa, scores);
        TensorPrimitives.Add(scores, baseline - (model.Kappa * meanPrior), scores);
        TensorPrimitives.Add(scores, _practiceLinear, scores);
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] += TensorPrimitives.Dot(q, _practiceVectors.AsSpan(i * k, k));
        }
    }

    public override List<Contribution> Explain(SmeProfile sme, int practice)
    {
        var model = _model;
        var vocabulary = model.Vocabulary;
        var firm = FeatureEncoder.Encode(vocabulary, sme);
        var priors = new float[_practices.Count];
        _prior.ScoreAll(sme, priors);
        var meanPrior = _practices.Count == 0 ? 0 : priors.Sum() / _practices.Count;

        var result = new List<Contribution>
        {
            new(ContributionKind.Baseline, model.Bias + model.Linear(firm) - (model.Kappa * meanPrior)),
        };
        result.AddRange(_prior.Contributions(sme, _practices[practice]).Select(c => new Contribution(ContributionKind.Prior, model.Kappa * c.Value, Prior: c)));

        var features = _practiceFeatures[practice];
        for (var b = 0; b < features.Count; b++)
        {
            var index = features.Indices[b];
            var x = features.Values[b];
            if (model.Weights[index] != 0)
            {
                result.Add(new Contribution(ContributionKind.PracticeTerm, model.Weights[index] * x, PracticeFeature: vocabulary.Names[index]));
            }

            for (var a = 0; a < firm.Count; a++)
            {
                var pair = firm.Values[a] * x * TensorPrimitives.Dot(model.Vector(firm.Indices[a]), model.Vector(index));
                if (pair != 0)
                {
                    result.Add(new Contribution(ContributionKind.Pair, pair, vocabulary.Names[firm.Indices[a]], vocabulary.Names[index]));
                }
            }
        }

        return result;
    }
}
