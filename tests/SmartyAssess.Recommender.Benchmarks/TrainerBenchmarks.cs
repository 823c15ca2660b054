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
    private List<PracticeProfile> _practices = [];
    private List<SmeProfile> _smes = [];
    private List<LabelledPair> _labels = [];

    [Params("fm", "mlnet-ffm", "mlnet-lambdarank")]
    public string Trainer { get; set; } = "fm";

    [GlobalSetup]
    public void Setup()
    {
        _practices = Workload.Practices(40);
        _smes = Workload.Smes(1_000);
        _labels = Workload.Labels(_smes, _practices, 10_000);
    }

    /// <summary>Vocabulary, encoding and training, as <c>train</c> does them.</summary>
    [Benchmark]
    public RankingModel Train10kImpressions() => Workload.Train(Trainer, _smes, _practices, _labels);
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
        _engine = new RecommenderEngine(Workload.Train(Trainer, smes, practices, labels), practices);
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
