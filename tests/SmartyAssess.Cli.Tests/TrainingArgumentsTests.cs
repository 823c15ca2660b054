using SmartyAssess.Recommender;

namespace SmartyAssess.Cli.Tests;

public class TrainingArgumentsTests
{
    [Fact]
    public void Interactions_Given_AreUsedInCanonicalOrder_AndDefaultIsTheEngineDefault()
    {
        Assert.Equal(FeatureInteractions.Default, Training.Options(new Arguments([])).Interactions);
        Assert.Equal("u.region,i.instrument", Training.Options(new Arguments(["--interactions", " i.instrument, u.region"])).Interactions);
        Assert.Equal(FeatureInteractions.All, Training.Options(new Arguments(["--interactions", "*"])).Interactions);
    }

    [Fact]
    public void Interactions_UnknownKind_IsAUsageErrorNamingTheOptionAndTheKind()
    {
        var error = Assert.Throws<UsageException>(() => Training.Options(new Arguments(["--interactions", "u.sector,i.colour"])));

        Assert.StartsWith("--interactions:", error.Message, StringComparison.Ordinal);
        Assert.Contains("i.colour", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", error.Message, StringComparison.Ordinal);
    }
}
