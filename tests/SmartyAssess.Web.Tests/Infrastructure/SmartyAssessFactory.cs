using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace SmartyAssess.Web.Tests.Infrastructure;

/// <summary>
/// The app in memory, on its own SQLite file (or a PostgreSQL database), so that tests can also
/// stop it and start a new instance on the same data.
/// </summary>
public sealed class SmartyAssessFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    private readonly bool _ownsDatabase;

    private readonly string _environment;

    public SmartyAssessFactory(string? databasePath = null, IDictionary<string, string?>? settings = null, string environment = "Development")
    {
        _environment = environment;
        _ownsDatabase = databasePath is null;
        DatabasePath = databasePath ?? TempDatabasePath();
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:SmartyAssess"] = $"Data Source={DatabasePath}",
            // Three PBKDF2 hashes at every start would slow every test; DemoAccountTests turns them on.
            ["Accounts:DemoAccounts"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string DatabasePath { get; }

    /// <summary>Replaces services after the app registered its own (a fake clock, for example).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    public static string TempDatabasePath() =>
        Path.Combine(Directory.CreateTempSubdirectory("smartyassess-test-").FullName, "test.db");

    /// <summary>
    /// A client that keeps cookies like a browser but lets tests see redirects. Passing the cookies
    /// of an earlier client continues that browser's session, also on another app instance.
    /// </summary>
    public HttpClient CreateBrowser(CookieContainer? cookies = null) =>
        CreateDefaultClient(new CookieContainerHandler(cookies ?? new CookieContainer()));

    protected override IHost CreateHost(IHostBuilder builder)
    {
        // Host configuration is visible while Program.cs builds its services; app configuration
        // added later is not (dotnet/aspnetcore#37680).
        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(_settings));
        return base.CreateHost(builder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        if (TestServices is { } configure)
        {
            builder.ConfigureTestServices(configure);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // Pooled connections keep the file open; release them so a restarted instance or the
        // clean-up sees a closed database.
        SqliteConnection.ClearAllPools();
        if (_ownsDatabase)
        {
            DeleteDatabase(DatabasePath);
        }
    }

    /// <summary>Removes a database made by <see cref="TempDatabasePath"/>, with its folder.</summary>
    public static void DeleteDatabase(string path)
    {
        try
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind does no harm.
        }
    }
}
