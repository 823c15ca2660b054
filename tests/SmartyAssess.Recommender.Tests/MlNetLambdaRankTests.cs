using Microsoft.ML;
using Microsoft.ML.Data;
using SmartyAssess.Recommender.MLNet;

namespace SmartyAssess.Recommender.Tests;

/// <summary>LightGBM's LambdaRank trees, trained by ML.NET and served by the engine.</summary>
public class MlNetLambdaRankTests
{
    private static (TrainingData Data, IReadOnlyList<SmeProfile> Smes, IReadOnlyList<PracticeProfile> Practices) Problem()
    {
        var practices = Fixtures.Catalogue();
        var smes = Enumerable.Range(0, 60).Select(i => Fixtures.Sme($"u{i}", barriers: i % 2 == 0 ? ["finance"] : ["business-case"], top: i % 3 == 0 ? ["finance"] : [])).ToList();
        // Firms with a finance barrier adopt one practice, the others another: something for trees to split on.
        var labels = smes.SelectMany((s, i) => practices.Select((p, j) => new LabelledPair(s.Id, p.Id, (i % 2 == 0) == (j % 2 == 0) && (i + j) % 3 != 1 ? 1 : -1, (i + j) % 4 == 0 ? 2 : 1))).ToList();
        var vocabulary = FeedbackTraining.Vocabulary(smes, practices, labels);
        return (TrainingSet.Build(vocabulary, smes, practices, labels, 4, PriorWeights.Default), smes, practices);
    }

    private static readonly MlNetLambdaRankOptions s_small = new(Trees: 20, Leaves: 4, MinimumPerLeaf: 5);

    [Fact]
    public void TheEngineScoresEveryPairExactlyAsMlNetDoes()
    {
        var (data, smes, practices) = Problem();
        var model = Assert.IsType<TreeModel>(MlNetLambdaRankTrainer.Train(data, s_small));
        Assert.NotEmpty(model.Trees);
        Assert.Contains(model.Trees, t => t.Features.Length > 0);

        var context = new MLContext(s_small.Seed);
        var trained = MlNetLambdaRankTrainer.Trainer(context, s_small).Fit(MlNetLambdaRankTrainer.Rows(context, data, s_small.Kappa));
        var full = TrainingSet.Build(data.Vocabulary, smes, practices, smes.SelectMany(s => practices.Select(p => new LabelledPair(s.Id, p.Id, 1, 1))), 4, PriorWeights.Default);
        var expected = trained.Transform(MlNetLambdaRankTrainer.Rows(context, full, s_small.Kappa)).GetColumn<float>("Score").ToArray();

        var engine = new RecommenderEngine(model, practices);
        var scores = new float[practices.Count];
        for (var u = 0; u < smes.Count; u++)
        {
            engine.ScoreAll(smes[u], scores);
            for (var i = 0; i < practices.Count; i++)
            {
                Assert.Equal(expected[(u * practices.Count) + i], scores[i], 1e-4f);
            }
        }
    }

    [Fact]
    public void ContributionsAddUpToTheServedScore_AndReasonsAreWords()
    {
        var (data, smes, practices) = Problem();
        var engine = new RecommenderEngine(MlNetLambdaRankTrainer.Train(data, s_small), practices);
        var scores = new float[practices.Count];
        foreach (var sme in smes.Take(6))
        {
            engine.ScoreAll(sme, scores);
            for (var i = 0; i < practices.Count; i++)
            {
                Assert.Equal(scores[i], engine.Explain(sme, practices[i].Id).Sum(c => c.Value), 1e-4);
            }

            foreach (var recommendation in engine.Recommend(sme, 3))
            {
                Assert.All(recommendation.Reasons, r => Assert.True(r.Value > 0));
                Assert.All(recommendation.Reasons.Where(r => r.Kind == ContributionKind.Prior), r => Assert.NotNull(r.Prior!.Id));
            }
        }
    }

    [Fact]
    public void TheSameSeedGivesTheSameTrees_AndAModelFileRoundTrips()
    {
        var (data, smes, practices) = Problem();
        var first = Assert.IsType<TreeModel>(MlNetLambdaRankTrainer.Train(data, s_small));
        var again = Assert.IsType<TreeModel>(MlNetLambdaRankTrainer.Train(data, s_small));
        var metadata = new ModelMetadata("gbdt-test", null, TrainingSet.Hash(practices), "data", new Dictionary<string, double>(), null, TrainingSource.Synthetic, "mlnet-lambdarank");
        var json = ModelFile.Serialize(first, metadata);
        Assert.Equal(json, ModelFile.Serialize(again, metadata));

        var (read, _) = ModelFile.Deserialize(json);
        var (before, after) = (new float[practices.Count], new float[practices.Count]);
        new RecommenderEngine(first, practices).ScoreAll(smes[1], before);
        new RecommenderEngine(read, practices).ScoreAll(smes[1], after);
        Assert.Equal(before, after);
    }

    [Fact]
    public void WithoutFeedback_TheRankingIsExactlyTheRulePriors()
    {
        var (data, smes, practices) = Problem();
        var engine = new RecommenderEngine(MlNetLambdaRankTrainer.Train(data with { Examples = [] }, s_small), practices);
        var (scores, priors) = (new float[practices.Count], new float[practices.Count]);
        engine.ScoreAll(smes[0], scores);
        new RulePrior(practices).ScoreAll(smes[0], priors);
        Assert.Equal(Enumerable.Range(0, priors.Length).OrderByDescending(i => priors[i]).ThenBy(i => i), Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ThenBy(i => i));
    }
}
