using System.Collections.Frozen;

namespace SmartyAssess.Recommender;

/// <summary>
/// The ordered list of feature names a model knows; a feature's index is its position. Names start
/// with <c>u.</c> (SME field) or <c>i.</c> (practice field). Identifier features (<c>u.sme:…</c>,
/// <c>i.practice:…</c>) are regularised more strongly than metadata.
/// </summary>
public sealed class FeatureVocabulary
{
    /// <summary>The prefix of SME-field feature names.</summary>
    public const string SmePrefix = "u.";

    /// <summary>The prefix of practice-field feature names.</summary>
    public const string PracticePrefix = "i.";

    private readonly FrozenDictionary<string, int> _index;
    private readonly FeatureField[] _fields;
    private readonly bool[] _isId;

    /// <summary>Creates a vocabulary from distinct, prefixed names, kept in the order given.</summary>
    /// <param name="names">Feature names, each starting with <see cref="SmePrefix"/> or <see cref="PracticePrefix"/>.</param>
    /// <exception cref="ArgumentException">A name is repeated or has no field prefix.</exception>
    public FeatureVocabulary(IEnumerable<string> names)
    {
        Names = [.. names];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        _fields = new FeatureField[Names.Count];
        _isId = new bool[Names.Count];
        for (var i = 0; i < Names.Count; i++)
        {
            var name = Names[i];
            if (!index.TryAdd(name, i))
            {
                throw new ArgumentException($"Feature '{name}' is listed twice.", nameof(names));
            }

            _fields[i] = name.StartsWith(SmePrefix, StringComparison.Ordinal) ? FeatureField.Sme
                : name.StartsWith(PracticePrefix, StringComparison.Ordinal) ? FeatureField.Practice
                : throw new ArgumentException($"Feature '{name}' has no field prefix ('{SmePrefix}' or '{PracticePrefix}').", nameof(names));
            _isId[i] = name.StartsWith(SmePrefix + "sme:", StringComparison.Ordinal) || name.StartsWith(PracticePrefix + "practice:", StringComparison.Ordinal);
        }

        _index = index.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The names in index order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>How many features there are.</summary>
    public int Count => Names.Count;

    /// <summary>The index of a name, or -1 if the vocabulary does not know it.</summary>
    /// <param name="name">A prefixed feature name.</param>
    public int IndexOf(string name) => _index.TryGetValue(name, out var i) ? i : -1;

    /// <summary>The field of the feature at <paramref name="index"/>.</summary>
    /// <param name="index">A feature index.</param>
    public FeatureField FieldOf(int index) => _fields[index];

    /// <summary>True for identifier features (one SME or one practice).</summary>
    /// <param name="index">A feature index.</param>
    public bool IsIdentifier(int index) => _isId[index];

    /// <summary>A vocabulary with every name of this one, in order, followed by the new names.</summary>
    /// <param name="names">Names to add; those already known are skipped.</param>
    public FeatureVocabulary With(IEnumerable<string> names) =>
        new(Names.Concat(names.Where(n => !_index.ContainsKey(n)).Distinct(StringComparer.Ordinal)));
}
