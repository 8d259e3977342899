using System.Text;
using Streaming.Generators.IntegrationTests.Infrastructure;
using Streaming.Generators.IntegrationTests.Streams;

namespace Streaming.Generators.IntegrationTests;

/// <summary>Idle SSE streams send comment heartbeats (every 100 ms on this server) that never disturb an event.</summary>
[Collection(HeartbeatServerCollection.Name)]
public sealed class SseHeartbeatTests(HeartbeatServer server)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_idle_stream_sends_heartbeats_before_and_between_its_events()
    {
        var (run, probe) = server.Probes.Create();
        using var client = server.CreateClient();

        // Nothing released yet: the heartbeat is what starts the response.
        using var response = await client.GetAsync($"/sse/gated/{run}", HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var received = new StringBuilder();
        await ReadUntilAsync(reader, received, ": heartbeat", occurrences: 2);

        probe.Release(1);
        await ReadUntilAsync(reader, received, $"data: {Oracle.Json(Reading.Create(0))}", occurrences: 1);
        await ReadUntilAsync(reader, received, ": heartbeat", occurrences: 4);

        probe.Release(1);
        await ReadUntilAsync(reader, received, $"data: {Oracle.Json(Reading.Create(1))}", occurrences: 1);
        var blank = await reader.ReadLineAsync().WaitAsync(Patience);
        received.Append(blank).Append('\n');

        // The heartbeats are whole comment lines between whole events: a parser sees the two events alone.
        var body = received.ToString();
        Assert.Equal("", blank);
        SseReading.AssertOnlyOurLines(body);
        Assert.Equal([Oracle.Json(Reading.Create(0)), Oracle.Json(Reading.Create(1))], SseReading.Parse(body).Select(e => e.Data));
        Assert.Equal(2, probe.Produced);
    }

    [Fact]
    public async Task An_endpoint_can_turn_heartbeats_off()
    {
        var (run, probe) = server.Probes.Create();
        probe.Release(1);
        using var client = server.CreateClient();

        using var response = await client.GetAsync($"/sse/gated-quiet/{run}", HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var received = new StringBuilder();
        await ReadUntilAsync(reader, received, $"data: {Oracle.Json(Reading.Create(0))}", occurrences: 1);

        // Idle for many heartbeat intervals of this server.
        await Task.Delay(HeartbeatServer.Interval * 8);
        probe.Release(1);
        await ReadUntilAsync(reader, received, $"data: {Oracle.Json(Reading.Create(1))}", occurrences: 1);

        Assert.DoesNotContain(": heartbeat", received.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Reads lines into <paramref name="received"/> until <paramref name="line"/> has been read that many times in all.</summary>
    private static async Task ReadUntilAsync(StreamReader reader, StringBuilder received, string line, int occurrences)
    {
        var seen = received.ToString().Split('\n').Count(l => l == line);
        while (seen < occurrences)
        {
            var next = await reader.ReadLineAsync().WaitAsync(Patience)
                ?? throw new InvalidOperationException($"The stream ended before '{line}' arrived {occurrences} times:\n{received}");
            received.Append(next).Append('\n');
            seen += next == line ? 1 : 0;
        }
    }
}
