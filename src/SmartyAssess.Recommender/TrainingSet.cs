namespace SmartyAssess.Recommender;

/// <summary>Builds <see cref="TrainingData"/> from profiles and labels, with the prior offsets precomputed.</summary>
public static class TrainingSet
{
    /// <summary>Encodes firms and practices and indexes the labels; labels naming an unknown firm or practice are skipped.</summary>
    /// <param name="vocabulary">The features.</param>
    /// <param name="smes">Firms.</param>
    /// <param name="practices">Practices.</param>
    /// <param name="labels">Labelled pairs.</param>
    /// <param name="kappa">Logits per unit of prior; 0 for no prior.</param>
    /// <param name="prior">Prior term weights.</param>
    public static TrainingData Build(
        FeatureVocabulary vocabulary,
        IReadOnlyList<SmeProfile> smes,
        IReadOnlyList<PracticeProfile> practices,
        IEnumerable<LabelledPair> labels,
        float kappa,
        PriorWeights prior)
    {
        var smeIndex = smes.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var practiceIndex = practices.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var examples = labels
            .Where(l => smeIndex.ContainsKey(l.SmeId) && practiceIndex.ContainsKey(l.PracticeId))
            .Select(l => new TrainingExample(smeIndex[l.SmeId], practiceIndex[l.PracticeId], l.Label, l.Weight))
            .ToList();

        float[]? terms = null;
        if (kappa != 0 && practices.Count > 0)
        {
            const int n = PriorWeights.TermCount;
            var ruleprior = new RulePrior(practices, prior);
            terms = new float[smes.Count * practices.Count * n];
            foreach (var sme in examples.Select(e => e.Sme).Distinct())
            {
                var block = terms.AsSpan(sme * practices.Count * n, practices.Count * n);
                ruleprior.TermsAll(smes[sme], block);
                // Centre each term over the firm's practices: a constant per firm never changes its ranking.
                for (var t = 0; t < n; t++)
                {
                    float mean = 0;
                    for (var i = 0; i < practices.Count; i++)
                    {
                        mean += block[(i * n) + t];
                    }

                    mean /= practices.Count;
                    for (var i = 0; i < practices.Count; i++)
                    {
                        block[(i * n) + t] -= mean;
                    }
                }
            }
        }

        return new TrainingData(
            vocabulary,
            [.. smes.Select(s => FeatureEncoder.Encode(vocabulary, s))],
            [.. practices.Select(p => FeatureEncoder.Encode(vocabulary, p))],
            examples,
            terms,
            prior);
    }

    /// <summary>SHA-256 of labels in a canonical order: the training-data hash of a model file.</summary>
    /// <param name="labels">Labelled pairs.</param>
    public static string Hash(IEnumerable<LabelledPair> labels) =>
        ModelFile.Sha256(string.Join('\n', labels
            .OrderBy(l => l.SmeId, StringComparer.Ordinal).ThenBy(l => l.PracticeId, StringComparer.Ordinal)
            .Select(l => FormattableString.Invariant($"{l.SmeId}\t{l.PracticeId}\t{l.Label}\t{l.Weight}"))));

    /// <summary>SHA-256 of practices in a canonical form: the catalogue hash of a model file.</summary>
    /// <param name="practices">Practices.</param>
    public static string Hash(IEnumerable<PracticeProfile> practices) =>
        ModelFile.Sha256(string.Join('\n', practices
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .Select(p => string.Join('\t', FeatureEncoder.Named(p).Select(f => f.Name)))));
}
