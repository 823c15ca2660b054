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

        Func<int, int, float>? offset = null;
        if (kappa != 0 && practices.Count > 0)
        {
            var ruleprior = new RulePrior(practices, prior);
            var offsets = new float[smes.Count * practices.Count];
            foreach (var sme in examples.Select(e => e.Sme).Distinct())
            {
                var row = offsets.AsSpan(sme * practices.Count, practices.Count);
                ruleprior.ScoreAll(smes[sme], row);
                var mean = 0f;
                foreach (var v in row)
                {
                    mean += v;
                }

                mean /= practices.Count;
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = kappa * (row[i] - mean);
                }
            }

            offset = (u, i) => offsets[(u * practices.Count) + i];
        }

        return new TrainingData(
            vocabulary,
            [.. smes.Select(s => FeatureEncoder.Encode(vocabulary, s))],
            [.. practices.Select(p => FeatureEncoder.Encode(vocabulary, p))],
            examples,
            offset);
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
