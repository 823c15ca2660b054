using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace SmartyAssess.Data;

/// <summary>
/// The SQLite flavour. It lets one SaveChanges at a time reach a database file from this process:
/// SQLite has a single writer anyway, and without the gate concurrent writers collide on the file
/// lock and SQLite's busy handler makes them sleep and retry with growing back-off, which showed up
/// as second-long tail latencies under load. Waiting on an async semaphore queues writers fairly.
/// Readers are not affected (WAL).
/// </summary>
public sealed class SqliteSmartyDbContext(DbContextOptions<SqliteSmartyDbContext> options) : SmartyDbContext(options)
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> s_gates = new(StringComparer.Ordinal);

    private SemaphoreSlim Gate => s_gates.GetOrAdd(
        Path.GetFullPath(new SqliteConnectionStringBuilder(Database.GetConnectionString()).DataSource),
        _ => new SemaphoreSlim(1, 1));

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var gate = Gate;
        gate.Wait();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            gate.Release();
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var gate = Gate;
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }
}
