using SmartyAssess.Assessment.Questionnaires;

namespace SmartyAssess.Assessment.Tests;

/// <summary>The questionnaire in <c>data/questionnaire</c> is what respondents see; these tests pin what the product promises about it.</summary>
public class ShippedQuestionnaireTests
{
    private static readonly Questionnaire s_current = QuestionnaireLoader.LoadDirectory(Path.Combine(AppContext.BaseDirectory, "data", "questionnaire")).Current;

    [Fact]
    public void Dimensions_FollowTheEdihDmaForSmes()
    {
        Assert.Equal(
            ["Digital business strategy", "Digital readiness", "Human-centric digitalisation", "Data management and security", "Automation and artificial intelligence", "Green digitalisation"],
            s_current.Dimensions.Select(d => d.Title.In("en")));
        Assert.All(s_current.Dimensions, d => Assert.InRange(d.Questions.Count, 3, 6));
    }

    [Theory]
    [InlineData("production-monitoring")]
    [InlineData("predictive-maintenance")]
    [InlineData("vr-simulation")]
    [InlineData("smart-logistics")]
    [InlineData("iot")]
    [InlineData("robotics")]
    [InlineData("cybersecurity")]
    public void Questions_CoverEverySmartyTopic(string topic)
    {
        Assert.Contains(s_current.Questions, q => q.Topics.Contains(topic));
    }

    [Fact]
    public void Questions_UseAllThreeTypesAndANegativeChecklistItem()
    {
        Assert.Equal(3, s_current.Questions.Select(q => q.Type).Distinct().Count());
        Assert.Contains(s_current.Questions, q => q.Type == QuestionType.Checklist && q.Options.Any(o => o.Points < 0));
    }

    [Fact]
    public void Barriers_AreTheElevenCategoryTaxonomy()
    {
        Assert.Equal(11, s_current.Barriers.Count);
        Assert.Equal(3, s_current.MaxTopBarriers);
    }

    [Theory]
    [InlineData("IT", "ITI1")]
    [InlineData("BE", "BE21")]
    [InlineData("FI", "FI1D")]
    [InlineData("PL", "PL92")]
    [InlineData("SI", "SI04")]
    [InlineData("ES", "ES41")]
    [InlineData("ES", "ES51")]
    [InlineData("UK", "UKE4")]
    public void Regions_IncludeTheSmartyRegionsAndAnOtherChoicePerCountry(string country, string region)
    {
        var regions = s_current.FindProfileField("region")!;

        Assert.True(regions.FindOption(region) is { Smarty: true } option && option.ParentId == country);
        Assert.All(s_current.FindProfileField("country")!.Options, c => Assert.NotNull(regions.FindOption(c.Id + "-other")));
    }

    [Fact]
    public void Profile_AsksForTheFieldsTheDmaUsesForBenchmarking()
    {
        Assert.Equal(["sector", "size", "country", "region", "role", "dih"], s_current.Profile.Select(f => f.Id));
        Assert.Equal(["micro", "small", "medium"], s_current.FindProfileField("size")!.Options.Select(o => o.Id));
    }
}
