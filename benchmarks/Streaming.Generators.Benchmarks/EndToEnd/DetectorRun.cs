using Streaming.Generators.Benchmarks.Reporting;

namespace Streaming.Generators.Benchmarks.EndToEnd;

/// <summary>
/// What <c>UseBufferedResponseDetection()</c> costs over a real socket: <c>wrk</c> asking Kestrel servers in turn for
/// an ordinary JSON response of 1 and of 1 024 orders (under the threshold, so nothing is reported: the cost of
/// watching, not of reporting). Three server processes per launch: one without the detector, a second one the same
/// (the control: how far two identical processes differ on this machine), and one with the detector. Rounds are
/// interleaved, the order of the servers rotating, and the whole is repeated with fresh processes, because one
/// process can run slower than its twin for its whole life. Per request: responses/s from wrk, the server's CPU time
/// and allocated bytes from <c>/_stats</c> around each stage, and wrk's own CPU time.
/// </summary>
public static class DetectorRun
{
    private static readonly int[] Sizes = [1, 1024];

    private const string Without = "without the detector";
    private const string Control = "without, a second process (control)";
    private const string With = "with UseBufferedResponseDetection()";

    private static readonly string[] Roles = [Without, Control, With];

    private sealed record Sample(int Launch, double RequestsPerSecond, double CpuMicroseconds, double ClientCpuMicroseconds, double AllocatedBytes);

    public static async Task<int> RunAsync(int seconds, int rounds, int launches, bool serverGc)
    {
        var samples = Roles.SelectMany(role => Sizes.Select(size => (role, size))).ToDictionary(k => k, _ => new List<Sample>());
        for (var launch = 1; launch <= launches; launch++)
        {
            await using var without = await ServerProcess.StartAsync(serverGc);
            await using var control = await ServerProcess.StartAsync(serverGc);
            await using var with = await ServerProcess.StartAsync(serverGc, detector: true);
            var servers = new[] { (Role: Without, Server: without), (Role: Control, Server: control), (Role: With, Server: with) };
            var overheads = new Dictionary<ServerProcess, long>();
            foreach (var (_, server) in servers)
            {
                overheads[server] = await server.StatsOverheadAsync();
            }

            Console.WriteLine($"Launch {launch}: warm-up, 3 s per server and size. Load average {LoadAverage()}.");
            foreach (var size in Sizes)
            {
                foreach (var (_, server) in servers)
                {
                    await MeasureAsync(launch, server, size, 3, overheads[server]);
                }
            }

            for (var round = 1; round <= rounds; round++)
            {
                foreach (var size in Sizes)
                {
                    foreach (var (role, server) in servers.Skip(round % 3).Concat(servers.Take(round % 3)))
                    {
                        var sample = await MeasureAsync(launch, server, size, seconds, overheads[server]);
                        samples[(role, size)].Add(sample);
                        Console.WriteLine($"launch {launch}, round {round}, {size} orders, {role}: {sample.RequestsPerSecond:N0} requests/s, {sample.CpuMicroseconds:0.00} µs server CPU, {sample.ClientCpuMicroseconds:0.00} µs wrk CPU and {sample.AllocatedBytes:N0} B per request, load {LoadAverage()}");
                    }
                }
            }
        }

        var report = new Report("Detector");
        report.Line($"wrk -t1 -c16, {seconds} s per server and size; {launches} launches of three fresh server processes, {rounds} interleaved rounds each after a warm-up, the order of the servers rotating; medians over all rounds; wrk and the servers share the same 2 cores; load average {LoadAverage()} at the end.");
        foreach (var size in Sizes)
        {
            report.Heading($"{size} order{(size == 1 ? "" : "s")} per response");
            var baseline = samples[(Without, size)];
            report.Table(
                ["server", "requests/s", "range", "ratio", "server CPU µs/request", "range", "ratio", "wrk CPU µs/request", "allocated B/request"],
                Roles.Select(role =>
                {
                    var list = samples[(role, size)];
                    return (IReadOnlyList<string>)
                    [
                        role,
                        Report.Number(Report.Median(list.Select(x => x.RequestsPerSecond))),
                        $"{Report.Number(list.Min(x => x.RequestsPerSecond))}–{Report.Number(list.Max(x => x.RequestsPerSecond))}",
                        Report.Ratio(Report.Median(list.Select(x => x.RequestsPerSecond)) / Report.Median(baseline.Select(x => x.RequestsPerSecond))),
                        Report.Number(Report.Median(list.Select(x => x.CpuMicroseconds)), 2),
                        $"{Report.Number(list.Min(x => x.CpuMicroseconds), 2)}–{Report.Number(list.Max(x => x.CpuMicroseconds), 2)}",
                        Report.Ratio(Report.Median(list.Select(x => x.CpuMicroseconds)) / Report.Median(baseline.Select(x => x.CpuMicroseconds))),
                        Report.Number(Report.Median(list.Select(x => x.ClientCpuMicroseconds)), 2),
                        Report.Number(Report.Median(list.Select(x => x.AllocatedBytes))),
                    ];
                }));

            report.Line("Requests/s of each server over the first, launch by launch (the medians of its rounds):");
            report.Line("");
            foreach (var role in new[] { Control, With })
            {
                var ratios = Enumerable.Range(1, launches).Select(launch =>
                    Report.Ratio(LaunchMedian(samples[(role, size)], launch) / LaunchMedian(baseline, launch)));
                report.Line($"- {role}: {string.Join(", ", ratios)}");
            }
        }

        report.Save();
        return 0;
    }

    private static double LaunchMedian(List<Sample> samples, int launch)
        => Report.Median(samples.Where(s => s.Launch == launch).Select(s => s.RequestsPerSecond));

    private static async Task<Sample> MeasureAsync(int launch, ServerProcess server, int orders, int seconds, long statsOverhead)
    {
        var before = await server.StatsAsync();
        var wrk = await Wrk.RunAsync(new Uri(server.Address, $"/json/orders?count={orders}"), 1, 16, seconds);
        var after = await server.StatsAsync();
        if (wrk.Errors > 0)
        {
            throw new InvalidOperationException($"{wrk.Errors} of the responses failed.");
        }

        return new Sample(
            launch,
            wrk.Responses / wrk.Seconds,
            (after.CpuMicroseconds - before.CpuMicroseconds) / (double)wrk.Responses,
            wrk.CpuSeconds * 1e6 / wrk.Responses,
            (after.Allocated - before.Allocated - statsOverhead) / (double)wrk.Responses);
    }

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]);
}
