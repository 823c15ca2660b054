namespace SmartyAssess.Assessment.Submissions;

/// <summary>Messages per field, keyed the way the API names fields (<c>profile.sector</c>, <c>answers.&lt;questionId&gt;</c>, <c>barriers</c>).</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public IEnumerable<string> Fields => _errors.Keys;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            messages = [];
            _errors[field] = messages;
        }

        if (!messages.Contains(message))
        {
            messages.Add(message);
        }
    }

    public bool Has(string field) => _errors.ContainsKey(field);

    public IReadOnlyList<string> For(string field) => _errors.TryGetValue(field, out var messages) ? messages : [];

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
