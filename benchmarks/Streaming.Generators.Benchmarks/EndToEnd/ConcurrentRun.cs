using System.Globalization;
using Streaming.Generators.Benchmarks.Reporting;

namespace Streaming.Generators.Benchmarks.EndToEnd;

/// <summary>
/// Many clients at once: <c>wrk</c> (a Debian package) keeps 16, then 64 connections busy, each asking for a
/// response of the same orders again and again, against every endpoint in interleaved rounds. Items/s come from
/// the responses wrk completed; server CPU per item from <c>/_stats</c> around each stage (the few responses
/// still open when wrk stops count for CPU, not for items, alike for every endpoint).
/// </summary>
public static class ConcurrentRun
{
    private sealed record Endpoint(string Name, string Path, string? Baseline);

    private const string BuiltInArray = "minimal API, IAsyncEnumerable<T> (built-in)";
    private const string BuiltInSse = "TypedResults.ServerSentEvents (built-in)";
    private const string Net11JsonLines = "STJ 11 SerializeAsyncEnumerable, JSON Lines";

    private static readonly Endpoint[] Endpoints =
    [
        new(BuiltInArray, "/builtin/array", null),
        new(Net11JsonLines, "/net11/jsonl", null),
        new("[Stream(Format.NdJson)]", "/ours/ndjson", BuiltInArray),
        new(BuiltInSse, "/builtin/sse", null),
        new("[Stream(Format.Sse)]", "/ours/sse", BuiltInSse),
    ];

    private static readonly int[] Connections = [16, 64];

    private sealed record Sample(double ItemsPerSecond, double CpuPerItem, long Errors);

    public static async Task<int> RunAsync(int items, int seconds, int rounds, bool serverGc)
    {
        await using var server = await ServerProcess.StartAsync(serverGc);
        var samples = new Dictionary<(Endpoint, int), List<Sample>>();

        Console.WriteLine("Warm-up: 3 s per endpoint at 16 connections.");
        foreach (var endpoint in Endpoints)
        {
            await MeasureAsync(server, endpoint, 16, items, 3);
        }

        for (var round = 1; round <= rounds; round++)
        {
            foreach (var connections in Connections)
            {
                foreach (var endpoint in Endpoints)
                {
                    var sample = await MeasureAsync(server, endpoint, connections, items, seconds);
                    Console.WriteLine($"round {round}, {connections} connections, {endpoint.Name}: {sample.ItemsPerSecond:N0} items/s, {sample.CpuPerItem:0.000} µs CPU/item, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
                    (samples.TryGetValue((endpoint, connections), out var list) ? list : samples[(endpoint, connections)] = []).Add(sample);
                }
            }
        }

        var report = new Report("Concurrent");
        report.Line($"wrk -t2, {items:N0} items per response, producer never waits, {seconds} s per endpoint and connection count, median of {rounds} interleaved rounds after a warm-up; wrk and the server share the same 2 cores.");
        var failures = 0;
        foreach (var connections in Connections)
        {
            report.Heading($"{connections} connections");
            var rows = new List<IReadOnlyList<string>>();
            foreach (var endpoint in Endpoints)
            {
                var list = samples[(endpoint, connections)];
                var rate = Report.Median(list.Select(s => s.ItemsPerSecond));
                var cpu = Report.Median(list.Select(s => s.CpuPerItem));
                var baseline = endpoint.Baseline is { } name ? samples[(Endpoints.Single(e => e.Name == name), connections)] : null;
                var errors = list.Sum(s => s.Errors);
                failures += errors > 0 ? 1 : 0;
                rows.Add(
                [
                    endpoint.Name,
                    Report.Number(rate),
                    $"{Report.Number(list.Min(s => s.ItemsPerSecond))}–{Report.Number(list.Max(s => s.ItemsPerSecond))}",
                    baseline is null ? "baseline" : Report.Ratio(rate / Report.Median(baseline.Select(s => s.ItemsPerSecond))),
                    Report.Number(cpu, 3),
                    baseline is null ? "baseline" : Report.Ratio(cpu / Report.Median(baseline.Select(s => s.CpuPerItem))),
                    errors == 0 ? "none" : errors.ToString(CultureInfo.InvariantCulture),
                ]);
            }

            report.Table(["endpoint", "items/s", "items/s range", "vs built-in", "server CPU µs/item", "CPU vs built-in", "errors"], rows);
            var ours = samples[(Endpoints.Single(e => e.Path == "/ours/ndjson"), connections)];
            var net11 = samples[(Endpoints.Single(e => e.Name == Net11JsonLines), connections)];
            report.Line($"[Stream(Format.NdJson)] vs .NET 11 JSON Lines: items/s {Report.Ratio(Report.Median(ours.Select(s => s.ItemsPerSecond)) / Report.Median(net11.Select(s => s.ItemsPerSecond)))}, "
                + $"CPU per item {Report.Ratio(Report.Median(ours.Select(s => s.CpuPerItem)) / Report.Median(net11.Select(s => s.CpuPerItem)))}.");
        }

        report.Save();
        return failures == 0 ? 0 : 1;
    }

    private static async Task<Sample> MeasureAsync(ServerProcess server, Endpoint endpoint, int connections, int items, int seconds)
    {
        var before = await server.StatsAsync();
        var wrk = await Wrk.RunAsync(new Uri(server.Address, $"{endpoint.Path}?count={items}&wait=false"), 2, connections, seconds);
        var after = await server.StatsAsync();

        var delivered = (double)wrk.Responses * items;
        return new Sample(delivered / wrk.Seconds, (after.CpuMicroseconds - before.CpuMicroseconds) / delivered, wrk.Errors);
    }
}
