namespace SmartyAssess.Recommender.Tests;

public class RankingMetricsTests
{
    // Relevant items at ranks 1 and 3 of a top-5 list, two relevant items in all (recommender-design.md §3).
    private static readonly string[] s_ranked = ["a", "b", "c", "d", "e"];
    private static readonly Dictionary<string, int> s_relevant = new() { ["a"] = 1, ["c"] = 1 };

    [Fact]
    public void Ndcg_RelevantAtRanks1And3_IsTheHandComputedValue()
    {
        // DCG = 1 + 1/log2(4) = 1.5; IDCG = 1 + 1/log2(3) = 1.63093
        Assert.Equal(0.91972, RankingMetrics.Ndcg(s_ranked, s_relevant, 5)!.Value, 5);
    }

    [Fact]
    public void AveragePrecision_RelevantAtRanks1And3_IsTheHandComputedValue()
    {
        // (P@1 + P@3) / min(2, 5) = (1 + 2/3) / 2
        Assert.Equal(0.83333, RankingMetrics.AveragePrecision(s_ranked, s_relevant, 5), 5);
    }

    [Fact]
    public void PrecisionRecallAndReciprocalRank_MatchTheirDefinitions()
    {
        Assert.Equal(0.4, RankingMetrics.Precision(s_ranked, s_relevant, 5), 10);
        Assert.Equal(0.5, RankingMetrics.Precision(s_ranked, s_relevant, 2), 10);
        Assert.Equal(1.0, RankingMetrics.Recall(s_ranked, s_relevant, 5), 10);
        Assert.Equal(0.5, RankingMetrics.Recall(s_ranked, s_relevant, 2), 10);
        Assert.Equal(1.0, RankingMetrics.ReciprocalRank(s_ranked, s_relevant), 10);
        Assert.Equal(1 / 3.0, RankingMetrics.ReciprocalRank(["x", "y", "c"], s_relevant), 10);
    }

    [Fact]
    public void Ndcg_GradedRelevance_UsesExponentialGain()
    {
        var graded = new Dictionary<string, int> { ["b"] = 2, ["a"] = 1 };

        // DCG = (2^1−1)/log2(2) + (2^2−1)/log2(3) = 1 + 1.89279; IDCG = 3 + 1/log2(3) = 3.63093
        Assert.Equal(2.89279 / 3.63093, RankingMetrics.Ndcg(s_ranked, graded, 5)!.Value, 4);
    }

    [Fact]
    public void Ndcg_NothingRelevant_IsUndefinedSoTheUserIsSkipped()
    {
        Assert.Null(RankingMetrics.Ndcg(s_ranked, new Dictionary<string, int>(), 5));
    }

    [Fact]
    public void Coverage_CountsDistinctItemsInTheTopK()
    {
        IReadOnlyList<string>[] rankings = [["a", "b", "c"], ["a", "d", "e"]];

        Assert.Equal(3 / 10.0, RankingMetrics.Coverage(rankings, 2, 10), 10);
    }

    [Fact]
    public void Novelty_RareItemsAreMoreNovel()
    {
        var positives = new Dictionary<string, int> { ["popular"] = 98, ["rare"] = 0 };

        var popular = RankingMetrics.Novelty([["popular"]], 1, positives, 100);
        var rare = RankingMetrics.Novelty([["rare"]], 1, positives, 100);

        Assert.Equal(-Math.Log2(99 / 102.0), popular, 10);
        Assert.Equal(-Math.Log2(1 / 102.0), rare, 10);
    }
}
