using Streaming.Generators.Benchmarks.Reporting;

namespace Streaming.Generators.Benchmarks.EndToEnd;

/// <summary>
/// Where the server's bytes go, per endpoint and producer: a sampling allocation profile (see
/// <see cref="AllocationSampler"/>) of one response of many items after a warm-up response.
/// </summary>
public static class AllocationProfileRun
{
    private static readonly string[] Paths =
    [
        "/ours/ndjson?wait=false", "/builtin/array?wait=false", "/ours/sse?wait=false", "/builtin/sse?wait=false",
        "/ours/ndjson?wait=true", "/builtin/array?wait=true", "/ours/sse?wait=true", "/builtin/sse?wait=true",
    ];

    public static async Task<int> RunAsync(int items, bool serverGc)
    {
        await using var server = await ServerProcess.StartAsync(serverGc, profileAllocations: true);
        using var client = server.CreateClient();
        var report = new Report("Allocations");
        report.Line($"A GCAllocationTick event samples about every 100 KB the server allocates, naming the type of the object that crossed the mark; the share of samples per type shows where the bytes go. One response of {items:N0} items per row, after a warm-up response.");
        foreach (var path in Paths)
        {
            await client.DrainAsync($"{path}&count={Math.Min(items, 50_000)}");
            await server.AllocationsAsync();
            var before = await server.StatsAsync();
            await client.DrainAsync($"{path}&count={items}");
            var after = await server.StatsAsync();
            report.Heading($"{path} — {Report.Number((double)(after.Allocated - before.Allocated) / items, 2)} B/item");
            report.Line("```");
            report.Line((await server.AllocationsAsync()).TrimEnd());
            report.Line("```");
        }

        report.Save();
        return 0;
    }
}
