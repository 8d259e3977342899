using Streaming.Generators.Benchmarks.Reporting;

namespace Streaming.Generators.Benchmarks.EndToEnd;

/// <summary>
/// What <c>UseBufferedResponseDetection()</c> costs over a real socket: two servers, the same but for the detector,
/// and <c>wrk</c> asking each in turn for an ordinary JSON response of 1 and of 1 024 orders (under the threshold,
/// so nothing is reported: the cost of watching, not of reporting). Rounds are interleaved, the order of the two
/// servers alternating, so that the machine's drift falls on both. Per request: responses/s from wrk, and the
/// server's CPU time and allocated bytes from <c>/_stats</c> around each stage.
/// </summary>
public static class DetectorRun
{
    private static readonly int[] Sizes = [1, 1024];

    private sealed record Sample(double RequestsPerSecond, double CpuMicroseconds, double AllocatedBytes);

    public static async Task<int> RunAsync(int seconds, int rounds, bool serverGc)
    {
        await using var plain = await ServerProcess.StartAsync(serverGc);
        await using var watched = await ServerProcess.StartAsync(serverGc, detector: true);
        var servers = new[] { (Name: "without the detector", Server: plain), (Name: "with UseBufferedResponseDetection()", Server: watched) };
        var overheads = new Dictionary<ServerProcess, long> { [plain] = await plain.StatsOverheadAsync(), [watched] = await watched.StatsOverheadAsync() };
        var samples = servers.SelectMany(s => Sizes.Select(n => (s.Name, n))).ToDictionary(k => k, _ => new List<Sample>());

        Console.WriteLine($"Warm-up: 3 s per server and size. Load average {LoadAverage()}.");
        foreach (var size in Sizes)
        {
            foreach (var (_, server) in servers)
            {
                await MeasureAsync(server, size, 3, overheads[server]);
            }
        }

        for (var round = 1; round <= rounds; round++)
        {
            foreach (var size in Sizes)
            {
                foreach (var (name, server) in round % 2 == 1 ? servers : servers.Reverse())
                {
                    var sample = await MeasureAsync(server, size, seconds, overheads[server]);
                    samples[(name, size)].Add(sample);
                    Console.WriteLine($"round {round}, {size} orders, {name}: {sample.RequestsPerSecond:N0} requests/s, {sample.CpuMicroseconds:0.00} µs CPU and {sample.AllocatedBytes:N0} B per request, load {LoadAverage()}");
                }
            }
        }

        var report = new Report("Detector");
        report.Line($"wrk -t1 -c16, {seconds} s per server and size, median of {rounds} interleaved rounds after a warm-up; wrk and both servers share the same 2 cores; load average {LoadAverage()} at the end.");
        foreach (var size in Sizes)
        {
            report.Heading($"{size} order{(size == 1 ? "" : "s")} per response");
            var baseline = samples[(servers[0].Name, size)];
            report.Table(
                ["server", "requests/s", "range", "ratio", "server CPU µs/request", "range", "ratio", "allocated B/request"],
                servers.Select(s =>
                {
                    var list = samples[(s.Name, size)];
                    return (IReadOnlyList<string>)
                    [
                        s.Name,
                        Report.Number(Report.Median(list.Select(x => x.RequestsPerSecond))),
                        $"{Report.Number(list.Min(x => x.RequestsPerSecond))}–{Report.Number(list.Max(x => x.RequestsPerSecond))}",
                        Report.Ratio(Report.Median(list.Select(x => x.RequestsPerSecond)) / Report.Median(baseline.Select(x => x.RequestsPerSecond))),
                        Report.Number(Report.Median(list.Select(x => x.CpuMicroseconds)), 2),
                        $"{Report.Number(list.Min(x => x.CpuMicroseconds), 2)}–{Report.Number(list.Max(x => x.CpuMicroseconds), 2)}",
                        Report.Ratio(Report.Median(list.Select(x => x.CpuMicroseconds)) / Report.Median(baseline.Select(x => x.CpuMicroseconds))),
                        Report.Number(Report.Median(list.Select(x => x.AllocatedBytes))),
                    ];
                }));
        }

        report.Save();
        return 0;
    }

    private static async Task<Sample> MeasureAsync(ServerProcess server, int orders, int seconds, long statsOverhead)
    {
        var before = await server.StatsAsync();
        var wrk = await Wrk.RunAsync(new Uri(server.Address, $"/json/orders?count={orders}"), 1, 16, seconds);
        var after = await server.StatsAsync();
        if (wrk.Errors > 0)
        {
            throw new InvalidOperationException($"{wrk.Errors} of the responses failed.");
        }

        return new Sample(
            wrk.Responses / wrk.Seconds,
            (after.CpuMicroseconds - before.CpuMicroseconds) / (double)wrk.Responses,
            (after.Allocated - before.Allocated - statsOverhead) / (double)wrk.Responses);
    }

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]);
}
