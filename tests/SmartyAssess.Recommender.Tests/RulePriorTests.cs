namespace SmartyAssess.Recommender.Tests;

public class RulePriorTests
{
    [Fact]
    public void Score_HandComputedTerms()
    {
        var practice = Fixtures.Practice("p", dimensions: ["strategy", "automation"], barriers: ["finance", "business-case"], goals: ["quality"], transferability: "high");
        var sme = Fixtures.Sme("u", barriers: ["finance", "business-case"], top: ["finance"], goals: ["quality"], strategy: 20, automation: 60);
        var prior = new RulePrior([practice]);

        // gap: 0.35 · (0.8 + 0.4)/2 = 0.21; barrier: 0.25 · (1 + 0.6)/2 = 0.20; goal: 0.15 · 1/1 = 0.15
        // sector: 0.10; transferability: 0.10 · 0.8 = 0.08; size: 0.05                → 0.79
        Assert.Equal(0.79, prior.Score(sme, 0), 10);
        Assert.Equal(0.79, prior.Contributions(sme, practice).Sum(c => c.Value), 10);
    }

    [Fact]
    public void Contributions_NameTheBarrierAndWhetherItIsTop()
    {
        var practice = Fixtures.Practice("p", barriers: ["finance", "business-case"]);
        var sme = Fixtures.Sme("u", barriers: ["finance", "business-case"], top: ["finance"]);

        var barriers = new RulePrior([practice]).Contributions(sme, practice).Where(c => c.Term == PriorTerm.Barrier).ToList();

        Assert.Equal(2, barriers.Count);
        Assert.True(barriers.Single(b => b.Id == "finance").IsTopBarrier);
        Assert.True(barriers.Single(b => b.Id == "finance").Value > barriers.Single(b => b.Id == "business-case").Value);
    }

    [Fact]
    public void ScoreAll_MatchesScoreForEveryPractice()
    {
        var catalogue = Fixtures.Catalogue();
        var prior = new RulePrior(catalogue);
        var sme = Fixtures.Sme("u", barriers: ["finance", "partners-advice"], top: ["partners-advice"], goals: ["skills"]);
        var all = new float[catalogue.Count];

        prior.ScoreAll(sme, all);

        for (var i = 0; i < catalogue.Count; i++)
        {
            Assert.Equal(prior.Score(sme, i), all[i], 5);
            Assert.Equal(prior.Score(sme, i), prior.Contributions(sme, catalogue[i]).Sum(c => c.Value), 10);
        }
    }
}
