using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace SmartyAssess.Data;

public static class DataRegistration
{
    /// <summary>
    /// Registers the database (SQLite by default, PostgreSQL when <c>Database:Provider</c> says so)
    /// and keeps the Data Protection keys in it, so forms and cookies stay valid across restarts and instances.
    /// </summary>
    public static IHostApplicationBuilder AddSmartyAssessData(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var configured = builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);

        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                options.ConnectionString = SqliteConnectionString(configured);
                var pragmas = new SqlitePragmas(options.SqliteSynchronous);
                builder.Services.AddDbContextPool<SmartyDbContext, SqliteSmartyDbContext>(o => o.UseSqlite(options.ConnectionString).AddInterceptors(pragmas));
                break;
            case DatabaseProvider.PostgreSql:
                options.ConnectionString = Required(configured, options.Provider);
                builder.Services.AddDbContextPool<SmartyDbContext, PostgresSmartyDbContext>(o => o.UseNpgsql(options.ConnectionString, npgsql => npgsql.EnableRetryOnFailure()));
                break;
            case DatabaseProvider.SqlServer:
                options.ConnectionString = Required(configured, options.Provider);
                // Azure SQL drops connections during fail-over and throttling; the provider's
                // strategy knows which error numbers are transient. Saves have no user transaction
                // around them, so the strategy can replay each one whole.
                builder.Services.AddDbContextPool<SmartyDbContext, SqlServerSmartyDbContext>(o => o.UseSqlServer(options.ConnectionString, sql => sql.EnableRetryOnFailure()));
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{options.Provider}' is not supported; use Sqlite, PostgreSql or SqlServer.");
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddDataProtection()
            .SetApplicationName("SmartyAssess")
            .PersistKeysToDbContext<SmartyDbContext>();
        return builder;
    }

    private static string Required(string? configured, DatabaseProvider provider) => string.IsNullOrWhiteSpace(configured)
        ? throw new InvalidOperationException($"Database:Provider is {provider}, so ConnectionStrings:{DatabaseOptions.ConnectionStringName} (environment variable ConnectionStrings__{DatabaseOptions.ConnectionStringName}) must be set.")
        : configured;

    private static string SqliteConnectionString(string? configured)
    {
        var connection = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? $"Data Source={DatabaseOptions.DefaultSqlitePath()}" : configured);
        if (connection.DataSource is { Length: > 0 } file && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        // Fail fast under write contention instead of holding a request for the 30 s default.
        if (connection.DefaultTimeout == 30)
        {
            connection.DefaultTimeout = 5;
        }

        return connection.ToString();
    }

    /// <summary>For log lines: the connection string without any password.</summary>
    public static string Describe(this DatabaseOptions options) => options.Provider switch
    {
        DatabaseProvider.Sqlite => "SQLite at " + new SqliteConnectionStringBuilder(options.ConnectionString).DataSource,
        DatabaseProvider.PostgreSql => "PostgreSQL at " + DescribePostgres(options.ConnectionString),
        DatabaseProvider.SqlServer => "SQL Server at " + DescribeSqlServer(options.ConnectionString),
        _ => options.Provider.ToString(),
    };

    private static string DescribePostgres(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database}";
    }

    private static string DescribeSqlServer(string connectionString)
    {
        var builder = new SqlConnectionStringBuilder(connectionString);
        return $"{builder.DataSource}/{builder.InitialCatalog}";
    }
}
