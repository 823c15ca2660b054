using SmartyAssess.Data;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Cli.Tests;

/// <summary>The repository's <c>data/</c> folder (questionnaire and catalogue), found from the test binaries.</summary>
internal static class RepositoryData
{
    public static string Directory { get; } = Find();

    /// <summary>Adds the repository's practices to a service database, as the web app's seeding would.</summary>
    public static void AddPractices(SmartyDbContext db)
    {
        var catalogue = CatalogueData.Load(Directory).Catalogue;
        db.Practices.AddRange(catalogue.Practices.Select(p => new PracticeRecord
        {
            Id = p.Id,
            Title = p.Title,
            Theme = p.Theme,
            Country = p.Country,
            Provenance = p.Provenance.Kind,
            Json = catalogue.JsonById[p.Id],
            ContentHash = "x",
        }));
    }

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "data");
            if (System.IO.Directory.Exists(Path.Combine(candidate, "catalogue")) && System.IO.Directory.Exists(Path.Combine(candidate, "questionnaire")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("The repository's data folder was not found above " + AppContext.BaseDirectory);
    }
}
