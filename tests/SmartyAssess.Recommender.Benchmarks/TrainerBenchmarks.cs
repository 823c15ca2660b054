using BenchmarkDotNet.Attributes;

namespace SmartyAssess.Recommender.Benchmarks;

/// <summary>
/// Each trainer with its defaults on the same 10,000 labelled impressions (1,000 firms, 40
/// practices): our factorisation machine (100 epochs), ML.NET's field-aware factorisation machine
/// and ML.NET's LightGBM LambdaRank (one thread, as in CI).
/// </summary>
[ShortRunJob]
public class TrainerBenchmarks
{
    private TrainingData _data = default!;

    [Params("fm", "mlnet-ffm", "mlnet-lambdarank")]
    public string Trainer { get; set; } = "fm";

    [GlobalSetup]
    public void Setup()
    {
        var practices = Workload.Practices(40);
        var smes = Workload.Smes(1_000);
        var labels = Workload.Labels(smes, practices, 10_000);
        _data = TrainingSet.Build(FeatureEncoder.BuildVocabulary(smes, practices), smes, practices, labels, 4, PriorWeights.Default);
    }

    [Benchmark]
    public RankingModel Train10kImpressions() => Workload.Train(Trainer, _data);
}

/// <summary>Scoring one firm against N practices with a model of each trainer (the results page's share of the work).</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ServingBenchmarks
{
    private RecommenderEngine _engine = default!;
    private SmeProfile _sme = default!;
    private float[] _scores = [];

    [Params("fm", "mlnet-ffm", "mlnet-lambdarank")]
    public string Trainer { get; set; } = "fm";

    [Params(100, 1_000)]
    public int Practices { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var practices = Workload.Practices(Practices);
        var smes = Workload.Smes(1_000);
        var labels = Workload.Labels(smes, practices, 10_000);
        var data = TrainingSet.Build(FeatureEncoder.BuildVocabulary(smes, practices), smes, practices, labels, 4, PriorWeights.Default);
        _engine = new RecommenderEngine(Workload.Train(Trainer, data), practices);
        _sme = smes[0];
        _scores = new float[Practices];
    }

    [Benchmark]
    public float ScoreAll()
    {
        _engine.ScoreAll(_sme, _scores);
        return _scores[0];
    }
}
