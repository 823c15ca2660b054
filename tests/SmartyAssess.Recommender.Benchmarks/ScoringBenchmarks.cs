using BenchmarkDotNet.Attributes;

namespace SmartyAssess.Recommender.Benchmarks;

/// <summary>
/// Scoring one firm against N practices: the engine (precomputed practice vectors, bit-mask prior,
/// TensorPrimitives) next to a straightforward LINQ implementation of the same score, as the baseline.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ScoringBenchmarks
{
    private RecommenderEngine _engine = default!;
    private SmeProfile _sme = default!;
    private float[] _scores = [];
    private FmModel _model = default!;
    private List<PracticeProfile> _practices = [];

    [Params(100, 1_000, 10_000)]
    public int Practices { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _practices = Workload.Practices(Practices);
        var smes = Workload.Smes(50);
        _sme = smes[0];
        _model = Workload.RandomModel(smes, _practices);
        _engine = new RecommenderEngine(_model, _practices);
        _scores = new float[Practices];
    }

    [Benchmark]
    public float Engine()
    {
        _engine.ScoreAll(_sme, _scores);
        return _scores[0];
    }

    /// <summary>The same scores computed the obvious way: named features, dictionary lookups, LINQ sums, prior per pair.</summary>
    [Benchmark(Baseline = true)]
    public double Linq()
    {
        var vocabulary = _model.Vocabulary;
        var k = _model.Factors;
        var firm = FeatureEncoder.Encode(vocabulary, _sme);
        var firmPairs = firm.Indices.Zip(firm.Values).ToList();
        var prior = new RulePrior(_practices, _model.EffectivePrior);
        var priors = _practices.Select((_, i) => prior.Score(_sme, i)).ToList();
        var mean = priors.Average();
        var scores = _practices.Select((practice, i) =>
        {
            var p = FeatureEncoder.Encode(vocabulary, practice);
            var practicePairs = p.Indices.Zip(p.Values).ToList();
            return _model.Bias
                + firmPairs.Sum(a => _model.Weights[a.First] * a.Second)
                + practicePairs.Sum(b => _model.Weights[b.First] * b.Second)
                + firmPairs.Sum(a => practicePairs.Sum(b => a.Second * b.Second * Enumerable.Range(0, k).Sum(f => _model.Latent[(a.First * k) + f] * _model.Latent[(b.First * k) + f])))
                + (_model.Kappa * (priors[i] - mean));
        }).ToList();
        return scores[0];
    }
}
