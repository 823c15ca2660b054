namespace SmartyAssess.Recommender;

/// <summary>
/// Which kinds of feature take part in the factorised (latent) interactions. The others still
/// count through their linear weights, and the rule prior's learned term weights already model how
/// gaps, barriers, goals, sectors and sizes match a practice's tags. Learning those matches a second
/// time in the latent space only adds variance (ADR 0011 has the measurements).
/// </summary>
/// <remarks>
/// A specification is a comma-separated list of feature kinds, written as in the feature names
/// (<c>u.sector</c>, <c>i.theme</c>, …), or <see cref="All"/> for every feature.
/// </remarks>
public static class FeatureInteractions
{
    /// <summary>The default: a firm's sector and size interact with a practice's theme.</summary>
    public const string Default = "u.sector,u.size,i.theme";

    /// <summary>Every feature has a latent vector (a plain factorisation machine).</summary>
    public const string All = "*";

    /// <summary>The feature kinds <see cref="FeatureEncoder"/> produces, for validating a specification.</summary>
    public static IReadOnlyList<string> Kinds { get; } =
    [
        "u.gap", "u.band", "u.sector", "u.size", "u.region", "u.barrier", "u.goal", "u.sme",
        "i.theme", "i.instrument", "i.dimension", "i.barrier", "i.goal", "i.topic", "i.sector", "i.size", "i.fit", "i.transfer", "i.origin", "i.practice",
    ];

    /// <summary>Checks a specification and returns its kinds; <see cref="All"/> gives null (no restriction).</summary>
    /// <remarks>Kinds on one side only (say, only <c>u.sector</c>) give a model without latent interactions.</remarks>
    /// <param name="specification">Comma-separated kinds, or <see cref="All"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="specification"/> is null.</exception>
    /// <exception cref="FormatException">The specification is blank or names an unknown kind (the message names it and the known ones).</exception>
    public static IReadOnlySet<string>? Parse(string specification)
    {
        ArgumentNullException.ThrowIfNull(specification);
        if (specification.Trim() == All)
        {
            return null;
        }

        var kinds = specification.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        if (kinds.Count == 0)
        {
            throw new FormatException($"The interaction map is empty; name feature kinds (for example {Default}) or '{All}'.");
        }

        var unknown = kinds.Where(k => !Kinds.Contains(k, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToList();
        return unknown.Count > 0
            ? throw new FormatException($"Unknown feature kind(s) {string.Join(", ", unknown)} in '{specification}'; known kinds: {string.Join(", ", Kinds)}, or '{All}'.")
            : kinds;
    }

    /// <summary>The canonical form of a specification (kinds in <see cref="Kinds"/> order), so that equal maps are written alike.</summary>
    /// <param name="specification">Comma-separated kinds, or <see cref="All"/>.</param>
    /// <exception cref="FormatException">As for <see cref="Parse"/>.</exception>
    public static string Normalise(string specification) =>
        Parse(specification) is { } kinds ? string.Join(',', Kinds.Where(kinds.Contains)) : All;

    /// <summary>The kind of a feature name: its field prefix and the part before the first colon (<c>u.sector:C</c> → <c>u.sector</c>).</summary>
    /// <param name="name">A feature name.</param>
    public static string KindOf(string name)
    {
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? name : name[..colon];
    }

    /// <summary>For each feature of the vocabulary, whether it has a latent vector under the specification.</summary>
    /// <param name="vocabulary">The features.</param>
    /// <param name="specification">Comma-separated kinds, or <see cref="All"/>.</param>
    /// <exception cref="FormatException">As for <see cref="Parse"/>.</exception>
    public static bool[] Mask(FeatureVocabulary vocabulary, string specification)
    {
        var kinds = Parse(specification);
        return [.. vocabulary.Names.Select(n => kinds is null || kinds.Contains(KindOf(n)))];
    }
}
