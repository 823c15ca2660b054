namespace SmartyAssess.Recommender;

/// <summary>What a contribution to a score stands for.</summary>
public enum ContributionKind
{
    /// <summary>Terms that are the same for every practice of a firm (bias, firm features, prior mean); they never change a ranking.</summary>
    Baseline,

    /// <summary>A rule-prior term, times κ.</summary>
    Prior,

    /// <summary>A practice feature's own weight.</summary>
    PracticeTerm,

    /// <summary>A firm feature interacting with a practice feature: x_a·x_b·⟨v_a, v_b⟩.</summary>
    Pair,
}

/// <summary>One named part of a score. The contributions of a pair sum to its score.</summary>
/// <param name="Kind">What the part stands for.</param>
/// <param name="Value">Its value in logits.</param>
/// <param name="SmeFeature">The firm feature (pairs).</param>
/// <param name="PracticeFeature">The practice feature (practice terms and pairs).</param>
/// <param name="Prior">The prior term (prior contributions).</param>
public sealed record Contribution(ContributionKind Kind, double Value, string? SmeFeature = null, string? PracticeFeature = null, PriorContribution? Prior = null);

/// <summary>A recommended practice.</summary>
/// <param name="Practice">The practice.</param>
/// <param name="Rank">1-based position.</param>
/// <param name="Score">The model's score in logits; compare within one firm only.</param>
/// <param name="Reasons">The largest positive reasons (at most three), largest first: each prior term (but sector and size), all pairs of one
/// firm feature summed (<see cref="Contribution.PracticeFeature"/> null when several), and the practice's own terms summed;
/// after the first, reasons under 0.05 logits or a tenth of the first are left out.</param>
public sealed record Recommendation(PracticeProfile Practice, int Rank, double Score, IReadOnlyList<Contribution> Reasons);

/// <summary>
/// Ranks a catalogue for one firm with a trained <see cref="RankingModel"/> of any kind. What does
/// not depend on the firm (practice embeddings, practice terms, the prior index) is computed once
/// here, so recommending is one firm encoding plus a few dot products per practice. Immutable:
/// safe to share between threads.
/// </summary>
public sealed class RecommenderEngine
{
    private readonly PreparedModel _prepared;
    private readonly Dictionary<string, int> _index;

    /// <summary>Prepares a model to rank the given practices.</summary>
    /// <param name="model">The trained model.</param>
    /// <param name="practices">The candidates. Practices the model never saw are scored by their metadata features.</param>
    public RecommenderEngine(RankingModel model, IReadOnlyList<PracticeProfile> practices)
    {
        Model = model;
        Practices = practices;
        Prior = new RulePrior(practices, model.EffectivePrior);
        _prepared = model.Prepare(practices, Prior);
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < practices.Count; i++)
        {
            _index[practices[i].Id] = i;
        }
    }

    /// <summary>The model in use.</summary>
    public RankingModel Model { get; }

    /// <summary>The candidates, in index order.</summary>
    public IReadOnlyList<PracticeProfile> Practices { get; }

    /// <summary>The rule prior over <see cref="Practices"/>.</summary>
    public RulePrior Prior { get; }

    /// <summary>Writes the score of every practice for the firm into <paramref name="scores"/>.</summary>
    /// <param name="sme">The firm.</param>
    /// <param name="scores">One slot per practice.</param>
    public void ScoreAll(SmeProfile sme, Span<float> scores) => _prepared.ScoreAll(sme, scores);

    /// <summary>The firm's top practices with their reasons.</summary>
    /// <param name="sme">The firm.</param>
    /// <param name="count">How many to return.</param>
    /// <param name="exclude">Practice ids not to recommend (already adopted, marked not relevant).</param>
    /// <param name="maxPerThemeInTopFive">Diversity rule: at most this many practices of one theme among the first five.</param>
    public IReadOnlyList<Recommendation> Recommend(SmeProfile sme, int count = 5, IReadOnlySet<string>? exclude = null, int maxPerThemeInTopFive = 2)
    {
        var scores = new float[Practices.Count];
        ScoreAll(sme, scores);
        var order = Enumerable.Range(0, Practices.Count)
            .Where(i => exclude is null || !exclude.Contains(Practices[i].Id))
            .OrderByDescending(i => scores[i])
            .ThenBy(i => Practices[i].Id, StringComparer.Ordinal)
            .ToList();

        var chosen = new List<int>();
        var perTheme = new Dictionary<string, int>(StringComparer.Ordinal);
        var deferred = new List<int>();
        foreach (var i in order)
        {
            if (chosen.Count >= count)
            {
                break;
            }

            var theme = Practices[i].Theme;
            if (chosen.Count < 5 && perTheme.GetValueOrDefault(theme) >= maxPerThemeInTopFive)
            {
                deferred.Add(i);
                continue;
            }

            chosen.Add(i);
            perTheme[theme] = perTheme.GetValueOrDefault(theme) + 1;
        }

        // Too few themes to fill the list: fall back to the best of the rest, in score order.
        chosen.AddRange(deferred.Take(count - chosen.Count));
        return [.. chosen.Select((i, rank) => new Recommendation(Practices[i], rank + 1, scores[i], Reasons(Explain(sme, i))))];
    }

    /// <summary>Every named contribution to the score of one practice for the firm; they sum to its score.</summary>
    /// <param name="sme">The firm.</param>
    /// <param name="practiceId">The practice.</param>
    /// <exception cref="KeyNotFoundException">The practice is not among the candidates.</exception>
    public IReadOnlyList<Contribution> Explain(SmeProfile sme, string practiceId) =>
        Explain(sme, _index.TryGetValue(practiceId, out var i) ? i : throw new KeyNotFoundException($"Practice '{practiceId}' is not a candidate."));

    private List<Contribution> Explain(SmeProfile sme, int practice) => _prepared.Explain(sme, practice);

    /// <summary>
    /// Groups contributions the way a person reads them: every pair of one firm feature becomes one
    /// reason ("firms in manufacturing found this useful"), the practice's own terms
    /// one more, each prior term stays one; the three largest positive groups are the reasons.
    /// The sector and size terms are left out: they separate practices a firm can join from those
    /// it cannot, so they are about the same for every practice worth showing and explain nothing.
    /// </summary>
    private static List<Contribution> Reasons(List<Contribution> contributions)
    {
        var groups = contributions
            .Where(c => c.Kind != ContributionKind.Baseline && c.Prior?.Term is not (PriorTerm.Sector or PriorTerm.Size) && !(c.Kind == ContributionKind.Prior && c.Prior?.Id is null))
            .GroupBy(c => c.Kind switch
            {
                ContributionKind.Pair => "pair " + c.SmeFeature,
                ContributionKind.PracticeTerm => "practice",
                _ => FormattableString.Invariant($"prior {c.Prior!.Term} {c.Prior.Id}"),
            }, StringComparer.Ordinal)
            .Select(g => g.Count() == 1 ? g.First() : g.First() with { Value = g.Sum(c => c.Value), PracticeFeature = null })
            .Where(c => c.Value > 0)
            .OrderByDescending(c => c.Value)
            .ThenBy(c => c.Kind)
            .ThenBy(c => c.SmeFeature ?? c.PracticeFeature ?? c.Prior?.Id, StringComparer.Ordinal)
            .Take(3)
            .ToList();

        // A reason worth a hundredth of a logit is noise in words; the strongest one is always kept.
        return groups.Count == 0 ? groups : [groups[0], .. groups.Skip(1).Where(c => c.Value >= Math.Max(MinReasonValue, MinReasonShare * groups[0].Value))];
    }

    private const double MinReasonValue = 0.05;
    private const double MinReasonShare = 0.1;
}
