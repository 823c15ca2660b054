using System.Text.Json.Nodes;

namespace SmartyAssess.Recommender.Tests;

public class ModelFileTests
{
    private static string Saved()
    {
        var practices = Fixtures.Catalogue();
        var sme = Fixtures.Sme("u");
        var vocabulary = FeatureEncoder.BuildVocabulary([sme], practices);
        var model = FmTrainer.Train(TrainingSet.Build(vocabulary, [sme], practices, [new LabelledPair("u", "skills", 1, 1)], 4, PriorWeights.Default), new TrainingOptions(MaxEpochs: 3)).Model;
        return ModelFile.Serialize(model, new ModelMetadata("1.0.0-test", new TrainingOptions(MaxEpochs: 3), TrainingSet.Hash(practices), "h", new Dictionary<string, double> { ["ndcg@5"] = 0.5 }, "fixture", TrainingSource.Synthetic));
    }

    [Fact]
    public void SaveThenLoad_GivesTheSameModel()
    {
        var json = Saved();

        var (model, metadata) = ModelFile.Deserialize(json);

        Assert.Equal(json, ModelFile.Serialize(model, metadata));
        Assert.Equal("1.0.0-test", metadata.ModelVersion);
        Assert.Equal(0.5, metadata.Metrics["ndcg@5"]);
    }

    [Theory]
    [InlineData("schemaVersion", "2", "schema version 2")]
    [InlineData("format", "\"other\"", "not a smarty-fm, smarty-ffm or smarty-gbdt model file")]
    [InlineData("featureVersion", "\"features-0\"", "feature version")]
    [InlineData("bias", "123.5", "content hash does not match")]
    public void Load_IncompatibleOrDamagedFile_IsRefusedWithAClearMessage(string field, string value, string message)
    {
        var json = JsonNode.Parse(Saved())!;
        json[field] = JsonNode.Parse(value);

        var error = Assert.Throws<ModelFileException>(() => ModelFile.Deserialize(json.ToJsonString()));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NotJsonOrMissing_IsRefusedWithAClearMessage()
    {
        Assert.Contains("not valid JSON", Assert.Throws<ModelFileException>(() => ModelFile.Deserialize("{ nope")).Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", Assert.Throws<ModelFileException>(() => ModelFile.Load("/nonexistent/model.json")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AFileWrittenBeforeTheInteractionMap_StillLoads_AndRecordsThatEveryFeatureInteracted()
    {
        // A model published to a service database by an earlier release must keep working.
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "smarty-fm-2026.11-synthetic.1.json");

        var (model, metadata) = ModelFile.Load(path);

        Assert.Equal("2026.11-synthetic.1", metadata.ModelVersion);
        Assert.Equal(FeatureInteractions.All, metadata.Options!.Interactions);
        Assert.Equal(5, metadata.Options.Patience);
        Assert.True(model.Vocabulary.Count > 0);
    }

    [Fact]
    public void SaveThenLoad_KeepsTheInteractionMap()
    {
        var practices = Fixtures.Catalogue();
        var vocabulary = FeatureEncoder.BuildVocabulary([Fixtures.Sme("u")], practices);
        var options = new TrainingOptions(MaxEpochs: 1, Interactions: "u.region,i.instrument");
        var model = FmTrainer.Train(TrainingSet.Build(vocabulary, [Fixtures.Sme("u")], practices, [new LabelledPair("u", "skills", 1, 1)], 4, PriorWeights.Default), options).Model;

        var (_, metadata) = ModelFile.Deserialize(ModelFile.Serialize(model, new ModelMetadata("1", options, "c", "t", new Dictionary<string, double>(), null, TrainingSource.Synthetic)));

        Assert.Equal(options, metadata.Options);
    }
}
