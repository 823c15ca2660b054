using System.Text.Json.Nodes;
using SmartyAssess.Assessment.Catalogue;

namespace SmartyAssess.Assessment.Tests;

public class PracticeMatcherTests
{
    private static PracticeCatalogue Catalogue()
    {
        var finance = TestCatalogue.Practice("finance-voucher", "Finance voucher");
        finance["dimensions"] = new JsonArray("strategy");
        finance["barriers"] = new JsonArray("finance");
        var robots = TestCatalogue.Practice("robot-lab", "Robot lab");
        robots["dimensions"] = new JsonArray("automation");
        robots["barriers"] = new JsonArray("business-case");
        robots["maturityFit"] = new JsonArray("moderately-advanced");
        var skills = TestCatalogue.Practice("skills-academy", "Skills academy");
        skills["dimensions"] = new JsonArray("human");
        skills["barriers"] = new JsonArray("workforce-skills", "finance");
        skills["country"] = "ES";
        skills["nuts"] = "ES51";
        var mediumOnly = TestCatalogue.Practice("medium-only", "For medium firms");
        mediumOnly["dimensions"] = new JsonArray("automation");
        mediumOnly["sizes"] = new JsonArray("medium");
        var construction = TestCatalogue.Practice("construction-only", "For builders");
        construction["dimensions"] = new JsonArray("automation");
        construction["sectors"] = new JsonArray("F");
        return TestCatalogue.Load(finance, robots, skills, mediumOnly, construction);
    }

    private static readonly FirmContext s_firm = new(
        WeakestDimension: "automation",
        OverallBand: "basic",
        Barriers: ["finance", "workforce-skills"],
        TopBarriers: ["workforce-skills"],
        Size: "small",
        Sector: "C",
        Country: "IT");

    [Fact]
    public void Match_ScoresEveryReasonWithItsWeight()
    {
        var matches = PracticeMatcher.Match(Catalogue(), s_firm);

        // skills-academy: top barrier (2) + barrier (1) + basic fits (1)            = 4
        // robot-lab:       weakest dimension (3) + same country (0.5), no maturity fit = 3.5
        // finance-voucher: barrier (1) + basic fits (1) + same country (0.5)        = 2.5
        Assert.Equal(["skills-academy", "robot-lab", "finance-voucher"], matches.Select(m => m.Practice.Id));
        Assert.Equal([4, 3.5, 2.5], matches.Select(m => m.Score));
        Assert.All(matches, m => Assert.Equal(m.Score, m.Reasons.Sum(r => r.Weight)));
        Assert.Equal(MatchReasonKind.TopBarrier, matches[0].Reasons[0].Kind);
        Assert.Equal("workforce-skills", matches[0].Reasons[0].Id);
    }

    [Fact]
    public void Match_PracticeNotOpenToTheFirmsSizeOrSector_IsLeftOut()
    {
        var ids = PracticeMatcher.Match(Catalogue(), s_firm).Select(m => m.Practice.Id).ToList();

        Assert.DoesNotContain("medium-only", ids);
        Assert.DoesNotContain("construction-only", ids);
        Assert.Contains("medium-only", PracticeMatcher.Match(Catalogue(), s_firm with { Size = "medium" }).Select(m => m.Practice.Id));
    }

    [Fact]
    public void Match_PracticeWithUnknownAudience_IsNotRecommended()
    {
        var stub = TestCatalogue.Practice("stub", "Known by name only");
        stub["dimensions"] = new JsonArray("automation");
        stub["targetGroup"] = null;

        Assert.Empty(PracticeMatcher.Match(TestCatalogue.Load(stub), s_firm));
    }

    [Fact]
    public void Match_NothingAboutTheFirmsGaps_ListsNothing()
    {
        var firm = s_firm with { WeakestDimension = "data", Barriers = ["regulation"], TopBarriers = [] };

        Assert.Empty(PracticeMatcher.Match(Catalogue(), firm));
    }

    [Fact]
    public void Match_TakesAtMostTheRequestedCount()
    {
        Assert.Single(PracticeMatcher.Match(Catalogue(), s_firm, count: 1));
    }
}
