using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SmartyAssess.Web.Tests.Infrastructure;

/// <summary>
/// The real app as its own process on Kestrel: the web project's build output (as the suite built
/// it) or a published folder. Unlike the in-memory factory it can be killed with SIGKILL, which is
/// what a power cut, an OOM kill or a container eviction does to a server.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <summary>What the process printed so far, for assertion messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The web project's own build output, in the configuration this test assembly was built in.</summary>
    public static string BuildOutput { get; } = Path.Combine(RepositoryRoot, "src", "SmartyAssess.Web", "bin",
#if DEBUG
        "Debug",
#else
        "Release",
#endif
        "net10.0");

    /// <summary>Starts the app from <paramref name="directory"/> and waits until it answers /health/live.</summary>
    public static async Task<AppProcess> StartAsync(string directory, IDictionary<string, string> environment, string aspnetEnvironment = "Production")
    {
        var dll = Path.Combine(directory, "SmartyAssess.Web.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"No built app at {dll}; build the solution first (./test.sh does).", dll);
        }

        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = aspnetEnvironment;
        start.Environment["DOTNET_ENVIRONMENT"] = aspnetEnvironment;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__SmartyAssess"] = "Information";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var app = new AppProcess(process, $"http://127.0.0.1:{port}");
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await app.WaitUntilLiveAsync();
        return app;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilLiveAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {_process.ExitCode} before it was ready:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(BaseUrl + "/health/live");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The app did not answer /health/live within 60 s:\n{Output}");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, in-flight requests cut off.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SmartyAssess.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("SmartyAssess.sln was not found above " + AppContext.BaseDirectory);
    }
}
