using Microsoft.EntityFrameworkCore;
using SmartyAssess.Data;
using SmartyAssess.Web.Features.Sharing;

namespace SmartyAssess.Web.Features.DataRights;

/// <summary>
/// Deletes drafts nobody has saved for <see cref="PrivacyOptions.DraftRetention"/>. Every instance
/// runs it: the delete is one set-based statement on a condition, so two instances at once only
/// delete the same rows once, and no lock or leader is needed.
/// </summary>
public sealed class DraftPurge(IServiceScopeFactory scopes, PrivacyOptions options, TimeProvider time, ILogger<DraftPurge> logger) : BackgroundService
{
    /// <summary>One pass; returns how many drafts were deleted.</summary>
    public async Task<int> PurgeOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmartyDbContext>();
        var cutoff = time.GetUtcNow().UtcDateTime - options.DraftRetention;
        // A draft's only dependents are shares carried over to an advisor's re-assessment, which the
        // database deletes with it (cascade); feedback, impressions, notes and plans need a result.
        var deleted = await db.Assessments.Where(a => a.SubmittedAt == null && a.UpdatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            logger.LogInformation("Purged {Count} drafts not saved since {Cutoff:yyyy-MM-dd}", deleted, cutoff);
        }

        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.PurgeInterval, time);
        do
        {
            try
            {
                await PurgeOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next tick tries again; a failing purge must not stop the app.
                logger.LogWarning(e, "Purging abandoned drafts failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
