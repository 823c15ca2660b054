using Microsoft.EntityFrameworkCore;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Data;

/// <summary>
/// The SQL Server and Azure SQL flavour; like the PostgreSQL one it carries its own migrations.
/// No SQL Server can run where CI runs, so its schema is checked against the other providers'
/// instead (tests/SmartyAssess.Web.Tests/Data/ProviderModelTests.cs).
/// </summary>
public sealed class SqlServerSmartyDbContext(DbContextOptions<SqlServerSmartyDbContext> options) : SmartyDbContext(options)
{
    /// <summary>The collation that compares strings byte for byte, as SQLite and PostgreSQL do by default.</summary>
    public const string BinaryCollation = "Latin1_General_100_BIN2";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // A result id is a capability: SQL Server's default collation ignores case, so a lookup
        // with the id in other letter case would open the result too. Compare it exactly.
        modelBuilder.Entity<AssessmentResult>().Property(r => r.Id).UseCollation(BinaryCollation);
    }
}
