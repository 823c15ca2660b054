using System.Text.Json.Nodes;
using SmartyAssess.Assessment.Catalogue;

namespace SmartyAssess.Assessment.Tests;

public class CatalogueLoaderTests
{
    private static IReadOnlyList<string> Problems(Action<JsonObject> edit, string id = "broken")
    {
        var practice = TestCatalogue.Practice(id);
        edit(practice);
        var catalogue = CatalogueLoader.Load([TestCatalogue.File(practice)], TestCatalogue.Vocabulary);
        Assert.Empty(catalogue.Practices);
        Assert.All(catalogue.Problems, p => Assert.StartsWith(id + ".json: ", p, StringComparison.Ordinal));
        return catalogue.Problems;
    }

    [Fact]
    public void Load_ValidFile_BuildsThePractice()
    {
        var catalogue = TestCatalogue.Load(TestCatalogue.Practice("tuscany-audit", "Audit vouchers"));

        var practice = Assert.Single(catalogue.Practices);
        Assert.Equal("Audit vouchers", practice.Title);
        Assert.Equal(new DateOnly(2026, 11, 24), practice.LastReviewed);
        Assert.Equal("high", practice.Transferability.Rating);
        Assert.True(practice.IsSmarty);
        Assert.False(practice.Incomplete);
        Assert.Empty(catalogue.Problems);
    }

    [Theory]
    // unknown ids in every tag list and closed vocabulary
    [InlineData("dimensions", "[\"teleportation\"]", "dimensions: 'teleportation' is not a known id")]
    [InlineData("barriers", "[\"weather\"]", "barriers: 'weather' is not a known id")]
    [InlineData("goals", "[\"fame\"]", "goals: 'fame' is not a known id")]
    [InlineData("topics", "[\"quantum\"]", "topics: 'quantum' is not a known id")]
    [InlineData("sectors", "[\"Z\"]", "sectors: 'Z' is not a known id")]
    [InlineData("sizes", "[\"large\"]", "sizes: 'large' is not a known id")]
    [InlineData("maturityFit", "[\"expert\"]", "maturityFit: 'expert' is not a known id")]
    [InlineData("smartyTheme", "\"robots\"", "smartyTheme: 'robots' is not one of")]
    [InlineData("instrumentType", "\"loan\"", "instrumentType: 'loan' is not one of")]
    [InlineData("country", "\"XY\"", "country: 'XY' is not a country")]
    [InlineData("nuts", "\"ES51\"", "nuts: 'ES51' is not a region of 'IT'")]
    // missing required fields
    [InlineData("title", "null", "title: is missing")]
    [InlineData("summary", "\"  \"", "summary: is missing")]
    [InlineData("barriers", "[]", "barriers: list at least 1")]
    [InlineData("sources", "[]", "sources: give at least one source")]
    [InlineData("provenance", "null", "provenance: is missing")]
    // malformed values
    [InlineData("sources", "[{\"url\":\"www.example.com/page\",\"title\":\"x\"}]", "sources[0].url: 'www.example.com/page' is not an absolute http(s) URL")]
    [InlineData("sources", "[{\"url\":\"ftp://example.com/x\",\"title\":\"x\"}]", "sources[0].url")]
    [InlineData("lastReviewed", "\"24/11/2026\"", "lastReviewed: '24/11/2026' is not a date")]
    [InlineData("sectors", "[\"all\",\"C\"]", "sectors: 'all' already covers every sector")]
    public void Load_InvalidField_NamesFileAndField(string field, string json, string expected)
    {
        var problems = Problems(p => p[field] = JsonNode.Parse(json));

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_UnknownProvenanceKindAndRating_AreNamed()
    {
        var problems = Problems(p =>
        {
            p["provenance"]!["kind"] = "rumour";
            p["transferability"]!["rating"] = "maybe";
        });

        Assert.Contains(problems, p => p.Contains("provenance.kind: 'rumour'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("transferability.rating: 'maybe'", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_IdNotMatchingFileName_IsRefused()
    {
        var practice = TestCatalogue.Practice("right-id");
        var catalogue = CatalogueLoader.Load([new CatalogueFile("other-name.json", practice.ToJsonString())], TestCatalogue.Vocabulary);

        Assert.Contains(catalogue.Problems, p => p.StartsWith("other-name.json: id: 'right-id' does not match the file name", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_DuplicateIds_KeepTheFirstAndNameTheSecond()
    {
        var first = TestCatalogue.Practice("same-id", "First");
        var second = TestCatalogue.Practice("same-id", "Second");
        var catalogue = CatalogueLoader.Load([TestCatalogue.File(first), new CatalogueFile("same-id.json", second.ToJsonString())], TestCatalogue.Vocabulary);

        Assert.Equal("First", Assert.Single(catalogue.Practices).Title);
        Assert.Contains(catalogue.Problems, p => p.Contains("id: 'same-id' is used by another file", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_MisspelledField_NamesTheLine()
    {
        var json = TestCatalogue.Practice("typo").ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true })
            .Replace("\"budget\"", "\"budjet\"", StringComparison.Ordinal);

        var catalogue = CatalogueLoader.Load([new CatalogueFile("typo.json", json)], TestCatalogue.Vocabulary);

        Assert.Matches(@"^typo\.json: line \d+ \(\$\.budjet\)", Assert.Single(catalogue.Problems));
    }

    [Fact]
    public void Load_OneBadFileAmongGood_ServesTheGoodOnesAndReportsTheBad()
    {
        var bad = TestCatalogue.Practice("bad");
        bad["barriers"] = new JsonArray("weather");

        var catalogue = CatalogueLoader.Load([TestCatalogue.File(TestCatalogue.Practice("good")), TestCatalogue.File(bad)], TestCatalogue.Vocabulary);

        Assert.Equal("good", Assert.Single(catalogue.Practices).Id);
        Assert.Single(catalogue.Problems);
        Assert.Throws<CatalogueValidationException>(() => CatalogueLoader.LoadStrict([TestCatalogue.File(TestCatalogue.Practice("good")), TestCatalogue.File(bad)], TestCatalogue.Vocabulary));
    }

    [Theory]
    [InlineData("budget")]
    [InlineData("evidenceOfSuccess")]
    [InlineData("resourcesNeeded")]
    [InlineData("fundingSource")]
    [InlineData("targetGroup")]
    public void Load_UnknownFact_LeftEmpty_MarksThePracticeIncomplete(string field)
    {
        var practice = TestCatalogue.Practice("gaps");
        practice[field] = null;

        Assert.True(TestCatalogue.Load(practice).Practices[0].Incomplete);
    }

    [Fact]
    public void Version_ChangesWhenAFileChanges()
    {
        var before = TestCatalogue.Load(TestCatalogue.Practice("a"), TestCatalogue.Practice("b")).Version;
        var edited = TestCatalogue.Practice("b");
        edited["budget"] = "€2 million";

        Assert.Equal(before, TestCatalogue.Load(TestCatalogue.Practice("a"), TestCatalogue.Practice("b")).Version);
        Assert.NotEqual(before, TestCatalogue.Load(TestCatalogue.Practice("a"), edited).Version);
    }
}
