using System.Diagnostics;
using System.Net;
using Streaming.Generators.SampleTests.Infrastructure;
using Xunit.Abstractions;

namespace Streaming.Generators.SampleTests;

/// <summary>
/// SIGTERM to a real process, as a rolling deploy sends it: idle SSE feeds end at once and cleanly (their clients
/// reconnect elsewhere), exports get the host's shutdown timeout to finish, the process exits as soon as they
/// have, and an export the timeout cuts is truncated for every client, never ended as complete.
/// </summary>
public sealed class ShutdownTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Idle_SSE_feeds_end_cleanly_at_once_and_the_process_exits_as_soon_as_the_exports_are_done()
    {
        await using var app = await ShutdownApp.StartAsync(shutdownTimeoutSeconds: 30);
        var feeds = await OpenAsync(app, "/feed", 20);
        var exports = await OpenAsync(app, "/export?seconds=3", 2);

        var stopped = await app.TerminateAsync();
        var feedEnds = await Task.WhenAll(feeds.Select(ReadToEndAsync));
        var exportEnds = await Task.WhenAll(exports.Select(ReadToEndAsync));
        var exited = await app.WaitForExitAsync();

        output.WriteLine($"Feeds ended {Seconds(feedEnds.Max(e => e.At) - stopped)} after SIGTERM, exports {Seconds(exportEnds.Max(e => e.At) - stopped)}, process {Seconds(exited - stopped)}.");
        Assert.All(feedEnds, end => Assert.Null(end.Failure));
        // At once: 0.02 to 0.08 s on a quiet machine; the host's timeout, which the feeds held before, is 30 s here.
        Assert.True(feedEnds.Max(e => e.At) - stopped < TimeSpan.FromSeconds(5), "The idle feeds did not end at once.");

        // Each export runs to its last line (the first was read when it was opened) and ends as complete.
        Assert.All(exportEnds, end =>
        {
            Assert.Null(end.Failure);
            Assert.Equal(29, end.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        });
        Assert.True(exited - exportEnds.Max(e => e.At) < TimeSpan.FromSeconds(5), $"The process took {Seconds(exited - exportEnds.Max(e => e.At))} to exit after the last export.");
        Assert.Equal(0, app.Process.ExitCode);
        Assert.Contains("Stream /feed (sse) ended: server_shutdown", app.Process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_export_the_shutdown_timeout_cuts_is_truncated_for_every_client()
    {
        await using var app = await ShutdownApp.StartAsync(shutdownTimeoutSeconds: 4);
        var exports = await OpenAsync(app, "/export?seconds=60", 4);

        var stopped = await app.TerminateAsync();
        var ends = await Task.WhenAll(exports.Select(ReadToEndAsync));
        var exited = await app.WaitForExitAsync();

        output.WriteLine($"Exports cut {Seconds(ends.Max(e => e.At) - stopped)} after SIGTERM, process exited {Seconds(exited - stopped)}: {string.Join("; ", ends.Select(e => e.Failure?.Message))}");
        Assert.All(ends, end => Assert.IsAssignableFrom<IOException>(end.Failure));
        Assert.True(ends.Min(e => e.At) - stopped > TimeSpan.FromSeconds(3), "An export was cut before the shutdown timeout.");
        Assert.True(exited - stopped < TimeSpan.FromSeconds(10), $"The process took {Seconds(exited - stopped)} to exit.");
        Assert.Contains("Stream /export (ndjson) ended: server_shutdown", app.Process.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// What every SSE feed did before it ended at shutdown, and what a plain <c>TypedResults.ServerSentEvents</c>
    /// endpoint still does: it holds the shutdown for the host's whole timeout, then its clients are cut.
    /// </summary>
    [Fact]
    public async Task An_SSE_endpoint_that_opts_out_holds_the_shutdown_for_the_whole_timeout_and_is_then_cut()
    {
        await using var app = await ShutdownApp.StartAsync(shutdownTimeoutSeconds: 4, ("Streaming__SseEndOnShutdown", "false"));
        var feeds = await OpenAsync(app, "/feed", 6);

        var stopped = await app.TerminateAsync();
        var ends = await Task.WhenAll(feeds.Select(ReadToEndAsync));
        var exited = await app.WaitForExitAsync();

        output.WriteLine($"Feeds cut {Seconds(ends.Max(e => e.At) - stopped)} after SIGTERM, process exited {Seconds(exited - stopped)}.");
        Assert.All(ends, end => Assert.IsAssignableFrom<IOException>(end.Failure));
        Assert.True(exited - stopped > TimeSpan.FromSeconds(3), "The feeds did not hold the shutdown.");
    }

    private static string Seconds(TimeSpan span) => $"{span.TotalSeconds:F2} s";

    /// <summary>Opens <paramref name="count"/> streams, half over HTTP/1.1 and half over HTTP/2, each once its first line has arrived.</summary>
    private static async Task<List<OpenStream>> OpenAsync(ShutdownApp app, string path, int count)
    {
        var open = new List<OpenStream>();
        for (var i = 0; i < count; i++)
        {
            var client = app.CreateClient(http2: i % 2 == 1);
            var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            var first = await reader.ReadLineAsync().WaitAsync(Patience);
            Assert.False(string.IsNullOrEmpty(first));
            open.Add(new OpenStream(client, response, reader));
        }

        return open;
    }

    private static async Task<StreamEnd> ReadToEndAsync(OpenStream stream)
    {
        using var _ = stream.Client;
        using var __ = stream.Response;
        try
        {
            var body = await stream.Reader.ReadToEndAsync().WaitAsync(Patience);
            return new StreamEnd(Stopwatch.GetTimestamp(), body, null);
        }
        catch (Exception exception) when (exception is not TimeoutException)
        {
            return new StreamEnd(Stopwatch.GetTimestamp(), "", exception);
        }
    }

    private sealed record OpenStream(HttpClient Client, HttpResponseMessage Response, StreamReader Reader);

    private sealed record StreamEnd(long Timestamp, string Body, Exception? Failure)
    {
        public TimeSpan At => TimeSpan.FromTicks(Timestamp * TimeSpan.TicksPerSecond / Stopwatch.Frequency);
    }

    /// <summary>The small application, as a process of its own on two free ports (HTTP/1.1 and h2c).</summary>
    private sealed class ShutdownApp(ChildProcess process, int http1Port, int http2Port) : IAsyncDisposable
    {
        public ChildProcess Process => process;

        public static async Task<ShutdownApp> StartAsync(int shutdownTimeoutSeconds, params (string Name, string Value)[] settings)
        {
            var (http1, http2) = (FreePort.Next(), FreePort.Next());
            var environment = new Dictionary<string, string?>
            {
                ["Http1Port"] = http1.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Http2Port"] = http2.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["ShutdownTimeoutSeconds"] = shutdownTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            foreach (var (name, value) in settings)
            {
                environment[name] = value;
            }

            var child = ChildProcess.Start("dotnet", [Path.Combine(Repository.ShutdownAppOutput, "Streaming.Generators.ShutdownApp.dll")], Repository.ShutdownAppOutput, environment);
            var app = new ShutdownApp(child, http1, http2);
            try
            {
                await SampleServer.WaitForHttpAsync(new Uri($"http://127.0.0.1:{http1}/ready"), child, Patience);
                return app;
            }
            catch
            {
                await app.DisposeAsync();
                throw;
            }
        }

        public HttpClient CreateClient(bool http2)
            => new(new SocketsHttpHandler { MaxResponseDrainSize = 0 })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{(http2 ? http2Port : http1Port)}/"),
                Timeout = Timeout.InfiniteTimeSpan,
                DefaultRequestVersion = http2 ? HttpVersion.Version20 : HttpVersion.Version11,
                DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            };

        /// <summary>Sends SIGTERM, as a container runtime or systemd does; returns when, on the <see cref="StreamEnd.At"/> clock.</summary>
        public async Task<TimeSpan> TerminateAsync()
        {
            var at = TimeSpan.FromTicks(Stopwatch.GetTimestamp() * TimeSpan.TicksPerSecond / Stopwatch.Frequency);
            await ChildProcess.RunAsync("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], Patience);
            return at;
        }

        public async Task<TimeSpan> WaitForExitAsync()
        {
            using var deadline = new CancellationTokenSource(Patience + Patience);
            await process.WaitForExitAsync(deadline.Token);
            return TimeSpan.FromTicks(Stopwatch.GetTimestamp() * TimeSpan.TicksPerSecond / Stopwatch.Frequency);
        }

        public ValueTask DisposeAsync() => process.DisposeAsync();
    }
}
