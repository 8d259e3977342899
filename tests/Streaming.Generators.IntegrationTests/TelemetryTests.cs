using System.Text;
using Microsoft.Extensions.Logging;
using Streaming.Generators.IntegrationTests.Infrastructure;
using Streaming.Generators.IntegrationTests.Streams;

namespace Streaming.Generators.IntegrationTests;

/// <summary>The <c>Streaming.Generators</c> meter and the start and end log lines of each stream.</summary>
public sealed class TelemetryTests(StreamingServer server) : IClassFixture<StreamingServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_instruments_are_named_and_measured_as_OpenTelemetry_names_things()
    {
        using var client = server.CreateClient();
        await client.GetStringAsync("/readings?count=1");

        var expected = new Dictionary<string, (string Unit, Type Kind)>
        {
            ["streaming.server.active_streams"] = ("{stream}", typeof(System.Diagnostics.Metrics.UpDownCounter<long>)),
            ["streaming.server.items"] = ("{item}", typeof(System.Diagnostics.Metrics.Counter<long>)),
            ["streaming.server.bytes"] = ("By", typeof(System.Diagnostics.Metrics.Counter<long>)),
            ["streaming.server.duration"] = ("s", typeof(System.Diagnostics.Metrics.Histogram<double>)),
            ["streaming.server.rejected_streams"] = ("{stream}", typeof(System.Diagnostics.Metrics.Counter<long>)),
        };
        foreach (var (name, (unit, kind)) in expected)
        {
            var instrument = server.Metrics.Instrument(name);
            Assert.True(instrument is not null, $"{name} was not published.");
            Assert.Equal(unit, instrument.Unit);
            Assert.IsType(kind, instrument);
            Assert.False(string.IsNullOrEmpty(instrument.Description));
        }
    }

    [Fact]
    public async Task A_completed_stream_counts_its_items_and_bytes_and_records_its_duration()
    {
        const int Count = 300;
        using var client = server.CreateClient();

        var body = await client.GetStringAsync($"/readings?count={Count}&yieldEach=true");
        await server.Metrics.WaitForNoActiveStreamsAsync(Patience);

        bool ThisRoute(Measurement m) => m.Tag("http.route") == "/readings";
        Assert.All(server.Metrics.Measurements.Where(ThisRoute), m => Assert.Equal("ndjson", m.Tag("streaming.format")));
        Assert.Equal(Count, server.Metrics.Sum("streaming.server.items", ThisRoute));
        Assert.Equal(Encoding.UTF8.GetByteCount(body), server.Metrics.Sum("streaming.server.bytes", ThisRoute));
        Assert.Equal([1.0, -1.0], server.Metrics.Of("streaming.server.active_streams").Where(ThisRoute).Select(m => m.Value));
        var duration = Assert.Single(server.Metrics.Of("streaming.server.duration"), ThisRoute);
        Assert.Equal("completed", duration.Tag("streaming.outcome"));
        Assert.InRange(duration.Value, 0, Patience.TotalSeconds);
    }

    [Fact]
    public async Task Each_outcome_is_a_tag_of_the_duration_and_a_failure_names_its_error_type()
    {
        using (var client = server.CreateClient())
        {
            using var response = await client.GetAsync("/failing?after=2", HttpCompletionOption.ResponseHeadersRead);
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => response.Content.ReadAsStringAsync().WaitAsync(Patience));
        }

        var (run, probe) = server.Probes.Create();
        probe.Release();
        using (var client = server.CreateClient())
        {
            using var response = await client.GetAsync($"/gated/{run}", HttpCompletionOption.ResponseHeadersRead);
            await new StreamReader(await response.Content.ReadAsStreamAsync()).ReadLineAsync().WaitAsync(Patience);
        }

        await probe.FinallyRan.Task.WaitAsync(Patience);
        Assert.True(await server.Metrics.WaitForNoActiveStreamsAsync(Patience));

        var failed = Assert.Single(server.Metrics.Of("streaming.server.duration"), m => m.Tag("http.route") == "/failing");
        Assert.Equal("failed", failed.Tag("streaming.outcome"));
        Assert.Equal("System.InvalidOperationException", failed.Tag("error.type"));
        var left = Assert.Single(server.Metrics.Of("streaming.server.duration"), m => m.Tag("http.route") == "/gated/{run}");
        Assert.Equal("client_disconnected", left.Tag("streaming.outcome"));
        Assert.Null(left.Tag("error.type"));
    }

    [Fact]
    public async Task Each_stream_logs_one_line_when_it_starts_and_one_when_it_ends()
    {
        const int Count = 40;
        using var client = server.CreateClient();

        var body = await client.GetStringAsync($"/readings/sync?count={Count}");
        var ended = await server.Logs.WaitForAsync(e => e.EventId.Name == "StreamEnded" && (string?)e["Route"] == "/readings/sync", Patience);

        var lines = server.Logs.Entries.Where(e => e.Category == StreamingTelemetry.LoggerCategory && (string?)e["Route"] == "/readings/sync").ToList();
        Assert.Equal(["StreamStarted", "StreamEnded"], lines.Select(e => e.EventId.Name));
        Assert.Equal(LogLevel.Information, lines[0].Level);
        Assert.Equal("ndjson", lines[0]["Format"]);
        Assert.Equal(LogLevel.Information, ended.Level);
        Assert.Equal("completed", ended["Outcome"]);
        Assert.Equal((long)Count, ended["Items"]);
        Assert.Equal((long)Encoding.UTF8.GetByteCount(body), ended["Bytes"]);
        Assert.InRange((double)ended["ElapsedMilliseconds"]!, 0, Patience.TotalMilliseconds);
        Assert.Contains("completed after 40 items", ended.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_written_by_hand_is_measured_too_with_its_media_type_as_format()
    {
        using var client = server.CreateClient();

        await client.GetStringAsync("/by-hand/readings?count=5");
        await server.Metrics.WaitForNoActiveStreamsAsync(Patience);

        var duration = Assert.Single(server.Metrics.Of("streaming.server.duration"), m => m.Tag("http.route") == "/by-hand/readings");
        Assert.Equal("application/x-ndjson", duration.Tag("streaming.format"));
        Assert.Equal(5, server.Metrics.Sum("streaming.server.items", m => m.Tag("http.route") == "/by-hand/readings"));
    }
}
