namespace SmartyAssess.Recommender.Tests;

public class FeatureInteractionsTests
{
    private static (TrainingData Data, FeatureVocabulary Vocabulary) Problem()
    {
        var practices = Fixtures.Catalogue();
        var smes = Enumerable.Range(0, 20).Select(i => Fixtures.Sme($"u{i}", barriers: i % 2 == 0 ? ["finance"] : ["business-case"], top: i % 3 == 0 ? ["finance"] : [])).ToList();
        var labels = smes.SelectMany((s, i) => new[]
        {
            new LabelledPair(s.Id, i % 2 == 0 ? "skills" : "cluster", 1, 1),
            new LabelledPair(s.Id, "voucher", -1, 1),
        }).ToList();
        var vocabulary = FeatureEncoder.BuildVocabulary(smes, practices);
        return (TrainingSet.Build(vocabulary, smes, practices, labels, 4, PriorWeights.Default), vocabulary);
    }

    private static bool HasVector(FmModel model, int feature) => model.Vector(feature).ToArray().Any(v => v != 0);

    [Fact]
    public void Parse_UnknownKind_IsRefusedNamingItAndTheKnownKinds()
    {
        var error = Assert.Throws<ArgumentException>(() => FeatureInteractions.Parse("u.sector,i.colour"));

        Assert.Contains("i.colour", error.Message, StringComparison.Ordinal);
        Assert.Contains("i.theme", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_All_MeansNoRestriction_AndAListIsTrimmed()
    {
        Assert.Null(FeatureInteractions.Parse(" * "));
        Assert.Equal(["i.theme", "u.size"], FeatureInteractions.Parse(" u.size , i.theme ")!.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Train_DefaultMap_GivesLatentVectorsOnlyToSectorSizeAndTheme_ButLinearWeightsToAll()
    {
        var (data, vocabulary) = Problem();

        var model = FmTrainer.Train(data, new TrainingOptions(MaxEpochs: 5)).Model;

        var kinds = new[] { "u.sector", "u.size", "i.theme" };
        for (var f = 0; f < vocabulary.Count; f++)
        {
            var kind = FeatureInteractions.KindOf(vocabulary.Names[f]);
            Assert.True(kinds.Contains(kind) == HasVector(model, f), $"{vocabulary.Names[f]}: vector {(HasVector(model, f) ? "present" : "absent")}");
        }

        Assert.NotEqual(0, model.Weights[vocabulary.IndexOf("i.barrier:finance")]);
    }

    [Fact]
    public void Train_AllFeatures_GivesEveryFeatureAVector()
    {
        var (data, vocabulary) = Problem();

        var model = FmTrainer.Train(data, new TrainingOptions(MaxEpochs: 5, Interactions: FeatureInteractions.All)).Model;

        Assert.All(Enumerable.Range(0, vocabulary.Count), f => Assert.True(HasVector(model, f), vocabulary.Names[f]));
    }

    [Fact]
    public void Explanations_UnderTheDefaultMap_PairOnlySectorOrSizeWithTheme()
    {
        var (data, _) = Problem();
        var model = FmTrainer.Train(data, new TrainingOptions(MaxEpochs: 5)).Model;
        var engine = new RecommenderEngine(model, Fixtures.Catalogue());

        var pairs = Fixtures.Catalogue().SelectMany(p => engine.Explain(Fixtures.Sme("u0", barriers: ["finance"]), p.Id)).Where(c => c.Kind == ContributionKind.Pair && c.Value != 0).ToList();

        Assert.NotEmpty(pairs);
        Assert.All(pairs, c =>
        {
            Assert.Contains(FeatureInteractions.KindOf(c.SmeFeature!), new[] { "u.sector", "u.size" });
            Assert.Equal("i.theme", FeatureInteractions.KindOf(c.PracticeFeature!));
        });
    }

    [Fact]
    public void FeedbackTraining_WithoutEarlyStopping_LearnsFromEveryFirm_WithItHoldsATenthOut()
    {
        var practices = Fixtures.Catalogue();
        var smes = Enumerable.Range(0, 30).Select(i => Fixtures.Sme($"u{i:D2}")).ToList();
        var labels = smes.Select(s => new LabelledPair(s.Id, "cluster", 1, 1)).ToList();

        var all = FeedbackTraining.Train(smes, practices, labels, new TrainingOptions(MaxEpochs: 2), new Random64(1));
        var stopped = FeedbackTraining.Train(smes, practices, labels, new TrainingOptions(MaxEpochs: 2, Patience: 1), new Random64(1));

        int FirmIds(FmModel m) => m.Vocabulary.Names.Count(n => n.StartsWith("u.sme:", StringComparison.Ordinal));
        Assert.Equal(30, FirmIds(all));
        Assert.Equal(27, FirmIds(stopped));
    }
}
