using Microsoft.Extensions.Caching.Memory;

namespace SmartyAssess.Web.Features.Recommendations;

/// <summary>
/// Remembers, per instance, which practices are already logged as shown to an assessment under a
/// model version, so that every further view of the same results page does not have to ask the
/// database again. It only ever skips work the database already holds: a practice that enters the
/// list later (after "not relevant" feedback) is not in the set, so it is looked up and logged.
/// Entries are bounded in number and expire, so the log cannot grow with traffic.
/// </summary>
public sealed class ImpressionLog : IDisposable
{
    private const int MaxEntries = 50_000;

    private readonly MemoryCache _logged = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    public bool AllLogged(Guid assessmentId, string modelVersion, IEnumerable<string> practiceIds) =>
        _logged.TryGetValue((assessmentId, modelVersion), out HashSet<string>? known) && practiceIds.All(known!.Contains);

    public void Remember(Guid assessmentId, string modelVersion, IEnumerable<string> practiceIds)
    {
        var known = _logged.TryGetValue((assessmentId, modelVersion), out HashSet<string>? previous)
            ? [.. previous!, .. practiceIds]
            : new HashSet<string>(practiceIds, StringComparer.Ordinal);
        _logged.Set((assessmentId, modelVersion), known, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
    }

    public void Dispose() => _logged.Dispose();
}
