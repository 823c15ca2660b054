using Microsoft.EntityFrameworkCore;

namespace SmartyAssess.Data;

/// <summary>Opens the database outside the web host, for command-line tools.</summary>
public static class SmartyDbContextFactory
{
    /// <summary>
    /// A context for <paramref name="connection"/>: a PostgreSQL connection string when it has a
    /// <c>Host=</c>, a SQL Server one when it has <c>Server=</c> or <c>Initial Catalog=</c>, else the
    /// path of (or a connection string to) a SQLite file.
    /// </summary>
    public static SmartyDbContext Create(string connection)
    {
        if (connection.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            return new PostgresSmartyDbContext(new DbContextOptionsBuilder<PostgresSmartyDbContext>().UseNpgsql(connection).Options);
        }

        if (connection.Contains("Server=", StringComparison.OrdinalIgnoreCase) || connection.Contains("Initial Catalog=", StringComparison.OrdinalIgnoreCase))
        {
            return new SqlServerSmartyDbContext(new DbContextOptionsBuilder<SqlServerSmartyDbContext>().UseSqlServer(connection, sql => sql.EnableRetryOnFailure()).Options);
        }

        var sqlite = connection.Contains('=') ? connection : $"Data Source={connection}";
        return new SqliteSmartyDbContext(new DbContextOptionsBuilder<SqliteSmartyDbContext>().UseSqlite(sqlite).AddInterceptors(new SqlitePragmas(SqliteSynchronous.Full)).Options);
    }
}
