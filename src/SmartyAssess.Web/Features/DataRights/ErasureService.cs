using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SmartyAssess.Data;
using SmartyAssess.Data.Entities;
using SmartyAssess.Web.Features.Assessments;

namespace SmartyAssess.Web.Features.DataRights;

/// <summary>
/// GDPR article 17: erases an assessment and everything that refers to it, in one transaction. What
/// remains is the hash of its links, so that they answer 410 Gone; nothing identifies the firm.
/// </summary>
public sealed class ErasureService(SmartyDbContext db, TimeProvider time, ILogger<ErasureService> logger)
{
    public static byte[] LinkHash(string link) => SHA256.HashData(Encoding.UTF8.GetBytes(link));

    /// <summary>True when the result id belonged to an erased assessment.</summary>
    public async Task<bool> IsErasedAsync(string resultId, CancellationToken cancellationToken)
    {
        if (!ResultId.IsWellFormed(resultId))
        {
            return false;
        }

        var hash = LinkHash(resultId);
        return await db.ErasedLinks.AnyAsync(e => e.Hash == hash, cancellationToken);
    }

    /// <summary>True when the resume token belonged to an erased assessment (purged drafts leave no trace and answer 404).</summary>
    public async Task<bool> IsErasedTokenAsync(byte[] tokenHash, CancellationToken cancellationToken)
    {
        var hash = SHA256.HashData(tokenHash);
        return await db.ErasedLinks.AnyAsync(e => e.Hash == hash, cancellationToken);
    }

    /// <summary>Erases the assessment behind <paramref name="resultId"/>.</summary>
    /// <returns>False when there is no such result (never was, or already erased).</returns>
    public async Task<bool> EraseAsync(string resultId, CancellationToken cancellationToken)
    {
        if (!ResultId.IsWellFormed(resultId))
        {
            return false;
        }

        try
        {
            return await EraseOnceAsync(resultId, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent erasure of the same assessment won (both found it; this tombstone insert failed).
            db.ChangeTracker.Clear();
            if (await IsErasedAsync(resultId, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    private async Task<bool> EraseOnceAsync(string resultId, CancellationToken cancellationToken)
    {
        // SQL Server's retrying strategy wants the whole transaction as one retriable unit.
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var assessment = await db.Results.AsNoTracking().Where(r => r.Id == resultId)
                .Select(r => new { r.AssessmentId, r.Assessment!.ResumeTokenHash }).SingleOrDefaultAsync(cancellationToken);
            if (assessment is null)
            {
                return false;
            }

            var id = assessment.AssessmentId;
            var consents = db.ShareConsents.Where(c => c.AssessmentId == id).Select(c => (Guid?)c.Id);
            await db.ShareConsents.Where(c => consents.Contains(c.ContinuedFromId)).ExecuteUpdateAsync(s => s.SetProperty(c => c.ContinuedFromId, (Guid?)null), cancellationToken);
            await db.Assessments.Where(a => a.PreviousAssessmentId == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.PreviousAssessmentId, (Guid?)null), cancellationToken);
            // Every instance drops the fact from its insights by number (ADR 0020).
            var now = time.UtcNowForStorage();
            foreach (var factId in await db.InsightFacts.Where(f => f.AssessmentId == id).Select(f => f.Id).ToListAsync(cancellationToken))
            {
                db.InsightFactRemovals.Add(new InsightFactRemoval { FactId = factId, RemovedAt = now });
            }

            await db.InsightFacts.Where(f => f.AssessmentId == id).ExecuteDeleteAsync(cancellationToken);
            await db.Feedback.Where(f => f.AssessmentId == id).ExecuteDeleteAsync(cancellationToken);
            await db.Impressions.Where(i => i.AssessmentId == id).ExecuteDeleteAsync(cancellationToken);
            await db.AdvisorNotes.Where(n => n.AssessmentId == id).ExecuteDeleteAsync(cancellationToken);
            await db.ActionPlanItems.Where(i => i.AssessmentId == id).ExecuteDeleteAsync(cancellationToken);
            await db.ShareConsents.Where(c => c.AssessmentId == id).ExecuteDeleteAsync(cancellationToken);
            await db.Results.Where(r => r.AssessmentId == id).ExecuteDeleteAsync(cancellationToken);
            await db.Assessments.Where(a => a.Id == id).ExecuteDeleteAsync(cancellationToken);

            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            db.ErasedLinks.Add(new ErasedLink { Hash = LinkHash(resultId), ErasedOn = today });
            if (assessment.ResumeTokenHash is { } tokenHash)
            {
                db.ErasedLinks.Add(new ErasedLink { Hash = SHA256.HashData(tokenHash), ErasedOn = today });
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("An assessment was erased at the firm's request");
            return true;
        });
    }
}
