using System.Globalization;
using SmartyAssess.Web.Features.Insights;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.Web.Tests.Components;

public class BarChartTests
{
    [Fact]
    public async Task Bars_AreProportionalToTheLargest_AndASuppressedFigureHasNoBar()
    {
        var html = await ComponentRenderer.RenderAsync<BarChart>(new()
        {
            [nameof(BarChart.Title)] = "Firms naming each barrier",
            [nameof(BarChart.Bars)] = new List<BarChart.Bar> { new("Finance", 40, false), new("Skills", 20, false), new("Remote location", null, false), new("Legacy", 15, true) },
        });
        var svg = Browser.Parse(html);

        var widths = svg.QuerySelectorAll("rect.bar-fill").Select(r => double.Parse(r.GetAttribute("width")!, CultureInfo.InvariantCulture)).ToList();
        // 760 wide, 400 for labels, 60 for values: the largest bar is 300.
        Assert.Equal([300, 150, 112.5], widths);
        Assert.Null(svg.QuerySelector("g[data-label='Remote location'] rect"));
        Assert.Equal(":c", svg.QuerySelector("g[data-label='Remote location'] .bar-value")!.TextContent);
        Assert.Equal("≈15", svg.QuerySelector("g[data-label='Legacy'] .bar-value")!.TextContent);
        Assert.Contains("Remote location: confidential", svg.QuerySelector("desc")!.TextContent);
    }
}
