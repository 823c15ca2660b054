using SmartyAssess.Assessment.Scoring;

namespace SmartyAssess.Assessment.Tests;

public class BandsTests
{
    [Theory]
    // half-open thresholds: no score falls between bands
    [InlineData("0", Band.Basic)]
    [InlineData("25", Band.Basic)]
    [InlineData("25.0001", Band.Average)]
    [InlineData("25.4", Band.Average)]
    [InlineData("50", Band.Average)]
    [InlineData("50.7", Band.ModeratelyAdvanced)]
    [InlineData("75", Band.ModeratelyAdvanced)]
    [InlineData("75.5", Band.Advanced)]
    [InlineData("100", Band.Advanced)]
    public void Classify_Score_GivesDmaBand(string score, Band expected)
    {
        Assert.Equal(expected, Bands.Classify(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("19.99", 0)]
    [InlineData("20", 1)]
    [InlineData("59.9", 2)]
    [InlineData("60", 3)]
    [InlineData("99.9", 4)]
    [InlineData("100", 5)]
    public void Level_Score_IsFloorOfScoreOverTwentyCappedAtFive(string score, int expected)
    {
        Assert.Equal(expected, Bands.Level(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void ToId_RoundTripsThroughTryParse()
    {
        foreach (var band in Bands.All)
        {
            Assert.True(Bands.TryParse(band.ToId(), out var parsed));
            Assert.Equal(band, parsed);
        }

        Assert.False(Bands.TryParse("expert", out _));
    }
}
