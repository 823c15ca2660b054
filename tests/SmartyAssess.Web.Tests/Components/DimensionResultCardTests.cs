using AngleSharp.Dom;
using SmartyAssess.Assessment.Questionnaires;
using SmartyAssess.Assessment.Scoring;
using SmartyAssess.Data.Entities;
using SmartyAssess.Web.Features.Results;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.Web.Tests.Components;

public class DimensionResultCardTests
{
    private static readonly Questionnaire s_questionnaire =
        QuestionnaireLoader.LoadDirectory(Path.Combine(AppContext.BaseDirectory, "data", "questionnaire")).Current;

    private static readonly Dimension s_data = s_questionnaire.FindDimension("data")!;

    private static async Task<IDocument> RenderAsync(double? score, bool weakest = false, IReadOnlyList<Question>? dontKnow = null)
    {
        var row = new DimensionResult(
            s_data.Id,
            Assessed: score is not null,
            score,
            score is { } s ? Bands.Classify((decimal)s).ToId() : null,
            score is { } l ? Bands.Level((decimal)l) : null,
            DontKnowCount: dontKnow?.Count ?? 0);
        return Browser.Parse(await ComponentRenderer.RenderAsync<DimensionResultCard>(new()
        {
            [nameof(DimensionResultCard.Dimension)] = s_data,
            [nameof(DimensionResultCard.Score)] = row,
            [nameof(DimensionResultCard.BandLabels)] = s_questionnaire.BandLabels,
            [nameof(DimensionResultCard.IsWeakest)] = weakest,
            [nameof(DimensionResultCard.DontKnow)] = dontKnow ?? [],
        }));
    }

    [Theory]
    [InlineData(10, Band.Basic, 0)]
    [InlineData(25, Band.Basic, 1)]
    [InlineData(50, Band.Average, 2)]
    [InlineData(60, Band.ModeratelyAdvanced, 3)]
    [InlineData(75.5, Band.Advanced, 3)]
    public async Task Render_Score_ShowsTheNarrativeOfItsBandAndTheNextLevel(double score, Band band, int level)
    {
        var card = await RenderAsync(score);

        Assert.Equal(s_data.BandNarratives[band].In("en"), card.QuerySelector(".narrative")!.TextContent);
        Assert.Equal(s_questionnaire.BandLabels[band].In("en"), card.QuerySelector(".band")!.TextContent);
        Assert.Contains($"Level {level} of 5", card.QuerySelector(".level")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(s_data.Levels[level].In("en"), card.QuerySelector(".current-level")!.TextContent);
        Assert.Contains(s_data.Levels[level + 1].In("en"), card.QuerySelector(".next-level")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_TopLevel_SaysThereIsNoHigherLevel()
    {
        var card = await RenderAsync(100);

        Assert.Contains("top level", card.QuerySelector(".next-level")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_NotAssessed_ExplainsWhyAndShowsNoScore()
    {
        var card = await RenderAsync(null);

        Assert.Null(card.QuerySelector(".score"));
        Assert.Contains("not applicable", card.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_Weakest_IsHighlighted()
    {
        Assert.NotNull((await RenderAsync(12, weakest: true)).QuerySelector(".dimension-result.weakest .weakest-note"));
        Assert.Null((await RenderAsync(12)).QuerySelector(".weakest"));
    }

    [Fact]
    public async Task Render_DontKnowAnswers_AreListedAsCountedGaps()
    {
        var card = await RenderAsync(40, dontKnow: [s_data.Questions[1]]);

        var notice = card.QuerySelector(".dont-know")!;
        Assert.Contains("counted as a gap", notice.TextContent, StringComparison.Ordinal);
        Assert.Equal(s_data.Questions[1].Text.In("en"), notice.QuerySelector("li")!.TextContent);
    }
}
