namespace SmartyAssess.Assessment.Questionnaires;

/// <summary>
/// Every questionnaire version on disk. New assessments use <see cref="Current"/>; stored results
/// keep the version they were taken with, so they are always shown with the questions they answered.
/// </summary>
public sealed class QuestionnaireSet
{
    private readonly Dictionary<string, Questionnaire> _byVersion;

    public QuestionnaireSet(IReadOnlyList<Questionnaire> versions, Questionnaire? current = null)
    {
        if (versions.Count == 0)
        {
            throw new ArgumentException("At least one questionnaire version is needed.", nameof(versions));
        }

        _byVersion = versions.ToDictionary(q => q.Version, StringComparer.Ordinal);
        // Versions are "year.number"; compare numerically part by part so that 2026.10 follows 2026.9.
        Current = current ?? versions.OrderBy(q => q.Version, VersionComparer.Instance).Last();
    }

    public Questionnaire Current { get; }

    public IEnumerable<Questionnaire> All => _byVersion.Values;

    public Questionnaire? Find(string version) => _byVersion.GetValueOrDefault(version);

    private sealed class VersionComparer : IComparer<string>
    {
        public static readonly VersionComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = (x ?? "").Split('.');
            var b = (y ?? "").Split('.');
            for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
            {
                var left = i < a.Length ? a[i] : "";
                var right = i < b.Length ? b[i] : "";
                var order = int.TryParse(left, out var l) && int.TryParse(right, out var r)
                    ? l.CompareTo(r)
                    : string.CompareOrdinal(left, right);
                if (order != 0)
                {
                    return order;
                }
            }

            return 0;
        }
    }
}
