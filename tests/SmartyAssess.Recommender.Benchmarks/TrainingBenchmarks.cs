using BenchmarkDotNet.Attributes;

namespace SmartyAssess.Recommender.Benchmarks;

/// <summary>
/// Training 10,000 labelled rows for 50 epochs (no early stopping, no sampled negatives): the
/// issue's training target, with the default interaction map and with every feature interacting
/// (the costlier case: every feature's vector is updated).
/// </summary>
[ShortRunJob]
public class TrainingBenchmarks
{
    private TrainingData _data = default!;

    [GlobalSetup]
    public void Setup()
    {
        var practices = Workload.Practices(40);
        var smes = Workload.Smes(1_000);
        var labels = Workload.Labels(smes, practices, 10_000);
        _data = TrainingSet.Build(FeatureEncoder.BuildVocabulary(smes, practices), smes, practices, labels, 4, PriorWeights.Default);
    }

    [Params(FeatureInteractions.Default, FeatureInteractions.All)]
    public string Interactions { get; set; } = FeatureInteractions.Default;

    [Benchmark]
    public FmModel Train10kRows50Epochs() =>
        FmTrainer.Train(_data, new TrainingOptions(MaxEpochs: 50, NegativesPerPositive: 0, Interactions: Interactions)).Model;
}
