using Microsoft.ML;
using Microsoft.ML.Data;
using SmartyAssess.Recommender.MLNet;

namespace SmartyAssess.Recommender.Tests;

/// <summary>The field-aware model ML.NET trains, as the engine serves it.</summary>
public class MlNetFfmTests
{
    private static (TrainingData Data, IReadOnlyList<SmeProfile> Smes, IReadOnlyList<PracticeProfile> Practices, List<LabelledPair> Labels) Problem()
    {
        var practices = Fixtures.Catalogue();
        var smes = Enumerable.Range(0, 40).Select(i => Fixtures.Sme($"u{i}", barriers: i % 2 == 0 ? ["finance"] : ["business-case"], top: i % 3 == 0 ? ["finance"] : [])).ToList();
        var labels = smes.SelectMany((s, i) => practices.Select((p, j) => new LabelledPair(s.Id, p.Id, (i + j) % 3 == 0 ? 1 : -1, 1 + (j % 2)))).ToList();
        var vocabulary = FeedbackTraining.Vocabulary(smes, practices, labels);
        return (TrainingSet.Build(vocabulary, smes, practices, labels, 4, PriorWeights.Default), smes, practices, labels);
    }

    [Fact]
    public void TheEngineScoresEveryPairExactlyAsMlNetDoes()
    {
        var (data, smes, practices, _) = Problem();
        var options = new MlNetFfmOptions(Iterations: 5);
        var model = Assert.IsType<FfmModel>(MlNetFfmTrainer.Train(data, options));

        // ML.NET's own scores for every (firm, practice), through the same rows the trainer fed it.
        var context = new MLContext(options.Seed);
        var all = data with { Examples = [.. Enumerable.Range(0, smes.Count).SelectMany(u => Enumerable.Range(0, practices.Count).Select(i => new TrainingExample(u, i, 1, 1)))] };
        var full = TrainingSet.Build(data.Vocabulary, smes, practices, smes.SelectMany(s => practices.Select(p => new LabelledPair(s.Id, p.Id, 1, 1))), 4, PriorWeights.Default);
        var rows = MlNetFfmTrainer.Rows(context, full, options.Kappa);
        var trained = MlNetFfmTrainer.Trainer(context, options).Fit(MlNetFfmTrainer.Rows(new MLContext(options.Seed), data, options.Kappa));
        var expected = trained.Transform(rows).GetColumn<float>("Score").Where((_, n) => n % MlNetFfmTrainer.Copies(1) == 0).ToArray();
        Assert.Equal(all.Examples.Count, expected.Length);

        var engine = new RecommenderEngine(model, practices);
        var scores = new float[practices.Count];
        for (var u = 0; u < smes.Count; u++)
        {
            engine.ScoreAll(smes[u], scores);
            for (var i = 0; i < practices.Count; i++)
            {
                Assert.Equal(expected[(u * practices.Count) + i], scores[i], 3e-4f);
            }
        }
    }

    [Fact]
    public void ContributionsAddUpToTheServedScore_AndReasonsNameWhatTheFirmHas()
    {
        var (data, smes, practices, _) = Problem();
        var engine = new RecommenderEngine(MlNetFfmTrainer.Train(data, new MlNetFfmOptions(Iterations: 5)), practices);
        var scores = new float[practices.Count];
        foreach (var sme in smes.Take(8))
        {
            engine.ScoreAll(sme, scores);
            for (var i = 0; i < practices.Count; i++)
            {
                Assert.Equal(scores[i], engine.Explain(sme, practices[i].Id).Sum(c => c.Value), 1e-4);
            }

            foreach (var recommendation in engine.Recommend(sme, 3))
            {
                Assert.Equal(scores[engine.Practices.ToList().IndexOf(recommendation.Practice)], recommendation.Score, 1e-5);
                Assert.InRange(recommendation.Reasons.Count, 0, 3);
                Assert.All(recommendation.Reasons, r => Assert.True(r.Value > 0));
                Assert.All(recommendation.Reasons.Where(r => r.Kind == ContributionKind.Pair), r => Assert.StartsWith("u.", r.SmeFeature, StringComparison.Ordinal));
                Assert.All(recommendation.Reasons.Where(r => r.Kind == ContributionKind.Prior), r => Assert.NotNull(r.Prior!.Id));
            }
        }
    }

    [Fact]
    public void TheSameSeedGivesTheSameModel_AnotherSeedAnother()
    {
        var (data, _, _, _) = Problem();
        var first = Assert.IsType<FfmModel>(MlNetFfmTrainer.Train(data, new MlNetFfmOptions(Iterations: 5, Seed: 3)));
        var again = Assert.IsType<FfmModel>(MlNetFfmTrainer.Train(data, new MlNetFfmOptions(Iterations: 5, Seed: 3)));
        var other = Assert.IsType<FfmModel>(MlNetFfmTrainer.Train(data, new MlNetFfmOptions(Iterations: 5, Seed: 4)));

        Assert.Equal(first.Latent, again.Latent);
        Assert.Equal(first.Weights, again.Weights);
        Assert.Equal(first.PriorLinear, again.PriorLinear);
        Assert.NotEqual(first.Latent, other.Latent);
    }

    [Fact]
    public void WithoutFeedback_TheRankingIsExactlyTheRulePriors()
    {
        var (data, smes, practices, _) = Problem();
        var engine = new RecommenderEngine(MlNetFfmTrainer.Train(data with { Examples = [] }, new MlNetFfmOptions()), practices);
        var prior = new RulePrior(practices);
        var scores = new float[practices.Count];
        var priors = new float[practices.Count];
        foreach (var sme in smes.Take(5))
        {
            engine.ScoreAll(sme, scores);
            prior.ScoreAll(sme, priors);
            Assert.Equal(Order(priors), Order(scores));
        }

        static int[] Order(float[] values) => [.. Enumerable.Range(0, values.Length).OrderByDescending(i => values[i]).ThenBy(i => i)];
    }

    [Fact]
    public void AModelFile_RoundTripsToTheSameScores_AndADamagedOneIsRefused()
    {
        var (data, smes, practices, _) = Problem();
        var model = MlNetFfmTrainer.Train(data, new MlNetFfmOptions(Iterations: 3));
        var metadata = new ModelMetadata("ffm-test", null, TrainingSet.Hash(practices), "data", new Dictionary<string, double>(), null, TrainingSource.Synthetic, "mlnet-ffm", new Dictionary<string, string> { ["iterations"] = "3" });
        var json = ModelFile.Serialize(model, metadata);

        var (read, readMetadata) = ModelFile.Deserialize(json);
        Assert.Equal(json, ModelFile.Serialize(read, readMetadata));
        Assert.Equal("mlnet-ffm", readMetadata.Trainer);
        Assert.Equal("3", readMetadata.Settings!["iterations"]);
        var (before, after) = (new float[practices.Count], new float[practices.Count]);
        new RecommenderEngine(model, practices).ScoreAll(smes[0], before);
        new RecommenderEngine(read, practices).ScoreAll(smes[0], after);
        Assert.Equal(before, after);

        var damaged = json.Replace("\"kappa\":4", "\"kappa\":5", StringComparison.Ordinal);
        Assert.NotEqual(json, damaged);
        Assert.Contains("content hash", Assert.Throws<ModelFileException>(() => ModelFile.Deserialize(damaged)).Message, StringComparison.Ordinal);
    }
}
