using System.Diagnostics;
using Streaming.Generators.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Streaming.Generators.IntegrationTests;

/// <summary>
/// A client that goes away cancels the producer and disposes it at once, whether the producer was waiting or
/// writing, on either protocol, and a thousand of them leak nothing. This class has a server to itself, so the
/// active-streams gauge counts only its streams.
/// </summary>
public sealed class DisconnectTests(StreamingServer server, ITestOutputHelper output) : IClassFixture<StreamingServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(1);

    public static TheoryData<string, string> TokenRoutesAndProtocols => new()
    {
        { "/gated/{0}", Protocols.Http1 },
        { "/gated/{0}", Protocols.Http2 },
        { "/gated-plain/{0}", Protocols.Http1 },
        { "/gated-plain/{0}", Protocols.Http2 },
        { "/gated-enumerator/{0}", Protocols.Http1 },
        { "/gated-enumerator/{0}", Protocols.Http2 },
    };

    [Theory]
    [MemberData(nameof(TokenRoutesAndProtocols))]
    public async Task A_client_leaving_while_the_producer_awaits_cancels_its_token_and_runs_its_finally_within_a_second(string route, string protocol)
    {
        var (run, probe) = server.Probes.Create();
        probe.Release(1);

        var elapsed = await OpenReadOneAndLeaveAsync(string.Format(route, run), protocol, probe);

        Assert.True(elapsed < Promptly, $"The producer's finally ran {elapsed.TotalMilliseconds:F0} ms after the client left.");
        Assert.True(probe.WasCancelled, "The producer's token was not cancelled when the client went away.");
        Assert.Equal(1, probe.Produced);
        Assert.True(await server.Metrics.WaitForNoActiveStreamsAsync(Patience), $"Active streams stayed at {server.Metrics.ActiveStreams}.");
    }

    [Theory]
    [MemberData(nameof(Protocols.Both), MemberType = typeof(Protocols))]
    public async Task A_client_leaving_while_the_producer_writes_stops_it_within_a_second(string protocol)
    {
        var (run, probe) = server.Probes.Create();

        var elapsed = await OpenReadOneAndLeaveAsync($"/endless/{run}", protocol, probe);

        Assert.True(elapsed < Promptly, $"The producer's finally ran {elapsed.TotalMilliseconds:F0} ms after the client left.");
        Assert.True(probe.Produced > 1, "The producer was not writing when the client left.");
        Assert.True(await server.Metrics.WaitForNoActiveStreamsAsync(Patience), $"Active streams stayed at {server.Metrics.ActiveStreams}.");
    }

    [Fact]
    public async Task A_client_leaving_is_logged_as_information_never_as_an_error()
    {
        var (run, probe) = server.Probes.Create();
        probe.Release(1);

        await OpenReadOneAndLeaveAsync($"/gated/{run}", Protocols.Http1, probe);
        await server.Metrics.WaitForNoActiveStreamsAsync(Patience);

        var ended = server.Logs.Entries.Last(e => e.EventId.Name == "StreamEnded" && (string?)e["Route"] == "/gated/{run}");
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Information, ended.Level);
        Assert.Equal("client_disconnected", ended["Outcome"]);
        Assert.DoesNotContain(server.Logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [Fact]
    public async Task A_thousand_disconnects_leak_no_stream_and_no_producer()
    {
        const int Repeats = 1000;
        var latencies = new TimeSpan[Repeats];
        var cases = new[] { ("/gated/{0}", Protocols.Http1), ("/endless/{0}", Protocols.Http1), ("/gated/{0}", Protocols.Http2), ("/endless/{0}", Protocols.Http2) };
        var probes = new ProducerProbe[Repeats];
        var watch = Stopwatch.StartNew();

        // A few at a time: enough to overlap disconnects, few enough for two busy cores.
        await Parallel.ForAsync(0, Repeats, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            var (route, protocol) = cases[i % cases.Length];
            var (run, probe) = server.Probes.Create();
            probes[i] = probe;
            probe.Release(1);
            latencies[i] = await OpenReadOneAndLeaveAsync(string.Format(route, run), protocol, probe);
        });

        Assert.True(await server.Metrics.WaitForNoActiveStreamsAsync(Patience), $"Active streams stayed at {server.Metrics.ActiveStreams}.");
        Assert.All(probes, p => Assert.True(p.FinallyRan.Task.IsCompletedSuccessfully));
        Assert.Equal(0, server.Probes.LiveProducers);
        var sorted = latencies.Order().ToArray();
        var p99 = sorted[Repeats * 99 / 100];
        output.WriteLine($"{Repeats} disconnects in {watch.Elapsed.TotalSeconds:F1} s; client close to producer finally: median {sorted[Repeats / 2].TotalMilliseconds:F1} ms, p99 {p99.TotalMilliseconds:F1} ms, max {sorted[^1].TotalMilliseconds:F1} ms.");
        // Each one ran within the patience (above). Writing producers keep a thread busy until their flush
        // blocks, so on two shared cores a few wait for the thread pool: the bound is on all but the slowest 1%.
        Assert.True(p99 < Promptly, $"One disconnect in a hundred took {p99.TotalMilliseconds:F0} ms or more to reach the producer's finally.");
    }

    /// <summary>Opens the stream, reads its first item, closes the connection (HTTP/1.1) or resets the stream (HTTP/2), and times how long the producer's <c>finally</c> took to run.</summary>
    private async Task<TimeSpan> OpenReadOneAndLeaveAsync(string path, string protocol, ProducerProbe probe)
    {
        var client = server.CreateClient(protocol);
        var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience);
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.NotNull(await reader.ReadLineAsync().WaitAsync(Patience));

        var left = Stopwatch.GetTimestamp();
        reader.Dispose();
        response.Dispose();
        client.Dispose();
        await probe.FinallyRan.Task.WaitAsync(Patience);
        return Stopwatch.GetElapsedTime(left);
    }
}
