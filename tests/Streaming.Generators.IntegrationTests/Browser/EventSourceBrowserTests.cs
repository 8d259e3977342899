using System.Text.Json;
using Streaming.Generators.IntegrationTests.Infrastructure;
using Streaming.Generators.Testing;

namespace Streaming.Generators.IntegrationTests.Browser;

/// <summary>A real browser's <c>EventSource</c> reads our SSE: events, ids, JSON data, and resumption after a drop.</summary>
[Collection(ServerCollection.Name)]
public sealed class EventSourceBrowserTests(StreamingServer server)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task EventSource_receives_every_event_and_resumes_after_a_drop_with_Last_Event_ID()
    {
        var executable = HeadlessChromium.Find()
            ?? throw new InvalidOperationException(
                "Chromium is not installed, and this test needs a real browser. Run `sudo eng/install-test-deps.sh` "
                + "(it installs Debian's chromium), or set CHROMIUM_PATH to a Chromium executable.");
        var run = Guid.NewGuid().ToString("N");
        var browserRun = server.BrowserRuns[run];

        await using var browser = HeadlessChromium.Open(executable, new Uri(server.BaseAddress, $"/browser/page/{run}"));
        var completed = await Task.WhenAny(browserRun.Report.Task, Task.Delay(Patience));
        Assert.True(
            completed == browserRun.Report.Task,
            $"The page did not report within {Patience.TotalSeconds} s. Connections seen (Last-Event-ID): [{string.Join(", ", browserRun.Connections)}]. Browser output:\n{browser.Output}");

        using var report = JsonDocument.Parse(await browserRun.Report.Task);
        var ticks = report.RootElement.GetProperty("ticks").EnumerateArray().ToList();
        var errors = report.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetInt32()).ToList();

        // Every tick exactly once, in order, with its id, its data exactly the serializer's JSON, which the
        // browser's JSON.parse reads back to the same values.
        var expected = Enumerable.Range(1, BrowserStreams.LastTick).ToList();
        Assert.Equal(expected.Select(i => i.ToString()), ticks.Select(t => t.GetProperty("id").GetString()));
        Assert.Equal(expected.Select(i => Oracle.Json(BrowserStreams.Label(i))), ticks.Select(t => t.GetProperty("data").GetString()));
        Assert.Equal(expected.Select(BrowserStreams.Label), ticks.Select(t => t.GetProperty("parsed").Deserialize<Tick>(JsonSerializerOptions.Web)));

        // The drop: the browser saw an error while reconnecting (readyState CONNECTING = 0), then reconnected
        // sending the id of the last tick it had, and the stream resumed after it.
        Assert.Contains(0, errors);
        Assert.Equal([null, BrowserStreams.DroppedAfter], browserRun.Connections);
    }
}
