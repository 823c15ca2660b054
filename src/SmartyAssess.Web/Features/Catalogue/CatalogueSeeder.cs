using Microsoft.EntityFrameworkCore;
using SmartyAssess.Assessment.Catalogue;
using SmartyAssess.Data;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Web.Features.Catalogue;

/// <summary>
/// Mirrors the catalogue files into the database, idempotently: an unchanged file changes nothing,
/// an edited file updates its row, a removed practice is kept but marked withdrawn, and each new
/// data version is recorded once.
/// </summary>
internal static class CatalogueSeeder
{
    public static async Task<int> SyncAsync(SmartyDbContext db, PracticeCatalogue catalogue, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.UtcNowForStorage();
        var rows = await db.Practices.ToDictionaryAsync(p => p.Id, StringComparer.Ordinal, cancellationToken);
        foreach (var practice in catalogue.Practices)
        {
            var json = catalogue.JsonById[practice.Id];
            var hash = PracticeCatalogue.ContentHash(json);
            if (!rows.TryGetValue(practice.Id, out var row))
            {
                db.Practices.Add(new PracticeRecord
                {
                    Id = practice.Id,
                    Title = practice.Title,
                    Theme = practice.Theme,
                    Country = practice.Country,
                    Provenance = practice.Provenance.Kind,
                    Json = json,
                    ContentHash = hash,
                    FirstSeenAt = now,
                    UpdatedAt = now,
                });
            }
            else if (row.ContentHash != hash || row.Withdrawn)
            {
                row.Title = practice.Title;
                row.Theme = practice.Theme;
                row.Country = practice.Country;
                row.Provenance = practice.Provenance.Kind;
                row.Json = json;
                row.ContentHash = hash;
                row.UpdatedAt = now;
                row.Withdrawn = false;
            }
        }

        foreach (var row in rows.Values.Where(r => !r.Withdrawn && catalogue.Find(r.Id) is null))
        {
            row.Withdrawn = true;
            row.UpdatedAt = now;
        }

        if (!await db.CatalogueVersions.AnyAsync(v => v.Version == catalogue.Version, cancellationToken))
        {
            db.CatalogueVersions.Add(new CatalogueVersionRecord { Version = catalogue.Version, SeededAt = now, PracticeCount = catalogue.Practices.Count });
        }

        return await db.SaveChangesAsync(cancellationToken);
    }
}
