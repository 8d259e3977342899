using System.Globalization;
using Streaming.Generators.Benchmarks.Reporting;

namespace Streaming.Generators.Benchmarks.EndToEnd;

/// <summary>
/// Server memory, read from the kernel (<c>VmRSS</c>, <c>VmHWM</c>) in a fresh server process per measurement:
/// the peak while one response streams a few items and while it streams many, and the memory each idle
/// Server-Sent Events stream holds when thousands are open at once, ours and ASP.NET Core's own, over HTTP/1.1 and
/// over HTTP/2.
/// </summary>
public static class MemoryRun
{
    /// <summary>The idle endpoints compared: ours, the built-in result, and Kestrel's floor without and with our proxy header.</summary>
    private static readonly (string Name, string Path)[] IdleEndpoints =
    [
        ("[Stream(Format.Sse)]", "/ours/sse-idle"),
        ("TypedResults.ServerSentEvents (built-in)", "/builtin/sse-idle"),
        ("floor: one event written by hand, then Task.Delay", "/floor/sse-idle"),
        ("floor, with X-Accel-Buffering: no", "/floor/sse-idle-header"),
    ];

    public static async Task<int> RunAsync(int smallItems, int largeItems, int streams, bool serverGc)
    {
        var report = new Report("Memory");

        report.Heading("Peak working set while streaming (one [Stream(Format.NdJson)] response, producer never waits)");
        report.Line("Each in a fresh server process: a warm-up response of 10 000 items, a full collection, the kernel's peak reset (VmHWM), then the measured response; with each GC.");
        report.Line("");
        var rows = new List<IReadOnlyList<string>>();
        var growth = new List<string>();
        foreach (var gc in new[] { true, false })
        {
            var peaks = new List<long>();
            foreach (var items in new[] { smallItems, largeItems })
            {
                var (before, after) = await PeakWhileStreamingAsync(items, gc);
                peaks.Add(after.Peak);
                rows.Add([GcName(gc), Report.Number(items), Report.Bytes(before.Rss), Report.Bytes(after.Peak), Report.Bytes(after.Peak - before.Rss), $"{after.Gen0 - before.Gen0}/{after.Gen1 - before.Gen1}/{after.Gen2 - before.Gen2}"]);
            }

            growth.Add($"{GcName(gc)} GC **{Report.Bytes(peaks[1] - peaks[0])}**");
        }

        report.Table(["GC", "items", "working set before", "peak while streaming", "peak − before", "GCs gen0/1/2 during the response"], rows);
        report.Line($"Peak growth from {smallItems:N0} to {largeItems:N0} items: {string.Join(", ", growth)}.");

        report.Heading($"Idle Server-Sent Events streams ({streams:N0} at once)");
        report.Line("Each stream has sent one event and waits: the producer awaits Task.Delay(Infinite), and ours has its 15 s heartbeat armed. Each row in a fresh server process; baseline after a warm-up of 100 streams, opened and closed, and a full collection. Working set is what the kernel counts for the process (all-in: managed heap, native memory, thread stacks); the managed heap is measured after a full compacting collection. Over HTTP/1.1 each stream is a connection of its own; over HTTP/2 (cleartext, prior knowledge), as browsers reach an HTTPS origin, up to 100 streams share a connection (Kestrel's default limit).");
        report.Line("");
        rows.Clear();
        foreach (var http2 in new[] { false, true })
        {
            foreach (var (name, path) in IdleEndpoints)
            {
                var idle = await IdleStreamsAsync(path, streams, serverGc, http2);
                rows.Add(
                [
                    http2 ? "HTTP/2" : "HTTP/1.1",
                    name,
                    Report.Bytes(idle.Baseline.Rss),
                    Report.Bytes(idle.Open.Rss),
                    Report.Bytes((double)(idle.Open.Rss - idle.Baseline.Rss) / streams),
                    Report.Bytes((double)(idle.OpenCollected.Rss - idle.Baseline.Rss) / streams),
                    // In bytes: the differences between rows are a few hundred bytes, below a tenth of a kilobyte's grain.
                    ((double)(idle.OpenCollected.Heap - idle.Baseline.Heap) / streams).ToString("N0", CultureInfo.InvariantCulture) + " B",
                ]);
            }
        }

        report.Table(["protocol", "endpoint", "working set, baseline", $"working set, {streams:N0} open", "working set per stream", "per stream after a full GC", "managed heap per stream"], rows);
        report.Line($"GC: {GcName(serverGc)}.");
        report.Save();
        return 0;
    }

    private static string GcName(bool serverGc) => serverGc ? "server" : "workstation";

    private static async Task<(ServerStats Before, ServerStats After)> PeakWhileStreamingAsync(int items, bool serverGc)
    {
        await using var server = await ServerProcess.StartAsync(serverGc);
        using var client = server.CreateClient();
        await client.DrainAsync("/ours/ndjson?count=10000&wait=false");
        var before = await server.StatsAsync(collect: true, resetPeak: true);
        await client.DrainAsync($"/ours/ndjson?count={items}&wait=false");
        var after = await server.StatsAsync();
        return (before, after);
    }


    private sealed record IdleReading(ServerStats Baseline, ServerStats Open, ServerStats OpenCollected);

    private static async Task<IdleReading> IdleStreamsAsync(string path, int streams, bool serverGc, bool http2)
    {
        await using var server = await ServerProcess.StartAsync(serverGc);
        using var client = http2 ? server.CreateHttp2Client() : server.CreateClient();

        await CloseAllAsync(await OpenAsync(client, path, 100));
        await Task.Delay(500);
        var baseline = await server.StatsAsync(collect: true);

        var open = await OpenAsync(client, path, streams);
        await Task.Delay(1000);
        var opened = await server.StatsAsync();
        var collected = await server.StatsAsync(collect: true);
        await CloseAllAsync(open);
        return new IdleReading(baseline, opened, collected);
    }

    /// <summary>Opens <paramref name="count"/> idle streams, each read up to the end of its first event.</summary>
    private static async Task<List<(HttpResponseMessage Response, Stream Body)>> OpenAsync(HttpClient client, string path, int count)
    {
        var open = new List<(HttpResponseMessage, Stream)>(count);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (_, ct) =>
        {
            var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, ct);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadAsStreamAsync(ct);
            var buffer = new byte[4096];
            var length = 0;
            while (buffer.AsSpan(0, length).IndexOf("\n\n"u8) < 0)
            {
                var read = await body.ReadAsync(buffer.AsMemory(length), ct);
                if (read == 0)
                {
                    throw new InvalidOperationException("An idle stream ended before its first event.");
                }

                length += read;
            }

            lock (open)
            {
                open.Add((response, body));
            }
        });
        return open;
    }

    private static async Task CloseAllAsync(List<(HttpResponseMessage Response, Stream Body)> open)
    {
        foreach (var (response, body) in open)
        {
            await body.DisposeAsync();
            response.Dispose();
        }
    }
}
