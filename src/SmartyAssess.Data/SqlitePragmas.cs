using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SmartyAssess.Data;

/// <summary>
/// Sets <c>PRAGMA synchronous</c>, which SQLite keeps per connection, on every physical connection.
/// EF Core opens and closes its connection around each query, and Microsoft.Data.Sqlite hands the
/// same pooled native handle back each time; the handles already set are remembered (weakly, so a
/// handle the pool drops is forgotten with it) to spare every query an extra statement.
/// </summary>
internal sealed class SqlitePragmas(SqliteSynchronous synchronous) : DbConnectionInterceptor
{
    private readonly string _sql = $"PRAGMA synchronous={synchronous.ToString().ToUpperInvariant()};";
    // Shared by every interceptor in the process, because the pool is: a handle set to NORMAL by
    // one must not be taken as FULL by another.
    private static readonly ConditionalWeakTable<object, string> s_applied = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        object? handle = (connection as SqliteConnection)?.Handle;
        if (handle is not null && s_applied.TryGetValue(handle, out var applied) && applied == _sql)
        {
            return;
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = _sql;
            command.ExecuteNonQuery();
        }

        if (handle is not null)
        {
            s_applied.AddOrUpdate(handle, _sql);
        }
    }
}
