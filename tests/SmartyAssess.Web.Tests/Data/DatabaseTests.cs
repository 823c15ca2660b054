using Microsoft.EntityFrameworkCore;
using SmartyAssess.Data;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.Web.Tests.Data;

public class DatabaseTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<string> ScalarAsync(string sql)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmartyDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    [Fact]
    public async Task Sqlite_EveryMigrationRunsInsideItsTransaction()
    {
        // A table rebuild (SQLite's way of adding a foreign key to an existing table) needs
        // PRAGMA foreign_keys = 0 outside any transaction; a crash in the middle would leave the
        // schema half-migrated. Turned into an error here, so that such a migration is caught.
        var path = SmartyAssessFactory.TempDatabasePath();
        var options = new DbContextOptionsBuilder<SqliteSmartyDbContext>()
            .UseSqlite($"Data Source={path}")
            .ConfigureWarnings(w => w.Throw(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.NonTransactionalMigrationOperationWarning))
            .Options;
        try
        {
            await using var db = new SqliteSmartyDbContext(options);
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
        finally
        {
            SmartyAssessFactory.DeleteDatabase(path);
        }
    }

    [Fact]
    public async Task Sqlite_RunsInWalMode()
    {
        Assert.Equal("wal", await ScalarAsync("PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task Sqlite_EveryConnectionIsFullySynchronous_AlsoWhenThePoolHandsItOutAgain()
    {
        // SqlitePragmas sets it once per pooled native connection; a reused one must keep it.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("2", await ScalarAsync("PRAGMA synchronous;")); // 2 = FULL
        }
    }

    [Fact]
    public async Task Sqlite_SynchronousNormal_IsAppliedWhenConfigured()
    {
        await using var factory = new SmartyAssessFactory(settings: new Dictionary<string, string?> { ["Database:SqliteSynchronous"] = "Normal" });
        for (var i = 0; i < 3; i++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SmartyDbContext>();
            // Opened through EF Core, as the app opens every connection: a connection opened past it
            // (while the draft purge holds another) would be a new pooled handle no interceptor saw.
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous;";
            Assert.Equal(1L, await command.ExecuteScalarAsync()); // 1 = NORMAL
        }
    }

    [Fact]
    public async Task Sqlite_BundledVersionHasTheWalResetFix()
    {
        // SQLite 3.7.0–3.51.2 can corrupt a WAL database when two connections write or checkpoint
        // at the same moment; 3.51.3 fixed it (reliability-security.md §0 #8).
        var version = Version.Parse(await ScalarAsync("select sqlite_version();"));

        Assert.True(version >= new Version(3, 51, 3), $"bundled SQLite is {version}");
    }

    [Fact]
    public async Task Migrations_AreAllApplied()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmartyDbContext>();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changed since the last migration; add one");
    }

    [Fact]
    public async Task QuestionnaireVersion_IsArchivedWithItsExactText()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmartyDbContext>();

        var archived = await db.QuestionnaireVersions.SingleAsync(v => v.Version == app.Questionnaire.Version);

        var file = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "data", "questionnaire"), "questionnaire.*.json").Single();
        Assert.Equal(await File.ReadAllTextAsync(file), archived.Json);
    }

    [Fact]
    public async Task DataProtectionKeys_AreKeptInTheDatabaseSoEveryInstanceSharesThem()
    {
        await app.NewBrowser().GetOkAsync("/"); // renders a form, so a key exists

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmartyDbContext>();
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
    }
}
