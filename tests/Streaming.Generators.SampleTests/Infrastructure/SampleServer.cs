namespace Streaming.Generators.SampleTests.Infrastructure;

/// <summary>How to start the sample: which build, which database, how many seeded orders.</summary>
public sealed record SampleOptions
{
    /// <summary>The SQLite file, seeded on first start; by default one in a temp folder the server deletes.</summary>
    public string? DatabasePath { get; init; }

    public int SeedRows { get; init; } = 20_000;

    /// <summary>A PostgreSQL connection string; when set the sample uses it instead of SQLite.</summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>The program to run: the JIT build through <c>dotnet</c>, or a published executable.</summary>
    public string? Executable { get; init; }

    /// <summary>More settings, as environment variables (<c>Streaming__SseHeartbeatInterval</c> …).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// The sample, running as its own process on a free 127.0.0.1 port, with the shop simulator off so a test
/// decides when orders are placed. <see cref="RestartAsync"/> kills it and starts it again on the same port
/// and database — a server-side drop, as in a redeploy.
/// </summary>
public sealed class SampleServer : IAsyncDisposable
{
    private readonly SampleOptions _options;
    private readonly DirectoryInfo? _ownedDirectory;
    private ChildProcess _process;

    private SampleServer(SampleOptions options, DirectoryInfo? ownedDirectory, int port, ChildProcess process)
    {
        _options = options;
        _ownedDirectory = ownedDirectory;
        Port = port;
        _process = process;
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public ChildProcess Process => _process;

    public static async Task<SampleServer> StartAsync(SampleOptions? options = null)
    {
        options ??= new SampleOptions();
        DirectoryInfo? ownedDirectory = null;
        if (options.DatabasePath is null)
        {
            ownedDirectory = Directory.CreateTempSubdirectory("orders-sample-");
            options = options with { DatabasePath = Path.Combine(ownedDirectory.FullName, "orders.db") };
        }

        var port = FreePort.Next();
        var server = new SampleServer(options, ownedDirectory, port, Launch(options, port));
        try
        {
            await server.WaitUntilReadyAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAgainAsync();
    }

    /// <summary>Kills the process, as a crash or a host that goes away does: its connections drop mid-response.</summary>
    public Task StopAsync() => _process.KillAsync();

    /// <summary>Starts the process again on the same port and database, after <see cref="StopAsync"/>.</summary>
    public async Task StartAgainAsync()
    {
        await _process.DisposeAsync();
        _process = Launch(_options, Port);
        await WaitUntilReadyAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _ownedDirectory?.Delete(recursive: true);
    }

    private static ChildProcess Launch(SampleOptions options, int port)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Database__Path"] = options.DatabasePath,
            ["Database__SeedRows"] = options.SeedRows.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ConnectionStrings__Orders"] = options.PostgresConnectionString,
            ["Simulator__Interval"] = "0",
        };
        foreach (var (name, value) in options.Settings)
        {
            environment[name] = value;
        }

        return options.Executable is { } executable
            ? ChildProcess.Start(executable, [], Path.GetDirectoryName(executable), environment)
            : ChildProcess.Start("dotnet", [Path.Combine(Repository.SampleOutput, "Orders.dll")], Repository.SampleOutput, environment);
    }

    private async Task WaitUntilReadyAsync() => await WaitForHttpAsync(BaseAddress, _process, TimeSpan.FromMinutes(2));

    /// <summary>
    /// Polls <paramref name="address"/> until it answers 2xx (or anything, with <paramref name="anyStatus"/>), failing
    /// early if the process exits.
    /// </summary>
    public static async Task WaitForHttpAsync(Uri address, ChildProcess process, TimeSpan timeout, bool anyStatus = false)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, $"The process exited with {(process.HasExited ? process.ExitCode : 0)} before it served {address}:\n{process.Output}");
            try
            {
                using var response = await client.GetAsync(address);
                if (anyStatus || response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet (seeding, or still building).
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        Assert.Fail($"{address} did not answer within {timeout}:\n{process.Output}");
    }
}
