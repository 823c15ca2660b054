using Microsoft.EntityFrameworkCore;
using SmartyAssess.Assessment.Questionnaires;
using SmartyAssess.Data;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Web.Features.Journey;

/// <summary>
/// Keeps the exact text of every questionnaire version in the database. A version that already has
/// answers must never change under them: an edit has to be published as a new version.
/// </summary>
internal static class QuestionnaireArchive
{
    public static async Task SyncAsync(SmartyDbContext db, QuestionnaireCatalog catalog, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var stored = await db.QuestionnaireVersions.ToDictionaryAsync(v => v.Version, cancellationToken);
        foreach (var file in catalog.Files)
        {
            if (!stored.TryGetValue(file.Version, out var record))
            {
                db.QuestionnaireVersions.Add(new QuestionnaireVersionRecord { Version = file.Version, ContentHash = file.ContentHash, Json = file.Json, FirstSeenAt = time.UtcNowForStorage() });
                continue;
            }

            if (record.ContentHash == file.ContentHash)
            {
                continue;
            }

            var inUse = await db.Assessments.AnyAsync(a => a.QuestionnaireVersion == file.Version, cancellationToken);
            if (inUse)
            {
                throw new InvalidOperationException(
                    $"{file.FileName}: questionnaire version {file.Version} differs from the copy stored when it was first used, and assessments were " +
                    "taken with it. Publish the change under a new version number so that those assessments keep their questions.");
            }

            logger.LogInformation("Questionnaire version {Version} changed before anyone used it; updating the stored copy", file.Version);
            record.ContentHash = file.ContentHash;
            record.Json = file.Json;
        }

        await db.SaveChangesAsync(cancellationToken);

        var onDisk = catalog.Files.Select(f => f.Version).ToHashSet(StringComparer.Ordinal);
        var archived = new List<Questionnaire>();
        foreach (var record in stored.Values.Where(r => !onDisk.Contains(r.Version)))
        {
            try
            {
                archived.Add(QuestionnaireLoader.Parse(record.Json, $"archived questionnaire {record.Version}", catalog.Translations));
            }
            catch (QuestionnaireValidationException e)
            {
                // Rules may have tightened since the version was stored; its results still show their scores.
                logger.LogWarning("Archived questionnaire {Version} no longer passes validation and is not shown: {Problems}", record.Version, string.Join("; ", e.Problems));
            }
        }

        catalog.AddArchived(archived);
    }
}
