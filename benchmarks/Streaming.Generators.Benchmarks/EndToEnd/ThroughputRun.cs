using System.Diagnostics;
using Streaming.Generators.Benchmarks.Reporting;

namespace Streaming.Generators.Benchmarks.EndToEnd;

/// <summary>
/// End to end over Kestrel on loopback: the client reads each response as fast as it can, counting bytes; the
/// server reports the bytes its whole process allocated during the response. Endpoints are measured in
/// interleaved rounds (every endpoint once per round) after a warm-up round, and the median of the rounds is
/// reported, so a burst of noise on the machine lands on all of them alike.
/// </summary>
public static class ThroughputRun
{
    private enum Wire
    {
        NdJson,
        JsonArray,
        Sse,
    }

    private sealed record Endpoint(string Name, string Path, Wire Wire, string? Baseline);

    private const string BuiltInArray = "minimal API, IAsyncEnumerable<T> (built-in)";
    private const string BuiltInSse = "TypedResults.ServerSentEvents (built-in)";

    private static readonly Endpoint[] Endpoints =
    [
        new(BuiltInArray, "/builtin/array", Wire.JsonArray, null),
        new("minimal API + STJ source-generated metadata", "/builtin-sg/array", Wire.JsonArray, BuiltInArray),
        new("[Stream(Format.NdJson)]", "/ours/ndjson", Wire.NdJson, BuiltInArray),
        new("[Stream(Format.JsonArray)]", "/ours/array", Wire.JsonArray, BuiltInArray),
        new(BuiltInSse, "/builtin/sse", Wire.Sse, null),
        new("[Stream(Format.Sse)]", "/ours/sse", Wire.Sse, BuiltInSse),
    ];

    private sealed record Sample(double Seconds, long Bytes, long Newlines, long Allocated, long Gen0, long Gen1, long Gen2);

    public static async Task<int> RunAsync(int items, int rounds, int warmupItems, bool serverGc)
    {
        await using var server = await ServerProcess.StartAsync(serverGc);
        using var client = server.CreateClient();
        var statsOverhead = await server.StatsOverheadAsync();
        var buffer = new byte[64 * 1024];

        Console.WriteLine($"Warm-up: {warmupItems:N0} items per endpoint and producer.");
        foreach (var wait in new[] { false, true })
        {
            foreach (var endpoint in Endpoints)
            {
                await MeasureAsync(server, client, endpoint, warmupItems, wait, statsOverhead, buffer);
            }
        }

        var samples = new Dictionary<(Endpoint, bool), List<Sample>>();
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var wait in new[] { false, true })
            {
                foreach (var endpoint in Endpoints)
                {
                    var sample = await MeasureAsync(server, client, endpoint, items, wait, statsOverhead, buffer);
                    Console.WriteLine($"round {round}, {(wait ? "awaits" : "never waits")}, {endpoint.Name}: {items / sample.Seconds:N0} items/s, {(double)sample.Allocated / items:0.00} B/item");
                    (samples.TryGetValue((endpoint, wait), out var list) ? list : samples[(endpoint, wait)] = []).Add(sample);
                }
            }
        }

        var stats = await server.StatsAsync();
        var report = new Report("EndToEnd");
        report.Line($"Kestrel on 127.0.0.1, HTTP/1.1, {items:N0} items per response, median of {rounds} interleaved rounds after a warm-up round; server GC: {(stats.ServerGc ? "server" : "workstation")}.");
        report.Line("Server B/item: bytes allocated by the whole server process during the response (GC.GetTotalAllocatedBytes(precise: true) before and after, less what reading the counter costs), divided by the items.");
        var failures = 0;
        foreach (var wait in new[] { false, true })
        {
            report.Heading(wait ? "Producer that awaits per item (await Task.Yield())" : "Producer that never waits");
            var rows = new List<IReadOnlyList<string>>();
            foreach (var endpoint in Endpoints)
            {
                var list = samples[(endpoint, wait)];
                var rate = Report.Median(list.Select(s => items / s.Seconds));
                var baseline = endpoint.Baseline is { } name ? Report.Median(samples[(Endpoints.Single(e => e.Name == name), wait)].Select(s => items / s.Seconds)) : rate;
                var check = Check(endpoint, list, items, samples, wait);
                failures += check is null ? 0 : 1;
                rows.Add(
                [
                    endpoint.Name,
                    Report.Number(rate),
                    endpoint.Baseline is null ? "baseline" : Report.Ratio(rate / baseline),
                    Report.Number(Report.Median(list.Select(s => (double)s.Allocated / items)), 2),
                    $"{list.Max(s => s.Gen0)}/{list.Max(s => s.Gen1)}/{list.Max(s => s.Gen2)}",
                    Report.Number((double)list[0].Bytes / items, 1),
                    check ?? "ok",
                ]);
            }

            report.Table(["endpoint", "items/s", "vs built-in", "server B/item", "GCs gen0/1/2 (max per response)", "wire B/item", "body check"], rows);
        }

        report.Save();
        return failures == 0 ? 0 : 1;
    }

    private static async Task<Sample> MeasureAsync(ServerProcess server, HttpClient client, Endpoint endpoint, int items, bool wait, long statsOverhead, byte[] buffer)
    {
        var before = await server.StatsAsync();
        var started = Stopwatch.GetTimestamp();
        using (var response = await client.GetAsync($"{endpoint.Path}?count={items}&wait={(wait ? "true" : "false")}", HttpCompletionOption.ResponseHeadersRead))
        {
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync();
            long bytes = 0, newlines = 0;
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                bytes += read;
                newlines += buffer.AsSpan(0, read).Count((byte)'\n');
            }

            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var after = await server.StatsAsync();
            return new Sample(seconds, bytes, newlines, after.Allocated - before.Allocated - statsOverhead,
                after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2);
        }
    }

    /// <summary>
    /// Whether the bodies are what they should be: one line per item in NDJSON, one blank-line-ended event per
    /// item in SSE (ours byte for byte as long as the built-in's), and every JSON array exactly one byte longer than the NDJSON
    /// body of the same items (<c>[</c>, <c>]</c> and a comma per item but the last, instead of a newline per item).
    /// </summary>
    private static string? Check(Endpoint endpoint, List<Sample> list, int items, Dictionary<(Endpoint, bool), List<Sample>> all, bool wait)
    {
        var ndjson = all[(Endpoints.Single(e => e.Path == "/ours/ndjson"), wait)][0].Bytes;
        var sse = all[(Endpoints.Single(e => e.Path == "/builtin/sse"), wait)][0].Bytes;
        foreach (var sample in list)
        {
            var ok = endpoint.Wire switch
            {
                Wire.NdJson => sample.Newlines == items,
                Wire.Sse => sample.Newlines == 2L * items && sample.Bytes == sse,
                Wire.JsonArray => sample.Bytes == ndjson + 1,
                _ => false,
            };
            if (!ok || sample.Bytes != list[0].Bytes)
            {
                return $"UNEXPECTED BODY ({sample.Bytes} bytes, {sample.Newlines} newlines)";
            }
        }

        return null;
    }
}
