namespace SmartyAssess.Recommender.Tests;

public class TrainerTests
{
    private static (TrainingData Data, IReadOnlyList<SmeProfile> Smes, IReadOnlyList<PracticeProfile> Practices) Problem(Loss loss = Loss.Logistic)
    {
        var practices = Fixtures.Catalogue();
        var smes = Enumerable.Range(0, 12).Select(i => Fixtures.Sme($"u{i}", barriers: i % 2 == 0 ? ["finance"] : ["business-case"], top: i % 3 == 0 ? ["finance"] : [])).ToList();
        var labels = smes.SelectMany((s, i) => new[]
        {
            new LabelledPair(s.Id, i % 2 == 0 ? "skills" : "cluster", loss == Loss.Logistic ? 1 : 4.5f, 1),
            new LabelledPair(s.Id, "voucher", loss == Loss.Logistic ? -1 : 1.5f, 1),
        }).ToList();
        var vocabulary = FeatureEncoder.BuildVocabulary(smes, practices);
        return (TrainingSet.Build(vocabulary, smes, practices, labels, 4, PriorWeights.Default), smes, practices);
    }

    [Theory]
    [InlineData(Loss.Logistic)]
    [InlineData(Loss.Squared)]
    public void Gradient_MatchesFiniteDifferencesOfTheLoss(Loss loss)
    {
        var (data, _, _) = Problem(loss);
        // Every feature interacting, so that the latent gradient of each is exercised.
        var state = new FmTrainer.State(data, new TrainingOptions(Factors: 4, Loss: loss, Interactions: FeatureInteractions.All));
        state.Initialise(new Random64(7));
        // Move away from the symmetric start so that every term of the gradient is exercised.
        foreach (var example in data.Examples.Take(5))
        {
            state.Step(example);
        }

        var probe = data.Examples[3];
        var (bias, weights, latent, priorGradient) = state.Gradient(probe);
        const float h = 1e-3f;

        double Numeric(float[] parameters, int index)
        {
            var original = parameters[index];
            parameters[index] = original + h;
            var up = state.LossOf(probe);
            parameters[index] = original - h;
            var down = state.LossOf(probe);
            parameters[index] = original;
            return (up - down) / (2 * h);
        }

        var touched = data.Smes[probe.Sme].Indices.Concat(data.Practices[probe.Practice].Indices).ToList();
        Assert.NotEmpty(touched);
        foreach (var index in touched)
        {
            Close(weights[index], Numeric(state.Weights, index));
            for (var f = 0; f < 4; f++)
            {
                Close(latent[(index * 4) + f], Numeric(state.Latent, (index * 4) + f));
            }
        }

        var b = state.Bias;
        state.Bias = b + h;
        var upBias = state.LossOf(probe);
        state.Bias = b - h;
        var downBias = state.LossOf(probe);
        state.Bias = b;
        Close(bias, (upBias - downBias) / (2 * h));
        for (var t = 0; t < PriorWeights.TermCount; t++)
        {
            Close(priorGradient[t], Numeric(state.PriorAdjustment, t));
        }

        Assert.Contains(priorGradient, g => Math.Abs(g) > 1e-3);
        Assert.True(weights.Any(w => Math.Abs(w) > 1e-3), "the probe must have a non-trivial gradient");
    }

    // Parameters are floats, so central differences carry about 1e-4 of rounding noise.
    private static void Close(double analytic, double numeric) =>
        Assert.True(Math.Abs(analytic - numeric) <= 5e-4 + (1e-2 * Math.Abs(analytic)), $"analytic {analytic} vs numeric {numeric}");

    [Fact]
    public void Train_SameSeedAndData_GivesByteIdenticalModelFiles()
    {
        var (data, _, practices) = Problem();
        var options = new TrainingOptions(MaxEpochs: 10, Seed: 123);
        var metadata = new ModelMetadata("test", options, TrainingSet.Hash(practices), "data", new Dictionary<string, double>(), null, TrainingSource.Synthetic);

        var first = ModelFile.Serialize(FmTrainer.Train(data, options).Model, metadata);
        var second = ModelFile.Serialize(FmTrainer.Train(data, options).Model, metadata);
        var otherSeed = ModelFile.Serialize(FmTrainer.Train(data, options with { Seed = 124 }).Model, metadata);

        Assert.Equal(first, second);
        Assert.NotEqual(first, otherSeed);
    }

    [Fact]
    public void Train_NoFeedback_RanksExactlyByThePrior()
    {
        var practices = Fixtures.Catalogue();
        var sme = Fixtures.Sme("new", barriers: ["partners-advice", "finance"], top: ["partners-advice"], goals: ["skills"], automation: 10);
        var vocabulary = FeatureEncoder.BuildVocabulary([sme], practices);
        var model = FmTrainer.Train(TrainingSet.Build(vocabulary, [sme], practices, [], 4, PriorWeights.Default), new TrainingOptions()).Model;
        var recommender = new RecommenderEngine(model, practices);
        var prior = new RulePrior(practices);

        var ranked = recommender.Recommend(sme, practices.Count, maxPerThemeInTopFive: practices.Count).Select(r => r.Practice.Id);

        var byPrior = Enumerable.Range(0, practices.Count).OrderByDescending(i => (float)prior.Score(sme, i)).ThenBy(i => practices[i].Id, StringComparer.Ordinal).Select(i => practices[i].Id);
        Assert.Equal(byPrior, ranked);
    }

    [Fact]
    public void Train_Feedback_LiftsWhatFirmsLikeThisFoundUseful_ForANewFirm()
    {
        var practices = Fixtures.Catalogue();
        // Firms naming "finance" keep finding "cluster" (not a finance practice) relevant and the vouchers not.
        var smes = Enumerable.Range(0, 40).Select(i => Fixtures.Sme($"u{i}", barriers: ["finance"])).ToList();
        var labels = smes.SelectMany(s => new[] { new LabelledPair(s.Id, "cluster", 1, 2), new LabelledPair(s.Id, "voucher", -1, 1), new LabelledPair(s.Id, "audit", -1, 1) }).ToList();
        var vocabulary = FeatureEncoder.BuildVocabulary(smes, practices);
        var newcomer = Fixtures.Sme("newcomer", barriers: ["finance"]);

        var before = new RecommenderEngine(FmModel.PriorOnly(vocabulary), practices).Recommend(newcomer, practices.Count, maxPerThemeInTopFive: 8).Select(r => r.Practice.Id).ToList();
        var model = FmTrainer.Train(TrainingSet.Build(vocabulary, smes, practices, labels, 4, PriorWeights.Default), new TrainingOptions(MaxEpochs: 30)).Model;
        var after = new RecommenderEngine(model, practices).Recommend(newcomer, practices.Count, maxPerThemeInTopFive: 8).Select(r => r.Practice.Id).ToList();

        Assert.True(after.IndexOf("cluster") < before.IndexOf("cluster"), $"before: {string.Join(",", before)}; after: {string.Join(",", after)}");
        Assert.Equal("cluster", after[0]);
    }

    [Fact]
    public void Train_WithValidation_StopsEarlyAndKeepsTheBestEpoch()
    {
        var (data, _, _) = Problem();
        var scores = new Queue<double>([0.1, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05, 0.9]);

        var result = FmTrainer.Train(data, new TrainingOptions(MaxEpochs: 20, Patience: 3), validate: _ => scores.Dequeue());

        Assert.Equal(2, result.BestEpoch);
        Assert.Equal(5, result.EpochsRun);
        Assert.Equal([0.1, 0.5, 0.4, 0.3, 0.2], result.ValidationScores);
    }

    [Fact]
    public void Train_WithValidationButNoPatience_RunsEveryEpochAndKeepsTheBest()
    {
        var (data, _, _) = Problem();
        var scores = new Queue<double>([0.1, 0.5, 0.4, 0.3, 0.2, 0.1]);

        var result = FmTrainer.Train(data, new TrainingOptions(MaxEpochs: 6), validate: _ => scores.Dequeue());

        Assert.Equal(6, result.EpochsRun);
        Assert.Equal(2, result.BestEpoch);
    }

    [Fact]
    public void Step_UnderTheDefaultMap_LeavesTheVectorsOutsideItAtZero()
    {
        var (data, _, _) = Problem();
        var state = new FmTrainer.State(data, new TrainingOptions(Factors: 4));
        state.Initialise(new Random64(7));
        var mask = FeatureInteractions.Mask(data.Vocabulary, FeatureInteractions.Default);

        foreach (var example in data.Examples)
        {
            state.Step(example);
        }

        Assert.All(Enumerable.Range(0, data.Vocabulary.Count).Where(f => !mask[f]), f => Assert.All(state.Latent.AsSpan(f * 4, 4).ToArray(), v => Assert.Equal(0f, v)));
        Assert.Contains(Enumerable.Range(0, data.Vocabulary.Count).Where(f => mask[f]), f => state.Latent.AsSpan(f * 4, 4).ToArray().Any(v => v != 0));
    }
}
