using Microsoft.EntityFrameworkCore;
using SmartyAssess.Assessment.Catalogue;
using SmartyAssess.Assessment.Insights;
using SmartyAssess.Assessment.Scoring;
using SmartyAssess.Data;
using SmartyAssess.Data.Entities;
using SmartyAssess.Web.Features.Journey;

namespace SmartyAssess.Web.Features.Insights;

/// <summary>
/// This instance's copy of the insights' facts, in memory (ADR 0020). The database's fact table is
/// the truth; before it answers, the store reads what was added or erased since it last looked, so
/// every instance answers the same and an erasure leaves every figure at once. Nothing per
/// respondent is held between requests: the store is the same for everyone.
/// </summary>
public sealed class InsightFactStore : IDisposable
{
    /// <summary>Rows whose transaction committed after a row with a higher id are read again for this long.</summary>
    private static readonly TimeSpan s_lateCommitWindow = TimeSpan.FromMinutes(1);

    private static readonly List<Band> s_bandOrder = [.. Bands.All];

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly ILogger<InsightFactStore> _logger;
    private readonly SemaphoreSlim _sync = new(1, 1);
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<string, int> _practiceIndex;
    private readonly Dictionary<string, int> _dimensionIndex;
    private readonly Dictionary<string, int> _barrierIndex;

    private FactRow[] _rows = new FactRow[1024];
    private Meta[] _meta = new Meta[1024];
    private int _count;
    private readonly Dictionary<long, int> _indexOfFact = [];
    private readonly Dictionary<Guid, int> _indexOfAssessment = [];
    private readonly Dictionary<Guid, List<long>> _factsOfFirm = [];
    private readonly Dictionary<Guid, List<Word>> _wordsOfFirm = [];
    private readonly HashSet<long> _removed = [];
    private List<PendingFeedback> _pendingFeedback = [];
    private List<PendingImpression> _pendingImpressions = [];
    private long _factMark;
    private long _removalMark;
    private long _feedbackMark;
    private long _impressionMark;
    private DateTime? _lastSyncStart;
    private long _lastSyncTicks = DateTimeOffset.MinValue.UtcTicks;
    private long _version;
    private long _factsVersion;

    private readonly record struct Meta(long FactId, Guid Assessment, DateTime At);

    private readonly record struct Word(long Id, Guid Assessment, int Practice, PracticeFeedbackKind Kind, bool ByFirm, DateTime At);

    private sealed record PendingFeedback(long Id, Guid Assessment, string Practice, PracticeFeedbackKind Kind, string Source, DateTime At);

    private sealed record PendingImpression(Guid Assessment, string Practice, DateTime At);

    public InsightFactStore(IServiceScopeFactory scopes, QuestionnaireCatalog questionnaires, PracticeCatalogue catalogue, TimeProvider time, ILogger<InsightFactStore> logger)
    {
        _scopes = scopes;
        _time = time;
        _logger = logger;
        var questionnaire = questionnaires.Current;
        var homes = catalogue.Practices.Select(Home).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Schema = new InsightsSchema(
            [.. questionnaire.Dimensions.Select(d => d.Id)],
            [.. questionnaire.Barriers.Select(b => b.Id)],
            [.. catalogue.Practices.Select(p => p.Id)],
            [.. catalogue.Practices.Select(p => homes.IndexOf(Home(p)))],
            homes);
        Practices = [.. catalogue.Practices];
        _practiceIndex = Schema.Practices.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);
        _dimensionIndex = Schema.Dimensions.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i, StringComparer.Ordinal);
        _barrierIndex = Schema.Barriers.Select((b, i) => (b, i)).ToDictionary(x => x.b, x => x.i, StringComparer.Ordinal);
    }

    public InsightsSchema Schema { get; }

    /// <summary>The catalogue's practices, in the schema's order.</summary>
    public IReadOnlyList<Practice> Practices { get; }

    /// <summary>A dimension's place in the schema (and in each fact's scores), or −1.</summary>
    public int DimensionIndex(string dimensionId) => _dimensionIndex.GetValueOrDefault(dimensionId, -1);

    /// <summary>Country, region, sector and size codes of the facts.</summary>
    public FactCodes Countries { get; } = new();

    public FactCodes Regions { get; } = new();

    public FactCodes Sectors { get; } = new();

    public FactCodes Sizes { get; } = new();

    /// <summary>Changes whenever a fact, an erasure, a recommendation or a word on a practice is taken in.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Changes only when facts arrive or leave (not with recommendations or feedback): what the peer benchmark depends on.</summary>
    public long FactsVersion => Interlocked.Read(ref _factsVersion);

    /// <summary>Where a practice comes from, as the transfer matrix's rows: its NUTS region where known, else its country.</summary>
    public static string Home(Practice practice) => practice.Nuts ?? practice.Country;

    /// <summary>Reads what changed since the last look. Concurrent callers share one read.</summary>
    /// <param name="notOlderThan">Skip the read when the last one is at most this old (the results page's benchmark); null always reads.</param>
    public async Task RefreshAsync(TimeSpan? notOlderThan, CancellationToken cancellationToken)
    {
        if (notOlderThan is { } age && _time.GetUtcNow().UtcTicks - Interlocked.Read(ref _lastSyncTicks) <= age.Ticks)
        {
            return;
        }

        var requested = _time.GetUtcNow();
        if (notOlderThan is not null)
        {
            // A caller that accepts a few seconds' staleness never waits for another's read.
            if (!await _sync.WaitAsync(0, cancellationToken))
            {
                return;
            }
        }
        else
        {
            await _sync.WaitAsync(cancellationToken);
        }

        try
        {
            if (Interlocked.Read(ref _lastSyncTicks) >= requested.UtcTicks)
            {
                // A read that started after this request did is as fresh as one of its own.
                return;
            }

            await ReadChangesAsync(cancellationToken);
        }
        finally
        {
            _sync.Release();
        }
    }

    /// <summary>Runs a computation over the facts while no change is being taken in.</summary>
    public T Read<T>(Func<ReadOnlySpan<FactRow>, T> compute)
    {
        _lock.EnterReadLock();
        try
        {
            return compute(new ReadOnlySpan<FactRow>(_rows, 0, _count));
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>The first and last quarter any fact is in (the current quarter when there are none).</summary>
    public (int First, int Last) Timeline() => Read(rows =>
    {
        var now = FactRow.QuarterOf(_time.GetUtcNow().UtcDateTime);
        if (rows.IsEmpty)
        {
            return (now, now);
        }

        var (first, last) = (int.MaxValue, int.MinValue);
        foreach (ref readonly var row in rows)
        {
            first = Math.Min(first, row.Quarter);
            last = Math.Max(last, row.Quarter);
        }

        return (first, Math.Max(last, first));
    });

    private async Task ReadChangesAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetUtcNow();
        // Times are stored truncated and without offset (StoredTime); compare like with like.
        // The first read takes everything; later ones what is new by id, or from the last minute.
        DateTime? since = _lastSyncStart is { } last ? last - s_lateCommitWindow : null;
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmartyDbContext>();
        var (factMark, removalMark, feedbackMark, impressionMark) = (_factMark, _removalMark, _feedbackMark, _impressionMark);
        IQueryable<InsightFact> newFacts = db.InsightFacts.AsNoTracking();
        IQueryable<PracticeFeedback> newFeedback = db.Feedback.AsNoTracking();
        IQueryable<RecommendationImpression> newImpressions = db.Impressions.AsNoTracking().Where(i => i.Rank <= 5);
        if (since is { } from)
        {
            newFacts = newFacts.Where(f => f.Id > factMark || f.SubmittedAt >= from);
            newFeedback = newFeedback.Where(f => f.Id > feedbackMark || f.CreatedAt >= from);
            newImpressions = newImpressions.Where(i => i.Id > impressionMark || i.ShownAt >= from);
        }

        var facts = await newFacts.ToListAsync(cancellationToken);
        // Removals matter only for facts already in memory: the first read sees none of the removed.
        var removals = since is { } removedFrom
            ? await db.InsightFactRemovals.AsNoTracking().Where(r => r.Id > removalMark || r.RemovedAt >= removedFrom).Select(r => new { r.Id, r.FactId }).ToListAsync(cancellationToken)
            : [];
        var lastRemoval = since is null ? await db.InsightFactRemovals.MaxAsync(r => (long?)r.Id, cancellationToken) ?? 0 : 0;
        var feedback = await newFeedback.Select(f => new PendingFeedback(f.Id, f.AssessmentId, f.PracticeId, f.Kind, f.Source, f.CreatedAt)).ToListAsync(cancellationToken);
        var impressions = await newImpressions.Select(i => new { i.Id, Pending = new PendingImpression(i.AssessmentId, i.PracticeId, i.ShownAt) }).ToListAsync(cancellationToken);

        _lock.EnterWriteLock();
        try
        {
            var countBefore = _count;
            var dirty = new HashSet<Guid>();
            foreach (var fact in facts)
            {
                AddFact(fact, dirty);
            }

            foreach (var removal in removals)
            {
                RemoveFact(removal.FactId, dirty);
            }

            var keepUntil = _time.GetUtcNow().UtcDateTime - TimeSpan.FromMinutes(10);
            _pendingFeedback = [.. _pendingFeedback.Concat(feedback).Where(f => !TakeFeedback(f, dirty) && f.At >= keepUntil)];
            _pendingImpressions = [.. _pendingImpressions.Concat(impressions.Select(i => i.Pending)).Where(i => !TakeImpression(i) && i.At >= keepUntil)];
            foreach (var firm in dirty)
            {
                Recompute(firm);
            }

            _factMark = Math.Max(_factMark, facts.Count == 0 ? 0 : facts.Max(f => f.Id));
            _removalMark = Math.Max(_removalMark, Math.Max(lastRemoval, removals.Count == 0 ? 0 : removals.Max(r => r.Id)));
            _feedbackMark = Math.Max(_feedbackMark, feedback.Count == 0 ? 0 : feedback.Max(f => f.Id));
            _impressionMark = Math.Max(_impressionMark, impressions.Count == 0 ? 0 : impressions.Max(i => i.Id));
            if (facts.Count + removals.Count + feedback.Count + impressions.Count > 0)
            {
                Interlocked.Increment(ref _version);
            }

            if (_count != countBefore || removals.Count > 0)
            {
                Interlocked.Increment(ref _factsVersion);
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }

        _lastSyncStart = started.UtcDateTime;
        Interlocked.Exchange(ref _lastSyncTicks, started.UtcTicks);
        if (facts.Count > 10_000)
        {
            _logger.LogInformation("Insights: read {Facts} facts, {Feedback} words on practices and {Impressions} recommendations", facts.Count, feedback.Count, impressions.Count);
        }
    }

    private void AddFact(InsightFact fact, HashSet<Guid> dirty)
    {
        if (_indexOfFact.ContainsKey(fact.Id) || _removed.Contains(fact.Id))
        {
            return;
        }

        if (_count == _rows.Length)
        {
            Array.Resize(ref _rows, _rows.Length * 2);
            Array.Resize(ref _meta, _meta.Length * 2);
        }

        var row = new FactRow
        {
            Firm = fact.FirmId,
            Quarter = FactRow.QuarterOf(fact.SubmittedAt),
            Month = FactRow.MonthOf(fact.SubmittedAt),
            Country = Countries.Code(fact.Country),
            Region = Regions.Code(fact.Region),
            Sector = Sectors.Code(fact.Sector),
            Size = Sizes.Code(fact.Size),
            Flags = fact.Reassessment ? FactFlags.Reassessment : FactFlags.None,
        };
        for (var d = 0; d < Schema.Dimensions.Count; d++)
        {
            row.Scores[d] = -1;
        }

        foreach (var score in fact.Scores)
        {
            if (_dimensionIndex.TryGetValue(score.Dimension, out var d) && Bands.TryParse(score.Band, out var band))
            {
                row.Scores[d] = (short)Math.Clamp(Math.Round(score.Score * 10, MidpointRounding.AwayFromZero), 0, 1000);
                row.Bands |= (ushort)(s_bandOrder.IndexOf(band) << (2 * d));
            }
        }

        foreach (var barrier in fact.Barriers)
        {
            if (_barrierIndex.TryGetValue(barrier.BarrierId, out var b))
            {
                row.Barriers |= 1u << b;
                if (barrier.IsTop)
                {
                    row.TopBarriers |= 1u << b;
                }
            }
        }

        _rows[_count] = row;
        _meta[_count] = new Meta(fact.Id, fact.AssessmentId, fact.SubmittedAt);
        _indexOfFact[fact.Id] = _count;
        _indexOfAssessment[fact.AssessmentId] = _count;
        if (!_factsOfFirm.TryGetValue(fact.FirmId, out var list))
        {
            _factsOfFirm[fact.FirmId] = list = [];
        }

        list.Add(fact.Id);
        _count++;
        dirty.Add(fact.FirmId);
    }

    private void RemoveFact(long factId, HashSet<Guid> dirty)
    {
        _removed.Add(factId);
        if (!_indexOfFact.Remove(factId, out var index))
        {
            return;
        }

        var firm = _rows[index].Firm;
        var assessment = _meta[index].Assessment;
        _indexOfAssessment.Remove(assessment);
        _factsOfFirm[firm].Remove(factId);
        if (_factsOfFirm[firm].Count == 0)
        {
            _factsOfFirm.Remove(firm);
        }

        if (_wordsOfFirm.TryGetValue(firm, out var words))
        {
            words.RemoveAll(w => w.Assessment == assessment);
        }

        // The last row takes the freed place.
        var lastIndex = --_count;
        if (index != lastIndex)
        {
            _rows[index] = _rows[lastIndex];
            _meta[index] = _meta[lastIndex];
            _indexOfFact[_meta[index].FactId] = index;
            _indexOfAssessment[_meta[index].Assessment] = index;
        }

        _rows[lastIndex] = default;
        dirty.Add(firm);
    }

    private bool TakeFeedback(PendingFeedback feedback, HashSet<Guid> dirty)
    {
        if (!_indexOfAssessment.TryGetValue(feedback.Assessment, out var index))
        {
            return false;
        }

        if (_practiceIndex.TryGetValue(feedback.Practice, out var practice))
        {
            var firm = _rows[index].Firm;
            if (!_wordsOfFirm.TryGetValue(firm, out var words))
            {
                _wordsOfFirm[firm] = words = [];
            }

            if (!words.Exists(w => w.Id == feedback.Id))
            {
                words.Add(new Word(feedback.Id, feedback.Assessment, practice, feedback.Kind, feedback.Source != FeedbackSources.Advisor, feedback.At));
                dirty.Add(firm);
            }
        }

        return true;
    }

    private bool TakeImpression(PendingImpression impression)
    {
        if (!_indexOfAssessment.TryGetValue(impression.Assessment, out var index))
        {
            return false;
        }

        if (_practiceIndex.TryGetValue(impression.Practice, out var practice))
        {
            _rows[index].Recommended |= UInt128.One << practice;
        }

        return true;
    }

    /// <summary>
    /// A firm's flags (which assessment stands for it overall, per quarter, per month) and its
    /// practices' state: per practice, the firm's own latest word, else an advisor's, on this
    /// assessment or an earlier one of the series.
    /// </summary>
    private void Recompute(Guid firm)
    {
        if (!_factsOfFirm.TryGetValue(firm, out var ids))
        {
            _wordsOfFirm.Remove(firm);
            return;
        }

        var order = ids.Select(id => _indexOfFact[id]).OrderBy(i => _meta[i].At).ThenBy(i => _meta[i].FactId).ToList();
        var words = _wordsOfFirm.GetValueOrDefault(firm) ?? [];
        var byFirm = new Dictionary<int, Word>();
        var byAdvisor = new Dictionary<int, Word>();
        for (var position = 0; position < order.Count; position++)
        {
            var index = order[position];
            ref var row = ref _rows[index];
            row.Flags &= FactFlags.Reassessment;
            if (position == order.Count - 1)
            {
                row.Flags |= FactFlags.LatestOverall;
            }

            if (position == order.Count - 1 || _rows[order[position + 1]].Quarter != row.Quarter)
            {
                row.Flags |= FactFlags.LatestInQuarter;
            }

            if (position == order.Count - 1 || _rows[order[position + 1]].Month != row.Month)
            {
                row.Flags |= FactFlags.LatestInMonth;
            }

            foreach (var word in words.Where(w => w.Assessment == _meta[index].Assessment))
            {
                var latest = word.ByFirm ? byFirm : byAdvisor;
                if (!latest.TryGetValue(word.Practice, out var seen) || (word.At, word.Id).CompareTo((seen.At, seen.Id)) > 0)
                {
                    latest[word.Practice] = word;
                }
            }

            (row.Relevant, row.Planned, row.Adopted) = (UInt128.Zero, UInt128.Zero, UInt128.Zero);
            foreach (var practice in byFirm.Keys.Union(byAdvisor.Keys))
            {
                var kind = byFirm.TryGetValue(practice, out var own) ? own.Kind : byAdvisor[practice].Kind;
                var bit = UInt128.One << practice;
                if (kind is PracticeFeedbackKind.Relevant or PracticeFeedbackKind.Planned or PracticeFeedbackKind.Adopted)
                {
                    row.Relevant |= bit;
                }

                if (kind == PracticeFeedbackKind.Planned)
                {
                    row.Planned |= bit;
                }

                if (kind == PracticeFeedbackKind.Adopted)
                {
                    row.Adopted |= bit;
                }
            }
        }
    }

    public void Dispose()
    {
        _sync.Dispose();
        _lock.Dispose();
    }
}
