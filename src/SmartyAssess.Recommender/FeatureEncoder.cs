namespace SmartyAssess.Recommender;

/// <summary>
/// Turns profiles into named features (vocabulary version <see cref="Version"/>) and into sparse
/// vectors for a given vocabulary. The names are the model's language: changing them is a new version.
/// </summary>
public static class FeatureEncoder
{
    /// <summary>The version of the feature naming below; stored in every model file.</summary>
    public const string Version = "features-1";

    /// <summary>How much more a barrier marked most important weighs than another named barrier.</summary>
    public const double TopBarrierWeight = 2;

    /// <summary>The named features of a firm.</summary>
    /// <param name="sme">The firm.</param>
    /// <param name="includeId">Whether to add the firm's identifier feature (for firms with feedback).</param>
    public static IEnumerable<(string Name, double Value)> Named(SmeProfile sme, bool includeId = true)
    {
        foreach (var (dimension, _) in sme.DimensionScores.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            yield return ($"{FeatureVocabulary.SmePrefix}gap:{dimension}", sme.Gap(dimension)!.Value);
        }

        if (sme.Band is { } band)
        {
            yield return ($"{FeatureVocabulary.SmePrefix}band:{band}", 1);
        }

        if (sme.Sector is { } sector)
        {
            yield return ($"{FeatureVocabulary.SmePrefix}sector:{sector}", 1);
        }

        if (sme.Size is { } size)
        {
            yield return ($"{FeatureVocabulary.SmePrefix}size:{size}", 1);
        }

        if (sme.Region is { } region)
        {
            yield return ($"{FeatureVocabulary.SmePrefix}region:{region}", 1);
        }

        foreach (var barrier in sme.Barriers.Distinct().Order(StringComparer.Ordinal))
        {
            yield return ($"{FeatureVocabulary.SmePrefix}barrier:{barrier}", sme.TopBarriers.Contains(barrier) ? TopBarrierWeight : 1);
        }

        foreach (var goal in sme.Goals.Distinct().Order(StringComparer.Ordinal))
        {
            yield return ($"{FeatureVocabulary.SmePrefix}goal:{goal}", 1);
        }

        if (includeId)
        {
            yield return ($"{FeatureVocabulary.SmePrefix}sme:{sme.Id}", 1);
        }
    }

    /// <summary>The named features of a practice, including its identifier feature.</summary>
    /// <param name="practice">The practice.</param>
    public static IEnumerable<(string Name, double Value)> Named(PracticeProfile practice)
    {
        const string p = FeatureVocabulary.PracticePrefix;
        yield return ($"{p}theme:{practice.Theme}", 1);
        yield return ($"{p}instrument:{practice.InstrumentType}", 1);
        foreach (var (kind, values) in new (string, IReadOnlyList<string>)[]
                 {
                     ("dimension", practice.Dimensions), ("barrier", practice.Barriers), ("goal", practice.Goals), ("topic", practice.Topics),
                     ("sector", practice.Sectors), ("size", practice.Sizes), ("fit", practice.MaturityFit),
                 })
        {
            foreach (var value in values.Distinct().Order(StringComparer.Ordinal))
            {
                yield return ($"{p}{kind}:{value}", 1);
            }
        }

        yield return ($"{p}transfer:{practice.Transferability}", 1);
        if (practice.Region is { } region)
        {
            yield return ($"{p}origin:{region}", 1);
        }

        yield return ($"{p}practice:{practice.Id}", 1);
    }

    /// <summary>A vocabulary covering every feature of the given firms and practices, in first-seen order.</summary>
    /// <param name="smes">Firms (their ids become features).</param>
    /// <param name="practices">Practices.</param>
    public static FeatureVocabulary BuildVocabulary(IEnumerable<SmeProfile> smes, IEnumerable<PracticeProfile> practices) =>
        new(smes.SelectMany(s => Named(s)).Select(f => f.Name)
            .Concat(practices.SelectMany(Named).Select(f => f.Name))
            .Distinct(StringComparer.Ordinal));

    /// <summary>A firm's sparse vector; features the vocabulary does not know are skipped.</summary>
    /// <param name="vocabulary">The model's vocabulary.</param>
    /// <param name="sme">The firm.</param>
    public static SparseFeatures Encode(FeatureVocabulary vocabulary, SmeProfile sme) => Encode(vocabulary, Named(sme));

    /// <summary>A practice's sparse vector; features the vocabulary does not know (a new practice's id) are skipped, so it is scored by its metadata.</summary>
    /// <param name="vocabulary">The model's vocabulary.</param>
    /// <param name="practice">The practice.</param>
    public static SparseFeatures Encode(FeatureVocabulary vocabulary, PracticeProfile practice) => Encode(vocabulary, Named(practice));

    /// <summary>A sparse vector from named features; unknown names are skipped.</summary>
    /// <param name="vocabulary">The model's vocabulary.</param>
    /// <param name="named">Names and values.</param>
    public static SparseFeatures Encode(FeatureVocabulary vocabulary, IEnumerable<(string Name, double Value)> named) =>
        new(named.Select(f => (vocabulary.IndexOf(f.Name), (float)f.Value)).Where(f => f.Item1 >= 0));
}
