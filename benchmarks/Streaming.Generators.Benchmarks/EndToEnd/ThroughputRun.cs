using System.Diagnostics;
using Streaming.Generators.Benchmarks.Reporting;

namespace Streaming.Generators.Benchmarks.EndToEnd;

/// <summary>
/// End to end over Kestrel on loopback: the client reads each response as fast as it can, counting bytes and
/// items; the server reports the bytes its whole process allocated and the CPU time it used during the response.
/// Endpoints are measured in interleaved rounds (every endpoint once per round) after a warm-up round, and the
/// median of the rounds is reported, so a burst of noise on the machine lands on all of them alike.
/// </summary>
public static class ThroughputRun
{
    private sealed record Endpoint(string Name, string Path, string? Baseline);

    private const string BuiltInArray = "minimal API, IAsyncEnumerable<T> (built-in)";
    private const string BuiltInSse = "TypedResults.ServerSentEvents (built-in)";
    private const string Net11JsonLines = "JsonSerializer.SerializeAsyncEnumerable(PipeWriter, topLevelValues: true) (STJ 11)";

    private static readonly Endpoint[] Endpoints =
    [
        new(BuiltInArray, "/builtin/array", null),
        new("minimal API + STJ source-generated metadata", "/builtin-sg/array", BuiltInArray),
        new("[Stream(Format.NdJson)]", "/ours/ndjson", BuiltInArray),
        new(Net11JsonLines, "/net11/jsonl", null),
        new("[Stream(Format.JsonArray)]", "/ours/array", BuiltInArray),
        new(BuiltInSse, "/builtin/sse", null),
        new("[Stream(Format.Sse)]", "/ours/sse", BuiltInSse),
    ];

    /// <summary>Every item's JSON starts with this, whatever the format around it.</summary>
    private static readonly byte[] ItemMarker = "{\"id\":"u8.ToArray();

    private sealed record Sample(double Seconds, long Bytes, long Items, long Allocated, long CpuMicroseconds, long Gen0, long Gen1, long Gen2);

    public static async Task<int> RunAsync(int items, int rounds, int warmupItems, bool serverGc)
    {
        await using var server = await ServerProcess.StartAsync(serverGc);
        using var client = server.CreateClient();
        var statsOverhead = await server.StatsOverheadAsync();
        var buffer = new byte[ItemMarker.Length + 64 * 1024];

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
                    Console.WriteLine($"round {round}, {(wait ? "awaits" : "never waits")}, {endpoint.Name}: {items / sample.Seconds:N0} items/s, {(double)sample.CpuMicroseconds / items:0.00} µs CPU/item, {(double)sample.Allocated / items:0.00} B/item");
                    (samples.TryGetValue((endpoint, wait), out var list) ? list : samples[(endpoint, wait)] = []).Add(sample);
                }
            }
        }

        var stats = await server.StatsAsync();
        var report = new Report("EndToEnd");
        report.Line($"Kestrel on 127.0.0.1, HTTP/1.1, {items:N0} items per response, median of {rounds} interleaved rounds after a warm-up round of {warmupItems:N0} items; server GC: {(stats.ServerGc ? "server" : "workstation")}; client and server are separate processes on the same cores.");
        report.Line("Server CPU: user + system time of the whole server process during the response. Server B/item: bytes the whole server process allocated during the response (GC.GetTotalAllocatedBytes(precise: true) before and after, less what reading the counters costs). Both divided by the items.");
        var failures = 0;
        foreach (var wait in new[] { false, true })
        {
            report.Heading(wait ? "Producer that awaits per item (await Task.Yield())" : "Producer that never waits");
            var rows = new List<IReadOnlyList<string>>();
            foreach (var endpoint in Endpoints)
            {
                var list = samples[(endpoint, wait)];
                var rate = Report.Median(list.Select(s => items / s.Seconds));
                var cpu = Report.Median(list.Select(s => (double)s.CpuMicroseconds / items));
                var baseline = endpoint.Baseline is { } name ? samples[(Endpoints.Single(e => e.Name == name), wait)] : null;
                var wrong = list.FirstOrDefault(s => s.Items != items);
                failures += wrong is null ? 0 : 1;
                rows.Add(
                [
                    endpoint.Name,
                    Report.Number(rate),
                    baseline is null ? "baseline" : Report.Ratio(rate / Report.Median(baseline.Select(s => items / s.Seconds))),
                    Report.Number(cpu, 2),
                    baseline is null ? "baseline" : Report.Ratio(cpu / Report.Median(baseline.Select(s => (double)s.CpuMicroseconds / items))),
                    Report.Number(Report.Median(list.Select(s => (double)s.Allocated / items)), 2),
                    $"{list.Max(s => s.Gen0)}/{list.Max(s => s.Gen1)}/{list.Max(s => s.Gen2)}",
                    Report.Number((double)list[0].Bytes / items, 1),
                    wrong is null ? "ok" : $"WRONG: {wrong.Items:N0} items",
                ]);
            }

            report.Table(["endpoint", "items/s", "items/s vs built-in", "server CPU µs/item", "CPU vs built-in", "server B/item", "GCs gen0/1/2 (max per response)", "wire B/item", "items read"], rows);

            var ours = samples[(Endpoints.Single(e => e.Path == "/ours/ndjson"), wait)];
            var net11 = samples[(Endpoints.Single(e => e.Name == Net11JsonLines), wait)];
            report.Line($"[Stream(Format.NdJson)] vs .NET 11 JSON Lines: items/s {Report.Ratio(Report.Median(ours.Select(s => items / s.Seconds)) / Report.Median(net11.Select(s => items / s.Seconds)))}, "
                + $"CPU per item {Report.Ratio(Report.Median(ours.Select(s => (double)s.CpuMicroseconds / items)) / Report.Median(net11.Select(s => (double)s.CpuMicroseconds / items)))}.");
        }

        report.Save();
        return failures == 0 ? 0 : 1;
    }

    private static async Task<Sample> MeasureAsync(ServerProcess server, HttpClient client, Endpoint endpoint, int items, bool wait, long statsOverhead, byte[] buffer)
    {
        var before = await server.StatsAsync();
        var started = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync($"{endpoint.Path}?count={items}&wait={(wait ? "true" : "false")}", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();

        // Items are counted by their first bytes; the few bytes before each read carry a marker cut in two.
        long bytes = 0, seen = 0;
        var carry = 0;
        int read;
        while ((read = await body.ReadAsync(buffer.AsMemory(carry))) > 0)
        {
            bytes += read;
            var text = buffer.AsSpan(0, carry + read);
            for (var at = text.IndexOf(ItemMarker); at >= 0; at = text.IndexOf(ItemMarker))
            {
                seen++;
                text = text[(at + ItemMarker.Length)..];
            }

            carry = Math.Min(ItemMarker.Length - 1, text.Length);
            text[^carry..].CopyTo(buffer);
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var after = await server.StatsAsync();
        return new Sample(seconds, bytes, seen, after.Allocated - before.Allocated - statsOverhead, after.CpuMicroseconds - before.CpuMicroseconds,
            after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2);
    }
}
