using System.Text.Json.Nodes;
using SmartyAssess.Assessment.Catalogue;

namespace SmartyAssess.Assessment.Tests;

public class PracticeSearchTests
{
    private static readonly PracticeCatalogue s_catalogue = Build();

    private static PracticeCatalogue Build()
    {
        var audit = TestCatalogue.Practice("tuscany-audit", "Industry 4.0 audit vouchers");
        var hub = TestCatalogue.Practice("catalan-hub", "Catalan innovation hub", "digital-innovation-hubs");
        hub["country"] = "ES";
        hub["nuts"] = "ES51";
        hub["region"] = "Cataluña";
        hub["instrumentType"] = "dih";
        hub["dimensions"] = new JsonArray("automation", "readiness");
        hub["barriers"] = new JsonArray("business-case", "partners-advice");
        hub["description"] = "Testing robotics before investing.";
        var green = TestCatalogue.Practice("lapland-green", "Green deal", "green-transition");
        green["country"] = "FI";
        green["nuts"] = "FI1D";
        green["region"] = "Lapland";
        green["instrumentType"] = "other";
        green["dimensions"] = new JsonArray("green");
        green["barriers"] = new JsonArray("regulation", "finance");
        green["sectors"] = new JsonArray("C");
        green["provenance"]!["kind"] = "related";
        var textiles = TestCatalogue.Practice("prato-textiles", "Textile accelerator in Castilla y León");
        textiles["sectors"] = new JsonArray("C");
        textiles["barriers"] = new JsonArray("workforce-skills");
        return TestCatalogue.Load(audit, hub, green, textiles);
    }

    private static IEnumerable<string> Ids(PracticeFilter filter) => PracticeSearch.Apply(s_catalogue, filter).Select(p => p.Id);

    [Fact]
    public void Apply_NoFilter_ListsEveryPracticeSmartyFirstThenByTitle()
    {
        Assert.Equal(["catalan-hub", "tuscany-audit", "prato-textiles", "lapland-green"], Ids(new PracticeFilter()));
    }

    [Theory]
    [InlineData("theme", "digital-innovation-hubs", new[] { "catalan-hub" })]
    [InlineData("dimension", "automation", new[] { "catalan-hub" })]
    [InlineData("barrier", "finance", new[] { "tuscany-audit", "lapland-green" })]
    [InlineData("country", "FI", new[] { "lapland-green" })]
    [InlineData("region", "ES51", new[] { "catalan-hub" })]
    [InlineData("instrument", "dih", new[] { "catalan-hub" })]
    // "all sectors" practices match any sector; sector-specific ones only their own
    [InlineData("sector", "F", new[] { "catalan-hub", "tuscany-audit" })]
    [InlineData("sector", "C", new[] { "catalan-hub", "tuscany-audit", "prato-textiles", "lapland-green" })]
    public void Apply_OneFilter_KeepsMatchingPractices(string parameter, string value, string[] expected)
    {
        var filter = parameter switch
        {
            "theme" => new PracticeFilter(Theme: value),
            "dimension" => new PracticeFilter(Dimension: value),
            "barrier" => new PracticeFilter(Barrier: value),
            "country" => new PracticeFilter(Country: value),
            "region" => new PracticeFilter(Region: value),
            "instrument" => new PracticeFilter(Instrument: value),
            "sector" => new PracticeFilter(Sector: value),
            _ => throw new ArgumentOutOfRangeException(nameof(parameter)),
        };

        Assert.Equal(expected, Ids(filter));
    }

    [Fact]
    public void Apply_CombinedFilters_MustAllHold()
    {
        Assert.Equal(["lapland-green"], Ids(new PracticeFilter(Barrier: "finance", Country: "FI")));
        Assert.Empty(Ids(new PracticeFilter(Barrier: "finance", Theme: "digital-innovation-hubs")));
    }

    [Theory]
    [InlineData("robotics", new[] { "catalan-hub" })]
    [InlineData("ROBOTICS testing", new[] { "catalan-hub" })]
    [InlineData("castilla leon", new[] { "prato-textiles" })]
    [InlineData("audit", new[] { "tuscany-audit" })]
    [InlineData("cataluna", new[] { "catalan-hub" })]
    [InlineData("robotics audit", new string[0])]
    [InlineData("nothing-like-this", new string[0])]
    public void Apply_Text_RequiresEveryWordIgnoringCaseAndAccents(string q, string[] expected)
    {
        Assert.Equal(expected, Ids(new PracticeFilter(Q: q)));
    }

    [Fact]
    public void Apply_Text_RanksTitleMatchesFirst()
    {
        // "hub" is in the hub's title, and in the audit's description only after this edit.
        var audit = TestCatalogue.Practice("audit", "Audit vouchers");
        audit["description"] = "Delivered with the regional hub.";
        var hub = TestCatalogue.Practice("hub", "Regional hub");
        var catalogue = TestCatalogue.Load(audit, hub);

        Assert.Equal(["hub", "audit"], PracticeSearch.Apply(catalogue, new PracticeFilter(Q: "hub")).Select(p => p.Id));
    }

    [Fact]
    public void Validate_UnknownValues_NameEachParameter()
    {
        var errors = PracticeSearch.Validate(new PracticeFilter(Theme: "robots", Barrier: "weather", Country: "XY", Sector: "Z", Instrument: "loan", Dimension: "x", Region: "ZZ99"), TestCatalogue.Vocabulary);

        Assert.Equal(["barrier", "country", "dimension", "instrument", "region", "sector", "theme"], errors.Fields.Order());
    }

    [Fact]
    public void Related_PrefersTheSameThemeAndSharedBarriers()
    {
        var audit = s_catalogue.Find("tuscany-audit")!;

        var related = PracticeSearch.Related(s_catalogue, audit).Select(p => p.Id);

        // textiles: same theme (2); Lapland: shares "finance" (1); the Catalan hub shares neither.
        Assert.Equal(["prato-textiles", "lapland-green"], related);
    }
}
