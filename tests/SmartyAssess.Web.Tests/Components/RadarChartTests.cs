using System.Globalization;
using SmartyAssess.Web.Features.Results;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.Web.Tests.Components;

public class RadarChartTests
{
    // The chart's default canvas: 520 × 440, so the centre is (260, 220), with radius 140.
    private static Task<string> RenderAsync(params double?[] scores) =>
        ComponentRenderer.RenderAsync<RadarChart>(new()
        {
            [nameof(RadarChart.Axes)] = scores.Select((s, i) => new RadarAxis($"Dimension {i + 1}", s)).ToList(),
        });

    private static List<(double X, double Y)> Points(string attribute) =>
        [.. attribute.Split(' ').Select(p => p.Split(',')).Select(p => (double.Parse(p[0], CultureInfo.InvariantCulture), double.Parse(p[1], CultureInfo.InvariantCulture)))];

    [Fact]
    public async Task Render_SixScores_PlacesEachOnItsAxisClockwiseFromTheTop()
    {
        var svg = Browser.Parse(await RenderAsync(100, 50, 0, 100, 50, 0));

        var area = Points(svg.QuerySelector("polygon.radar-area")!.GetAttribute("points")!);

        // Hand-computed: axis i at angle −90° + 60°·i, distance = 140 · score / 100.
        (double X, double Y)[] expected = [(260, 80), (320.62, 185), (260, 220), (260, 360), (199.38, 255), (260, 220)];
        Assert.Equal(expected.Length, area.Count);
        foreach (var (actual, want) in area.Zip(expected))
        {
            Assert.Equal(want.X, actual.X, 2);
            Assert.Equal(want.Y, actual.Y, 2);
        }
    }

    [Fact]
    public async Task Render_SixAxes_DrawsSixAxisLinesAndFiveLevelRings()
    {
        var svg = Browser.Parse(await RenderAsync(10, 20, 30, 40, 50, 60));

        Assert.Equal(6, svg.QuerySelectorAll("line.radar-axis").Length);
        Assert.Equal(5, svg.QuerySelectorAll("polygon.radar-ring").Length);
        Assert.Equal(6, svg.QuerySelectorAll("circle.radar-point").Length);
        var outerRing = Points(svg.QuerySelectorAll("polygon.radar-ring").Last().GetAttribute("points")!);
        Assert.All(outerRing, p => Assert.Equal(140, Math.Sqrt(Math.Pow(p.X - 260, 2) + Math.Pow(p.Y - 220, 2)), 1));
    }

    [Fact]
    public async Task Render_NotAssessedDimension_IsLeftOutOfTheAreaAndSaysSo()
    {
        var html = await RenderAsync(40, null, 40, 40, 40, 40);
        var svg = Browser.Parse(html);

        Assert.Equal(5, Points(svg.QuerySelector("polygon.radar-area")!.GetAttribute("points")!).Count);
        Assert.DoesNotContain(svg.QuerySelectorAll("circle.radar-point"), c => c.GetAttribute("data-axis") == "1");
        Assert.Contains("Dimension 2: not assessed", svg.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(6, svg.QuerySelectorAll("line.radar-axis").Length);
    }

    [Fact]
    public async Task Render_IsAnAccessibleImageWithATextSummary()
    {
        var svg = Browser.Parse(await RenderAsync(12.34, 50, 0, 100, 50, 0)).QuerySelector("svg")!;

        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("radar-title radar-desc", svg.GetAttribute("aria-labelledby"));
        Assert.Contains("Dimension 1: 12.3 of 100", svg.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Automation and artificial intelligence", 16, new[] { "Automation and", "artificial", "intelligence" })]
    [InlineData("Green digitalisation", 16, new[] { "Green", "digitalisation" })]
    [InlineData("Strategy", 16, new[] { "Strategy" })]
    public void Wrap_LongLabel_BreaksAtSpaces(string label, int width, string[] lines)
    {
        Assert.Equal(lines, RadarGeometry.Wrap(label, width));
    }
}
