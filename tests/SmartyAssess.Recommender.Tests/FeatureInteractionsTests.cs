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

    private static bool Moved(FmModel before, FmModel after, int feature) => !before.Vector(feature).SequenceEqual(after.Vector(feature));

    /// <summary>Features of the firms and practices that have labels: the ones training updates.</summary>
    private static IEnumerable<int> Labelled(FeatureVocabulary vocabulary) =>
        new[] { "skills", "cluster", "voucher" }.SelectMany(id => FeatureEncoder.Named(Fixtures.Catalogue().Single(p => p.Id == id)))
            .Concat(FeatureEncoder.Named(Fixtures.Sme("u0", barriers: ["finance"], top: ["finance"])))
            .Select(f => vocabulary.IndexOf(f.Name)).Where(i => i >= 0).Distinct();

    [Fact]
    public void Parse_UnknownKind_IsRefusedNamingItAndTheKnownKinds()
    {
        var error = Assert.Throws<FormatException>(() => FeatureInteractions.Parse("u.sector,i.colour"));

        Assert.Contains("i.colour", error.Message, StringComparison.Ordinal);
        Assert.Contains("i.theme", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_All_MeansNoRestriction_AndAListIsTrimmed_AndABlankMapIsRefused()
    {
        Assert.Null(FeatureInteractions.Parse(" * "));
        Assert.Equal(["i.theme", "u.size"], FeatureInteractions.Parse(" u.size , i.theme ")!.Order(StringComparer.Ordinal));
        Assert.Throws<FormatException>(() => FeatureInteractions.Parse(" , "));
    }

    [Fact]
    public void Normalise_WritesEqualMapsAlike()
    {
        Assert.Equal("u.sector,u.size,i.theme", FeatureInteractions.Normalise(" i.theme,u.size , u.sector,u.size"));
        Assert.Equal(FeatureInteractions.All, FeatureInteractions.Normalise("*"));
    }

    [Fact]
    public void Kinds_AreExactlyTheKindsTheEncoderProduces()
    {
        // A kind the encoder added without listing it here could never be put in a map by name.
        var sme = new SmeProfile("u", new Dictionary<string, double> { ["data"] = 30 }, "average", "C", "small", "ITI1", ["finance"], ["finance"], ["skills"]);
        var practice = new PracticeProfile("p", "skills", "voucher", ["data"], ["finance"], ["skills"], ["ai-analytics"], ["C"], ["small"], ["basic"], "high", "ITI1");

        var produced = FeatureEncoder.Named(sme).Concat(FeatureEncoder.Named(practice)).Select(f => FeatureInteractions.KindOf(f.Name)).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(FeatureInteractions.Kinds.Order(StringComparer.Ordinal), produced);
    }

    [Fact]
    public void Train_DefaultMap_LearnsLatentVectorsOnlyForSectorSizeAndTheme_ButLinearWeightsForAll()
    {
        var (data, vocabulary) = Problem();

        var start = FmTrainer.Train(data, new TrainingOptions(MaxEpochs: 0)).Model;
        var model = FmTrainer.Train(data, new TrainingOptions(MaxEpochs: 5)).Model;

        var kinds = new[] { "u.sector", "u.size", "i.theme" };
        for (var f = 0; f < vocabulary.Count; f++)
        {
            var kind = FeatureInteractions.KindOf(vocabulary.Names[f]);
            Assert.True(kinds.Contains(kind) == HasVector(model, f), $"{vocabulary.Names[f]}: vector {(HasVector(model, f) ? "present" : "absent")}");
        }

        // The vectors in the map were learned, not just drawn at the start.
        Assert.All(Labelled(vocabulary).Where(f => kinds.Contains(FeatureInteractions.KindOf(vocabulary.Names[f]))), f => Assert.True(Moved(start, model, f), vocabulary.Names[f]));
        Assert.NotEqual(0, model.Weights[vocabulary.IndexOf("i.barrier:finance")]);
    }

    [Fact]
    public void Train_AllFeatures_LearnsAVectorForEveryLabelledFeature()
    {
        var (data, vocabulary) = Problem();

        var options = new TrainingOptions(MaxEpochs: 5, Interactions: FeatureInteractions.All);
        var start = FmTrainer.Train(data, options with { MaxEpochs = 0 }).Model;
        var model = FmTrainer.Train(data, options).Model;

        Assert.All(Enumerable.Range(0, vocabulary.Count), f => Assert.True(HasVector(model, f), vocabulary.Names[f]));
        Assert.All(Labelled(vocabulary), f => Assert.True(Moved(start, model, f), vocabulary.Names[f]));
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
