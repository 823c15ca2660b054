namespace SmartyAssess.Recommender;

/// <summary>
/// Top-k ranking metrics over a full ranking (never a sampled one), as defined in
/// recommender-design.md §3. Relevance may be graded (0, 1, 2, …); binary metrics treat any
/// positive grade as relevant.
/// </summary>
public static class RankingMetrics
{
    /// <summary>Relevant items in the top k, divided by k.</summary>
    /// <param name="ranked">Item ids, best first.</param>
    /// <param name="relevance">Grade per relevant item id; others are 0.</param>
    /// <param name="k">Cut-off.</param>
    public static double Precision(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> relevance, int k) =>
        ranked.Take(k).Count(id => relevance.GetValueOrDefault(id) > 0) / (double)k;

    /// <summary>Relevant items in the top k, divided by the number of relevant items (0 when there are none).</summary>
    /// <param name="ranked">Item ids, best first.</param>
    /// <param name="relevance">Grade per relevant item id.</param>
    /// <param name="k">Cut-off.</param>
    public static double Recall(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> relevance, int k)
    {
        var total = relevance.Count(r => r.Value > 0);
        return total == 0 ? 0 : ranked.Take(k).Count(id => relevance.GetValueOrDefault(id) > 0) / (double)total;
    }

    /// <summary>AP@k = (1 / min(|relevant|, k)) · Σ over relevant positions j ≤ k of precision@j.</summary>
    /// <param name="ranked">Item ids, best first.</param>
    /// <param name="relevance">Grade per relevant item id.</param>
    /// <param name="k">Cut-off.</param>
    public static double AveragePrecision(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> relevance, int k)
    {
        var total = relevance.Count(r => r.Value > 0);
        if (total == 0)
        {
            return 0;
        }

        double sum = 0;
        var hits = 0;
        for (var j = 0; j < Math.Min(k, ranked.Count); j++)
        {
            if (relevance.GetValueOrDefault(ranked[j]) > 0)
            {
                hits++;
                sum += hits / (double)(j + 1);
            }
        }

        return sum / Math.Min(total, k);
    }

    /// <summary>NDCG@k with gain 2^grade − 1 and discount log2(rank + 1); null when no item is relevant (such users are skipped, and counted).</summary>
    /// <param name="ranked">Item ids, best first.</param>
    /// <param name="relevance">Grade per relevant item id.</param>
    /// <param name="k">Cut-off.</param>
    public static double? Ndcg(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> relevance, int k)
    {
        var ideal = Dcg(relevance.Values.Where(g => g > 0).OrderDescending().Take(k).ToList());
        return ideal == 0 ? null : Dcg([.. ranked.Take(k).Select(id => relevance.GetValueOrDefault(id))]) / ideal;
    }

    /// <summary>1 / rank of the first relevant item, or 0.</summary>
    /// <param name="ranked">Item ids, best first.</param>
    /// <param name="relevance">Grade per relevant item id.</param>
    public static double ReciprocalRank(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> relevance)
    {
        for (var j = 0; j < ranked.Count; j++)
        {
            if (relevance.GetValueOrDefault(ranked[j]) > 0)
            {
                return 1.0 / (j + 1);
            }
        }

        return 0;
    }

    /// <summary>Catalogue coverage@k: distinct items in anyone's top k, divided by the catalogue size.</summary>
    /// <param name="rankings">Each user's ranking.</param>
    /// <param name="k">Cut-off.</param>
    /// <param name="catalogueSize">Number of items.</param>
    public static double Coverage(IEnumerable<IReadOnlyList<string>> rankings, int k, int catalogueSize) =>
        catalogueSize == 0 ? 0 : rankings.SelectMany(r => r.Take(k)).Distinct(StringComparer.Ordinal).Count() / (double)catalogueSize;

    /// <summary>Novelty@k: mean over users and top-k items of −log2 p(i), p(i) = (positives of i + 1) / (users + 2).</summary>
    /// <param name="rankings">Each user's ranking.</param>
    /// <param name="k">Cut-off.</param>
    /// <param name="positives">Training users positive on each item.</param>
    /// <param name="users">Number of training users.</param>
    public static double Novelty(IReadOnlyList<IReadOnlyList<string>> rankings, int k, IReadOnlyDictionary<string, int> positives, int users)
    {
        if (rankings.Count == 0)
        {
            return 0;
        }

        return rankings.Average(r => r.Take(k).Select(i => -Math.Log2((positives.GetValueOrDefault(i) + 1.0) / (users + 2.0))).DefaultIfEmpty(0).Average());
    }

    private static double Dcg(IReadOnlyList<int> grades)
    {
        double sum = 0;
        for (var j = 0; j < grades.Count; j++)
        {
            sum += (Math.Pow(2, grades[j]) - 1) / Math.Log2(j + 2);
        }

        return sum;
    }
}
