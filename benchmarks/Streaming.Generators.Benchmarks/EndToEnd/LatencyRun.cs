using System.Buffers.Text;
using System.Diagnostics;
using System.Text;
using Streaming.Generators.Benchmarks.Reporting;

namespace Streaming.Generators.Benchmarks.EndToEnd;

/// <summary>
/// Time to first item: the producer yields an item about every millisecond, each stamped with
/// <see cref="Stopwatch.GetTimestamp"/> at the <c>yield</c>; the client stamps every read the moment it returns
/// and subtracts. Both processes read the same monotonic clock (<c>CLOCK_MONOTONIC</c> on Linux), so the
/// difference is the time from <c>yield</c> to bytes at the client: serialization, the flush, Kestrel, the
/// loopback socket and the client's read.
/// </summary>
public static class LatencyRun
{
    private static readonly (string Name, string Path)[] Endpoints =
    [
        ("[Stream(Format.NdJson)]", "/ours/ticks/ndjson"),
        ("[Stream(Format.Sse)]", "/ours/ticks/sse"),
        ("minimal API, IAsyncEnumerable<T> (built-in)", "/builtin/ticks/array"),
        ("TypedResults.ServerSentEvents (built-in)", "/builtin/ticks/sse"),
    ];

    private static readonly byte[] Marker = Encoding.UTF8.GetBytes("\"yieldedAt\":");

    public static async Task<int> RunAsync(int items, bool serverGc)
    {
        await using var server = await ServerProcess.StartAsync(serverGc);
        using var client = server.CreateClient();

        // Warm-up: every endpoint once, so that no item measured below waits for the JIT.
        foreach (var (_, path) in Endpoints)
        {
            await MeasureAsync(client, path, Math.Min(items, 200));
        }

        var report = new Report("Latency");
        report.Line($"{items:N0} items per endpoint, one about every millisecond (await Task.Delay(1) before each yield); latency from the yield to the read that returned the item's bytes.");
        report.Line("");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var (name, path) in Endpoints)
        {
            var latencies = await MeasureAsync(client, path, items);
            latencies.Sort();
            rows.Add(
            [
                name,
                Report.Number(latencies.Count),
                Milliseconds(Report.Percentile(latencies, 0.5)),
                Milliseconds(Report.Percentile(latencies, 0.9)),
                Milliseconds(Report.Percentile(latencies, 0.99)),
                Milliseconds(latencies[^1]),
            ]);
        }

        report.Table(["endpoint", "items seen", "median", "p90", "p99", "max"], rows);
        report.Save();
        return 0;
    }

    private static string Milliseconds(double value) => Report.Number(value, 3) + " ms";

    /// <summary>The latency of every item, in milliseconds.</summary>
    private static async Task<List<double>> MeasureAsync(HttpClient client, string path, int items)
    {
        var latencies = new List<double>(items);
        using var response = await client.GetAsync($"{path}?count={items}", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();

        var buffer = new byte[64 * 1024];
        var kept = 0;
        int read;
        while ((read = await body.ReadAsync(buffer.AsMemory(kept))) > 0)
        {
            var now = Stopwatch.GetTimestamp();
            var length = kept + read;
            var consumed = Scan(buffer.AsSpan(0, length), now, latencies);
            kept = length - consumed;
            buffer.AsSpan(consumed, kept).CopyTo(buffer);
        }

        if (latencies.Count != items)
        {
            throw new InvalidOperationException($"{path}: read {latencies.Count} of {items} timestamps.");
        }

        return latencies;
    }

    /// <summary>
    /// Records the latency of every complete <c>"yieldedAt":digits</c> in <paramref name="text"/>; returns how many
    /// bytes are done with (a marker or number cut off at the end is kept for the next read).
    /// </summary>
    private static int Scan(ReadOnlySpan<byte> text, long now, List<double> latencies)
    {
        var position = 0;
        while (true)
        {
            var found = text[position..].IndexOf(Marker);
            if (found < 0)
            {
                // Keep what could be the start of a marker.
                return Math.Max(position, text.Length - (Marker.Length - 1));
            }

            var start = position + found;
            var digits = start + Marker.Length;
            var end = digits;
            while (end < text.Length && char.IsAsciiDigit((char)text[end]))
            {
                end++;
            }

            if (end == text.Length)
            {
                return start;
            }

            Utf8Parser.TryParse(text[digits..end], out long yieldedAt, out _);
            latencies.Add((now - yieldedAt) * 1000.0 / Stopwatch.Frequency);
            position = end;
        }
    }
}
