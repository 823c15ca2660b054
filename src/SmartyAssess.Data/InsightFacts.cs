using Microsoft.EntityFrameworkCore;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Data;

/// <summary>Writes the insights' fact of a submitted assessment (ADR 0020); facts are never updated, only added and, on erasure, removed.</summary>
public static class InsightFacts
{
    /// <summary>The fact of an assessment and its result; the caller adds it to the same save as the result.</summary>
    /// <param name="firmId">The firm's series key: see <see cref="FirmOfAsync"/>.</param>
    public static InsightFact For(AssessmentRecord assessment, AssessmentResult result, Guid firmId) => new()
    {
        AssessmentId = assessment.Id,
        FirmId = firmId,
        Reassessment = assessment.PreviousAssessmentId is not null,
        SubmittedAt = result.CreatedAt,
        Country = Category(assessment.Profile, "country"),
        Region = Category(assessment.Profile, "region"),
        Sector = Category(assessment.Profile, "sector"),
        Size = Category(assessment.Profile, "size"),
        Scores = [.. result.Dimensions.Where(d => d is { Assessed: true, Score: not null, Band: not null }).Select(d => new FactScore(d.DimensionId, d.Score!.Value, d.Band!))],
        Barriers = [.. assessment.Barriers],
    };

    /// <summary>
    /// A re-assessment belongs to the firm of the assessment it continues; a first assessment starts
    /// a firm of its own, under a new random key. (Not an assessment's id: the key outlives the
    /// erasure of the first assessment. Not the series id either: the first assessment gets that
    /// only when a second one starts.)
    /// </summary>
    public static async Task<Guid> FirmOfAsync(SmartyDbContext db, AssessmentRecord assessment, CancellationToken cancellationToken)
    {
        if (assessment.PreviousAssessmentId is not { } previous)
        {
            return Guid.NewGuid();
        }

        return await db.InsightFacts.Where(f => f.AssessmentId == previous).Select(f => (Guid?)f.FirmId).SingleOrDefaultAsync(cancellationToken) ?? Guid.NewGuid();
    }

    /// <summary>Writes the facts missing for results stored before facts existed (or by tools that wrote results only), in batches.</summary>
    public static async Task<int> BackfillAsync(SmartyDbContext db, CancellationToken cancellationToken)
    {
        var written = 0;
        while (true)
        {
            var batch = await db.Results.AsNoTracking()
                .Where(r => !db.InsightFacts.Any(f => f.AssessmentId == r.AssessmentId))
                .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
                .Select(r => new { Result = r, r.Assessment })
                .Take(500)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return written;
            }

            foreach (var row in batch)
            {
                var firm = await FirmOfAsync(db, row.Assessment!, cancellationToken);
                db.InsightFacts.Add(For(row.Assessment!, row.Result, firm));
                // The next row of the same series may need this one's firm.
                await db.SaveChangesAsync(cancellationToken);
            }

            db.ChangeTracker.Clear();
            written += batch.Count;
        }
    }

    private static string? Category(Dictionary<string, string> profile, string key) =>
        profile.TryGetValue(key, out var value) && value.Length is > 0 and <= 64 ? value : null;
}
