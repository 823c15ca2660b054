using Microsoft.EntityFrameworkCore;

namespace SmartyAssess.Data;

/// <summary>
/// The SQL Server and Azure SQL flavour; like the PostgreSQL one it only carries its own migrations.
/// No SQL Server can run where CI runs, so its schema is checked against the other providers'
/// instead (tests/SmartyAssess.Web.Tests/Data/ProviderModelTests.cs).
/// </summary>
public sealed class SqlServerSmartyDbContext(DbContextOptions<SqlServerSmartyDbContext> options) : SmartyDbContext(options);
