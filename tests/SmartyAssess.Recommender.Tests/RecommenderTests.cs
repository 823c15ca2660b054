namespace SmartyAssess.Recommender.Tests;

public class RecommenderTests
{
    private static readonly IReadOnlyList<PracticeProfile> s_practices = Fixtures.Catalogue();

    private static RecommenderEngine Trained()
    {
        var smes = Enumerable.Range(0, 30).Select(i => Fixtures.Sme($"u{i}", barriers: i % 2 == 0 ? ["finance"] : ["partners-advice"], goals: i % 3 == 0 ? ["skills"] : [])).ToList();
        var labels = smes.SelectMany((s, i) => new[] { new LabelledPair(s.Id, s_practices[i % s_practices.Count].Id, 1, 1), new LabelledPair(s.Id, s_practices[(i + 3) % s_practices.Count].Id, -1, 1) });
        var vocabulary = FeatureEncoder.BuildVocabulary(smes, s_practices);
        var model = FmTrainer.Train(TrainingSet.Build(vocabulary, smes, s_practices, labels, 4, PriorWeights.Default), new TrainingOptions(MaxEpochs: 15)).Model;
        return new RecommenderEngine(model, s_practices);
    }

    [Fact]
    public void Explain_ContributionsSumToTheScore()
    {
        var recommender = Trained();
        var sme = Fixtures.Sme("u2", barriers: ["finance", "partners-advice"], top: ["finance"], goals: ["skills"]);
        var scores = new float[s_practices.Count];
        recommender.ScoreAll(sme, scores);

        for (var i = 0; i < s_practices.Count; i++)
        {
            var contributions = recommender.Explain(sme, s_practices[i].Id);
            Assert.Equal(scores[i], contributions.Sum(c => c.Value), 4);
            Assert.Contains(contributions, c => c.Kind == ContributionKind.Pair);
        }
    }

    [Fact]
    public void Recommend_ReasonsAreTheLargestPositiveGroupsOfContributions()
    {
        var recommender = Trained();
        var sme = Fixtures.Sme("x", barriers: ["finance"], top: ["finance"]);

        foreach (var recommendation in recommender.Recommend(sme))
        {
            Assert.InRange(recommendation.Reasons.Count, 1, 3);
            Assert.All(recommendation.Reasons, r => Assert.True(r.Value > 0 && r.Kind != ContributionKind.Baseline));
            // A pair reason is the sum of all pairs of its firm feature; nothing larger is left out.
            var contributions = recommender.Explain(sme, recommendation.Practice.Id);
            var pairGroups = contributions.Where(c => c.Kind == ContributionKind.Pair).GroupBy(c => c.SmeFeature).Select(g => g.Sum(c => c.Value));
            var priorTerms = contributions.Where(c => c.Kind == ContributionKind.Prior && c.Prior!.Term is not (PriorTerm.Sector or PriorTerm.Size)).Select(c => c.Value);
            var practiceTerms = contributions.Where(c => c.Kind == ContributionKind.PracticeTerm).Sum(c => c.Value);
            var largest = pairGroups.Concat(priorTerms).Append(practiceTerms).Max();
            Assert.Equal(largest, recommendation.Reasons[0].Value, 5);
            foreach (var reason in recommendation.Reasons.Where(r => r.Kind == ContributionKind.Pair))
            {
                Assert.Equal(contributions.Where(c => c.Kind == ContributionKind.Pair && c.SmeFeature == reason.SmeFeature).Sum(c => c.Value), reason.Value, 5);
            }
        }
    }

    [Fact]
    public void Recommend_AtMostTwoPerThemeInTheTopFive()
    {
        // Make the three "hubs" practices the prior's favourites: automation gap and business-case barrier.
        var sme = Fixtures.Sme("x", barriers: ["business-case", "partners-advice"], top: ["business-case"], automation: 0, size: "medium");
        var recommender = new RecommenderEngine(FmModel.PriorOnly(FeatureEncoder.BuildVocabulary([sme], s_practices)), s_practices);

        var unconstrained = recommender.Recommend(sme, 5, maxPerThemeInTopFive: 5).Select(r => r.Practice.Theme).ToList();
        var top = recommender.Recommend(sme, 5).Select(r => r.Practice.Theme).ToList();

        Assert.True(unconstrained.Count(t => t == "hubs") > 2, "the fixture must put more than two hubs first");
        Assert.All(top.GroupBy(t => t), g => Assert.True(g.Count() <= 2));
        Assert.Equal(5, top.Count);
    }

    [Fact]
    public void Recommend_ExcludesAdoptedAndRejectedPractices()
    {
        var recommender = Trained();
        var sme = Fixtures.Sme("x", barriers: ["finance"]);
        var first = recommender.Recommend(sme, 3).Select(r => r.Practice.Id).ToList();

        var without = recommender.Recommend(sme, 3, exclude: new HashSet<string>(first.Take(2))).Select(r => r.Practice.Id).ToList();

        Assert.DoesNotContain(first[0], without);
        Assert.DoesNotContain(first[1], without);
    }

    [Fact]
    public void Recommend_NewPracticeUnknownToTheModel_IsScoredByItsMetadata()
    {
        var recommender = Trained();
        var newcomer = Fixtures.Practice("brand-new", "hubs", ["automation"], ["business-case"]);
        var extended = new RecommenderEngine(recommender.Model, [.. s_practices, newcomer]);
        var sme = Fixtures.Sme("x", barriers: ["business-case"], automation: 5);

        var scores = new float[s_practices.Count + 1];
        extended.ScoreAll(sme, scores);

        Assert.True(float.IsFinite(scores[^1]));
        Assert.Contains(extended.Recommend(sme, extended.Practices.Count, maxPerThemeInTopFive: 9), r => r.Practice.Id == "brand-new");
    }

    [Fact]
    public void Recommend_ManyThreadsAtOnce_GiveTheSameAnswersAsOne()
    {
        var recommender = Trained();
        var smes = Enumerable.Range(0, 64).Select(i => Fixtures.Sme($"t{i}", barriers: i % 2 == 0 ? ["finance"] : ["business-case"], automation: i)).ToList();
        var sequential = smes.Select(s => string.Join(",", recommender.Recommend(s).Select(r => $"{r.Practice.Id}:{r.Score}"))).ToList();

        var parallel = new string[smes.Count];
        Parallel.For(0, smes.Count * 20, new ParallelOptions { MaxDegreeOfParallelism = 8 }, n =>
        {
            var i = n % smes.Count;
            var answer = string.Join(",", recommender.Recommend(smes[i]).Select(r => $"{r.Practice.Id}:{r.Score}"));
            Assert.Equal(sequential[i], answer);
            parallel[i] = answer;
        });

        Assert.Equal(sequential, parallel);
    }
}
