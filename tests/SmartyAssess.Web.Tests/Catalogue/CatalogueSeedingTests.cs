using Microsoft.EntityFrameworkCore;
using SmartyAssess.Data;
using SmartyAssess.Data.Entities;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.Web.Tests.Catalogue;

/// <summary>Start-up mirrors the catalogue files into the database, idempotently, and refuses invalid files outside production.</summary>
public sealed class CatalogueSeedingTests : IDisposable
{
    private static readonly string s_shipped = Path.Combine(AppContext.BaseDirectory, "data", "catalogue");
    private readonly string _database = SmartyAssessFactory.TempDatabasePath();
    private readonly DirectoryInfo _catalogue = Directory.CreateTempSubdirectory("smartyassess-catalogue-");

    public CatalogueSeedingTests()
    {
        foreach (var file in Directory.GetFiles(s_shipped, "*.json").Order(StringComparer.Ordinal).Take(3))
        {
            File.Copy(file, Path.Combine(_catalogue.FullName, Path.GetFileName(file)));
        }
    }

    public void Dispose()
    {
        SmartyAssessFactory.DeleteDatabase(_database);
        _catalogue.Delete(recursive: true);
    }

    private SmartyAssessFactory Start(string environment = "Development") =>
        new(_database, new Dictionary<string, string?> { ["Catalogue:Directory"] = _catalogue.FullName }, environment);

    private async Task<(List<PracticeRecord> Practices, List<CatalogueVersionRecord> Versions)> StoredAsync()
    {
        await using var factory = Start();
        factory.CreateClient().Dispose();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmartyDbContext>();
        return (await db.Practices.AsNoTracking().OrderBy(p => p.Id).ToListAsync(), await db.CatalogueVersions.AsNoTracking().ToListAsync());
    }

    private string FirstFile() => Directory.GetFiles(_catalogue.FullName, "*.json").Order(StringComparer.Ordinal).First();

    [Fact]
    public async Task StartingTwice_ChangesNothingTheSecondTime()
    {
        var first = await StoredAsync();
        var second = await StoredAsync();

        Assert.Equal(3, first.Practices.Count);
        Assert.Equal(first.Practices.Select(p => (p.Id, p.ContentHash, p.UpdatedAt)), second.Practices.Select(p => (p.Id, p.ContentHash, p.UpdatedAt)));
        Assert.Single(second.Versions);
    }

    [Fact]
    public async Task EditedFile_UpdatesItsRowAndRecordsANewDataVersion()
    {
        var before = await StoredAsync();
        var file = FirstFile();
        var node = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        node["summary"] = "An edited summary.";
        await File.WriteAllTextAsync(file, node.ToJsonString());

        var after = await StoredAsync();

        var id = Path.GetFileNameWithoutExtension(file);
        Assert.Contains("An edited summary.", after.Practices.Single(p => p.Id == id).Json, StringComparison.Ordinal);
        Assert.NotEqual(before.Practices.Single(p => p.Id == id).ContentHash, after.Practices.Single(p => p.Id == id).ContentHash);
        Assert.Equal(before.Practices.Where(p => p.Id != id).Select(p => p.UpdatedAt), after.Practices.Where(p => p.Id != id).Select(p => p.UpdatedAt));
        Assert.Equal(2, after.Versions.Count);
    }

    [Fact]
    public async Task RemovedFile_IsKeptAsWithdrawn()
    {
        await StoredAsync();
        var file = FirstFile();
        File.Delete(file);

        var after = await StoredAsync();

        Assert.True(after.Practices.Single(p => p.Id == Path.GetFileNameWithoutExtension(file)).Withdrawn);
        Assert.Equal(2, after.Practices.Count(p => !p.Withdrawn));
    }

    [Fact]
    public async Task InvalidFile_StopsStartUpOutsideProductionNamingFileAndField()
    {
        await File.WriteAllTextAsync(Path.Combine(_catalogue.FullName, "broken.json"), File.ReadAllText(FirstFile()).Replace("\"barriers\": [", "\"barriers\": [\"weather\", ", StringComparison.Ordinal));
        await using var factory = Start();

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("broken.json: id:", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("barriers: 'weather' is not a known id", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidFile_InProduction_IsLeftOutAndTheRestServed()
    {
        await File.WriteAllTextAsync(Path.Combine(_catalogue.FullName, "broken.json"), "{ \"id\": \"broken\" }");
        await using var factory = Start("Production");

        var json = System.Text.Json.Nodes.JsonNode.Parse(await factory.CreateClient().GetStringAsync("/api/practices"))!;

        Assert.Equal(3, json["total"]!.GetValue<int>());
    }
}
