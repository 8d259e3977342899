using System.Diagnostics;
using System.Net;
using Streaming.Generators.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Streaming.Generators.IntegrationTests;

/// <summary>
/// Synchronous producers that block (standing for synchronous I/O) run on threads of their own: two hundred of
/// them at once neither slow each other down to the pace of the thread pool's growth nor keep an unrelated
/// request waiting.
/// </summary>
public sealed class BlockingProducerTests(PingServer server, ITestOutputHelper output) : IClassFixture<PingServer>
{
    private const int Streams = 200;
    private const int Items = 40;
    private const int SleepMilliseconds = 50;

    [Fact]
    public async Task Two_hundred_blocking_producers_leave_an_unrelated_request_served_at_once()
    {
        using var streams = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Streams }) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        using var pings = server.CreateClient();
        Assert.Equal("pong", await pings.GetStringAsync("/ping"));

        var watch = Stopwatch.StartNew();
        var running = Enumerable.Range(0, Streams)
            .Select(_ => streams.GetStringAsync($"/blocking?count={Items}&sleepMilliseconds={SleepMilliseconds}"))
            .ToArray();

        // While every producer sleeps between its items (2 s each), an unrelated request asks for a thread.
        var latencies = new List<double>();
        await Task.Delay(300);
        for (var i = 0; i < 10; i++)
        {
            var ping = Stopwatch.StartNew();
            Assert.Equal("pong", await pings.GetStringAsync("/ping"));
            latencies.Add(ping.Elapsed.TotalMilliseconds);
            await Task.Delay(100);
        }

        var bodies = await Task.WhenAll(running);
        var total = watch.Elapsed;
        output.WriteLine($"{Streams} streams of {Items} items, {SleepMilliseconds} ms each: {total.TotalSeconds:F2} s (ideal {Items * SleepMilliseconds / 1000.0:F1} s); unrelated request: {string.Join(", ", latencies.Select(l => l.ToString("F1")))} ms");

        Assert.All(bodies, body => Assert.Equal(Items, body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length));
        // On the shared pool the first of these waited 11.3 s (and the streams took 33.6 s); here it is a few
        // milliseconds, up to several hundred when the machine is loaded and 200 threads start at once.
        Assert.True(latencies.Max() < 2000, $"An unrelated request waited {latencies.Max():F0} ms behind the blocking producers.");
        Assert.True(total < TimeSpan.FromSeconds(Items * SleepMilliseconds / 1000.0 * 3), $"The streams took {total.TotalSeconds:F1} s; alone each takes {Items * SleepMilliseconds / 1000.0:F1} s.");
    }

    [Fact]
    public async Task A_sequence_that_can_also_be_read_asynchronously_is_read_so()
    {
        using var client = server.CreateClient();

        using var response = await client.GetAsync("/both-ways?count=3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
