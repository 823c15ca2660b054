namespace SmartyAssess.Data;

/// <summary>Bound from the <c>Database</c> section; the connection string itself is <c>ConnectionStrings:SmartyAssess</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string ConnectionStringName = "SmartyAssess";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>SQLite durability; see docs/decisions for the trade-off.</summary>
    public SqliteSynchronous SqliteSynchronous { get; set; } = SqliteSynchronous.Full;

    /// <summary>The connection string in use, after the SQLite default was applied.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Where the SQLite file goes when no connection string is configured: a per-user data folder.</summary>
    public static string DefaultSqlitePath()
    {
        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(root))
        {
            root = Path.Combine(AppContext.BaseDirectory, "App_Data");
        }

        return Path.Combine(root, "SmartyAssess", "smartyassess.db");
    }
}
