using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using SmartyAssess.Data;

namespace SmartyAssess.Web.Tests.Data;

/// <summary>
/// The three providers must describe one schema. SQL Server cannot run here, so its migrations are
/// checked without a server: the model builds, the migrations reproduce it, and the script a DBA
/// would run creates every table and index that SQLite and PostgreSQL get.
/// </summary>
public sealed partial class ProviderModelTests
{
    // None of these opens a connection: the model and the scripts are built offline.
    private static SmartyDbContext Sqlite() => new SqliteSmartyDbContext(new DbContextOptionsBuilder<SqliteSmartyDbContext>().UseSqlite("Data Source=unused.db").Options);

    private static SmartyDbContext Postgres() => new PostgresSmartyDbContext(new DbContextOptionsBuilder<PostgresSmartyDbContext>().UseNpgsql("Host=localhost;Database=unused").Options);

    private static SmartyDbContext SqlServer() => new SqlServerSmartyDbContext(new DbContextOptionsBuilder<SqlServerSmartyDbContext>().UseSqlServer("Server=localhost;Database=unused;TrustServerCertificate=true").Options);

    public static TheoryData<string> Providers() => ["Sqlite", "PostgreSql", "SqlServer"];

    private static SmartyDbContext Create(string provider) => provider switch
    {
        "Sqlite" => Sqlite(),
        "PostgreSql" => Postgres(),
        "SqlServer" => SqlServer(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    /// <summary>
    /// Tables, columns (with nullability, length and the CLR type stored), keys, foreign keys with
    /// their delete rule, indexes with uniqueness, and concurrency tokens, one line each. Column
    /// types are left out on purpose: each provider spells them its own way.
    /// </summary>
    private static List<string> Shape(SmartyDbContext db)
    {
        var model = db.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        var lines = new List<string>();
        foreach (var table in model.Tables)
        {
            lines.Add($"table {table.Name}");
            foreach (var column in table.Columns)
            {
                var property = column.PropertyMappings.First().Property;
                var stored = property.GetTypeMapping().Converter?.ProviderClrType ?? property.ClrType;
                lines.Add($"column {table.Name}.{column.Name} {Nullable.GetUnderlyingType(stored)?.Name ?? stored.Name} null={column.IsNullable} max={property.GetMaxLength()?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} token={property.IsConcurrencyToken}");
            }

            if (table.PrimaryKey is { } key)
            {
                lines.Add($"key {table.Name}({string.Join(",", key.Columns.Select(c => c.Name))})");
            }

            foreach (var foreignKey in table.ForeignKeyConstraints)
            {
                lines.Add($"foreign {table.Name}({string.Join(",", foreignKey.Columns.Select(c => c.Name))}) -> {foreignKey.PrincipalTable.Name} on delete {foreignKey.OnDeleteAction}");
            }

            foreach (var index in table.Indexes)
            {
                // By columns, not name: PostgreSQL cuts identifiers at 63 characters.
                lines.Add($"index on {table.Name}({string.Join(",", index.Columns.Select(c => c.Name))}) unique={index.IsUnique}");
            }

            foreach (var unique in table.UniqueConstraints.Where(u => !u.GetIsPrimaryKey()))
            {
                lines.Add($"unique {unique.Name} on {table.Name}({string.Join(",", unique.Columns.Select(c => c.Name))})");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    [Theory]
    [InlineData("PostgreSql")]
    [InlineData("SqlServer")]
    public void Model_HasTheSameTablesColumnsKeysAndIndexesAsSqlite(string provider)
    {
        using var sqlite = Sqlite();
        using var other = Create(provider);
        var expected = Shape(sqlite);
        var actual = Shape(other);

        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"{provider} differs from SQLite.\nonly on SQLite:\n  {string.Join("\n  ", missing)}\nonly on {provider}:\n  {string.Join("\n  ", extra)}");
    }

    [Fact]
    public void Model_CoversEveryEntityOfTheContext()
    {
        // Guards the comparison itself: an entity left out of the shape would drift unnoticed.
        using var db = Sqlite();
        var tables = Shape(db).Where(l => l.StartsWith("table ", StringComparison.Ordinal)).Select(l => l[6..]).ToHashSet();

        foreach (var entity in db.Model.GetEntityTypes())
        {
            Assert.Contains(entity.GetTableName()!, tables);
        }

        Assert.Contains("Assessments", tables);
        Assert.Contains("DataProtectionKeys", tables);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Migrations_ReproduceTheModel(string provider)
    {
        using var db = Create(provider);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"the model has changed since the last {provider} migration; add one for every provider (docs/architecture.md#migrations)");
    }

    [Theory]
    [InlineData("PostgreSql")]
    [InlineData("SqlServer")]
    public void IdempotentScript_CreatesEveryTableAndIndex(string provider)
    {
        using var db = Create(provider);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var model = db.GetService<IDesignTimeModel>().Model.GetRelationalModel();

        var created = CreatedObjects().Matches(script).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

        foreach (var table in model.Tables)
        {
            Assert.True(created.Contains(table.Name), $"the {provider} script does not create table {table.Name}");
            foreach (var index in table.Indexes)
            {
                Assert.True(created.Contains(index.Name), $"the {provider} script does not create index {index.Name}");
            }
        }

        // Idempotent: each migration's statements are guarded by a look-up of its id in the history
        // table (a plain script names each id once, in its insert), so a DBA can run it twice.
        foreach (var migration in db.Database.GetMigrations())
        {
            Assert.True(Regex.Count(script, Regex.Escape(migration)) >= 2, $"the {provider} script does not guard migration {migration}");
        }
    }

    [Fact]
    public void SqliteScript_CreatesEveryTableAndIndex()
    {
        // EF Core cannot make idempotent SQLite scripts; the app migrates SQLite itself at start-up,
        // and the plain script is there for whoever wants to read or apply it by hand.
        using var db = Sqlite();
        var script = db.GetService<IMigrator>().GenerateScript();
        var created = CreatedObjects().Matches(script).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

        var model = db.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        Assert.All(model.Tables, t => Assert.Contains(t.Name, created));
        Assert.All(model.Tables.SelectMany(t => t.Indexes), i => Assert.Contains(i.Name, created));
    }

    [Fact]
    public void SqlServer_UniqueIndexOnNullableResumeTokenAllowsManyApiSubmissions()
    {
        // API submissions have no resume token; SQL Server counts NULLs as equal in a unique index
        // unless it is filtered, which would allow only one API submission ever.
        using var db = SqlServer();
        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.Matches(@"CREATE UNIQUE INDEX \[IX_Assessments_ResumeTokenHash\] ON \[Assessments\] \(\[ResumeTokenHash\]\) WHERE \[ResumeTokenHash\] IS NOT NULL", script);
    }

    [Fact]
    public void SqlServer_ResultIdsCompareExactly()
    {
        // The id is the capability to read a result; the default collation would ignore case.
        using var db = SqlServer();
        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.Matches(@"\[Id\] nvarchar\(32\) COLLATE Latin1_General_100_BIN2 NOT NULL", ResultsTable(script));
    }

    private static string ResultsTable(string script)
    {
        var start = script.IndexOf("CREATE TABLE [Results]", StringComparison.Ordinal);
        Assert.True(start >= 0, "the script creates no Results table");
        return script[start..script.IndexOf(");", start, StringComparison.Ordinal)];
    }

    private static IServiceProvider Services(Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddSmartyAssessData();
        return builder.Build().Services;
    }

    [Theory]
    [InlineData("Sqlite", "Microsoft.EntityFrameworkCore.Sqlite", false)]
    [InlineData("PostgreSql", "Npgsql.EntityFrameworkCore.PostgreSQL", true)]
    [InlineData("SqlServer", "Microsoft.EntityFrameworkCore.SqlServer", true)]
    public void Registration_UsesTheConfiguredProviderAndRetriesTransientErrorsOnServers(string provider, string expectedProvider, bool retries)
    {
        var connection = provider switch
        {
            "PostgreSql" => "Host=localhost;Database=unused",
            "SqlServer" => "Server=localhost;Database=unused;TrustServerCertificate=true",
            _ => $"Data Source={Path.Combine(Path.GetTempPath(), "unused-" + Guid.NewGuid().ToString("N") + ".db")}",
        };
        using var scope = Services(new() { ["Database:Provider"] = provider, ["ConnectionStrings:SmartyAssess"] = connection }).CreateScope();

        var db = scope.ServiceProvider.GetRequiredService<SmartyDbContext>();

        Assert.Equal(expectedProvider, db.Database.ProviderName);
        Assert.Equal(retries, db.Database.CreateExecutionStrategy().RetriesOnFailure);
    }

    [Fact]
    public void Registration_SqlServerWithoutConnectionString_SaysWhichSettingIsMissing()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Services(new() { ["Database:Provider"] = "SqlServer" }));

        Assert.Contains("ConnectionStrings__SmartyAssess", error.Message, StringComparison.Ordinal);
    }

    // CREATE TABLE "X", CREATE TABLE [X], CREATE UNIQUE INDEX "IX_…" and the IF NOT EXISTS forms.
    [GeneratedRegex("""CREATE (?:UNIQUE )?(?:TABLE|INDEX)(?: IF NOT EXISTS)? [\["](?<name>[^\]"]+)[\]"]""")]
    private static partial Regex CreatedObjects();
}
