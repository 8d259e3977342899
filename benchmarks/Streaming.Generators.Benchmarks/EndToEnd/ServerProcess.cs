using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Streaming.Generators.Benchmarks.EndToEnd;

/// <summary>
/// Starts this program in <c>server</c> mode as a child process and talks to it: the client side of every
/// end-to-end measurement runs here, the server side there, so each process's allocations and memory are its own.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri address, Uri http2Address, HttpClient control)
    {
        _process = process;
        Address = address;
        Http2Address = http2Address;
        Control = control;
    }

    /// <summary>The HTTP/1.1 listener.</summary>
    public Uri Address { get; }

    /// <summary>The HTTP/2 listener: cleartext with prior knowledge (h2c), no TLS.</summary>
    public Uri Http2Address { get; }

    /// <summary>A client for <c>/_stats</c>, on a connection of its own.</summary>
    private HttpClient Control { get; }

    /// <summary>Starts the server with server GC (what an ASP.NET Core app gets by default) or workstation GC.</summary>
    public static async Task<ServerProcess> StartAsync(bool serverGc, bool profileAllocations = false, bool detector = false)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };

        // Run as `dotnet Streaming.Generators.Benchmarks.dll` or through the app host, whichever started us.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ServerProcess).Assembly.Location);
        }

        start.ArgumentList.Add("server");
        if (profileAllocations)
        {
            start.ArgumentList.Add("--profile-allocations");
        }

        if (detector)
        {
            start.ArgumentList.Add("--detector");
        }

        start.Environment["DOTNET_gcServer"] = serverGc ? "1" : "0";

        var process = Process.Start(start) ?? throw new InvalidOperationException("The server process did not start.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith(BenchServer.ReadyLine, StringComparison.Ordinal))
            {
                var addresses = line[BenchServer.ReadyLine.Length..].Split(' ');
                var address = new Uri(addresses[0]);
                return new ServerProcess(process, address, new Uri(addresses[1]), new HttpClient { BaseAddress = address });
            }
        }

        throw new InvalidOperationException("The server process ended before it listened.");
    }

    public HttpClient CreateClient(int maxConnections = int.MaxValue)
        => new(new SocketsHttpHandler { MaxConnectionsPerServer = maxConnections, UseCookies = false })
        {
            BaseAddress = Address,
            Timeout = Timeout.InfiniteTimeSpan,
        };

    /// <summary>
    /// A client that speaks HTTP/2 only, as browsers do to an HTTPS origin: up to 100 streams (Kestrel's
    /// default) share a connection, and more connections open as they fill.
    /// </summary>
    public HttpClient CreateHttp2Client()
        => new(new SocketsHttpHandler { EnableMultipleHttp2Connections = true, UseCookies = false })
        {
            BaseAddress = Http2Address,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = Timeout.InfiniteTimeSpan,
        };

    public async Task<ServerStats> StatsAsync(bool collect = false, bool resetPeak = false)
    {
        var text = await Control.GetStringAsync($"/_stats?gc={(collect ? "true" : "false")}&resetPeak={(resetPeak ? "true" : "false")}");
        var values = text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1]);
        long Get(string key) => long.Parse(values[key], CultureInfo.InvariantCulture);
        return new ServerStats(Get("allocated"), Get("gen0"), Get("gen1"), Get("gen2"), Get("cpu"), Get("rss"), Get("peak"), Get("heap"), bool.Parse(values["serverGc"]));
    }

    /// <summary>The types the server allocated most since the last call (<c>--profile-allocations</c> only).</summary>
    public Task<string> AllocationsAsync() => Control.GetStringAsync("/_allocations");

    /// <summary>The bytes one <see cref="StatsAsync"/> call allocates in the server, to be subtracted from a delta.</summary>
    public async Task<long> StatsOverheadAsync()
    {
        var samples = new List<long>();
        var previous = await StatsAsync();
        for (var i = 0; i < 8; i++)
        {
            var next = await StatsAsync();
            samples.Add(next.Allocated - previous.Allocated);
            previous = next;
        }

        return samples.Order().ElementAt(samples.Count / 2);
    }

    public async ValueTask DisposeAsync()
    {
        Control.Dispose();
        _process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}

/// <summary>One reading of the server's <c>/_stats</c>.</summary>
public sealed record ServerStats(long Allocated, long Gen0, long Gen1, long Gen2, long CpuMicroseconds, long Rss, long Peak, long Heap, bool ServerGc);
