using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SmartyAssess.Web.Tests.Infrastructure;

/// <summary>
/// A real, throwaway PostgreSQL server for the tests: the one named by SMARTY_TEST_POSTGRES, or
/// else a private cluster started from Debian's binaries (./test.sh installs them) in a temp folder.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string? _dataDirectory;
    private string? _pgCtl;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("SMARTY_TEST_POSTGRES") is { Length: > 0 } configured)
        {
            ConnectionString = configured;
            return;
        }

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderBy(d => d, StringComparer.Ordinal).LastOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("PostgreSQL is not installed: run ./test.sh (it installs Debian's postgresql package) or set SMARTY_TEST_POSTGRES to a connection string.");
        }

        _pgCtl = Path.Combine(bin, "pg_ctl");
        _dataDirectory = Directory.CreateTempSubdirectory("smarty-pg-").FullName;
        var port = FreePort();
        if (Environment.IsPrivilegedProcess)
        {
            // initdb refuses to run as root; CI runs as root, so the cluster belongs to 'postgres'.
            await RunAsync("chown", "-R", "postgres:postgres", _dataDirectory);
        }

        await RunAsPostgresAsync(Path.Combine(bin, "initdb"), "-D", _dataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
        await RunAsPostgresAsync(_pgCtl, "-D", _dataDirectory, "-l", Path.Combine(_dataDirectory, "server.log"), "-w", "start",
            "-o", $"-c listen_addresses=127.0.0.1 -p {port} -k {_dataDirectory} -c fsync=off -c max_connections=200");
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    public async Task DisposeAsync()
    {
        if (_pgCtl is not null && _dataDirectory is not null)
        {
            await RunAsPostgresAsync(_pgCtl, "-D", _dataDirectory, "-m", "immediate", "-w", "stop");
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    /// <summary>A connection string for a new, empty database on this server.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "smarty_" + Guid.NewGuid().ToString("N");
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE {name}";
        await command.ExecuteNonQueryAsync();
        return new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunAsPostgresAsync(string program, params string[] arguments) =>
        Environment.IsPrivilegedProcess ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments]) : RunAsync(program, arguments);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}
