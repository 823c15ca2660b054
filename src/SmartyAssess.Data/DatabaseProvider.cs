namespace SmartyAssess.Data;

public enum DatabaseProvider
{
    /// <summary>Embedded, zero set-up; one instance per database file.</summary>
    Sqlite,

    /// <summary>For several app instances sharing one database.</summary>
    PostgreSql,

    /// <summary>SQL Server or Azure SQL, for several app instances sharing one database.</summary>
    SqlServer,
}
