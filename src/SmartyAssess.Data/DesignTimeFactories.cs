using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SmartyAssess.Data;

// Used only by `dotnet ef migrations add`; no database is opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSmartyDbContext>
{
    public SqliteSmartyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSmartyDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSmartyDbContext>
{
    public PostgresSmartyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSmartyDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerSmartyDbContext>
{
    public SqlServerSmartyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerSmartyDbContext>().UseSqlServer("Server=localhost;Database=design_time;Integrated Security=true;TrustServerCertificate=true").Options);
}
