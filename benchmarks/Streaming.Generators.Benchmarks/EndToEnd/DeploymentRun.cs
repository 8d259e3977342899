using System.Diagnostics;
using System.Globalization;
using Streaming.Generators.Benchmarks.Reporting;

namespace Streaming.Generators.Benchmarks.EndToEnd;

/// <summary>
/// The sample (samples/Orders) as a NativeAOT executable and as the JIT build, started in turn on copies of one
/// seeded SQLite database: time from process start to the first response, resident memory when idle, and the
/// peak while one response streams every order (<c>VmHWM</c>, reset after the idle reading).
/// </summary>
public static class DeploymentRun
{
    public static async Task<int> RunAsync(string native, string jit, string database, int rounds)
    {
        var builds = new (string Name, string FileName, string[] Arguments)[]
        {
            ("NativeAOT", native, []),
            ("JIT", "dotnet", [jit]),
        };
        var readings = builds.ToDictionary(build => build.Name, _ => new List<Reading>());
        for (var round = 0; round < rounds; round++)
        {
            // Interleaved, and in the other order every other round, so that neither build gets the quieter moments.
            foreach (var build in round % 2 == 0 ? builds : builds.Reverse())
            {
                var reading = await MeasureAsync(build.FileName, build.Arguments, database);
                readings[build.Name].Add(reading);
                Console.WriteLine($"{build.Name}: {reading}");
            }
        }

        var report = new Report("Deployment");
        report.Heading("The sample: NativeAOT and JIT");
        report.Line($"{rounds} rounds, interleaved; median, with the range in brackets. Database: a copy of {Path.GetFileName(database)} ({Megabytes(new FileInfo(database).Length)}) per start, so seeding is not timed.");
        report.Line("");
        report.Table(
            ["build", "start to first response", "resident, idle", "peak resident, streaming every order", "rows", "body", "streaming time"],
            builds.Select(build => readings[build.Name]).Select((list, index) => (IReadOnlyList<string>)
            [
                builds[index].Name,
                Spread(list.Select(r => r.FirstResponse.TotalMilliseconds), value => $"{value:0} ms"),
                Spread(list.Select(r => (double)r.IdleRss), Megabytes),
                Spread(list.Select(r => (double)r.StreamingPeak), Megabytes),
                Report.Number(list[0].Rows),
                Megabytes(list[0].Bytes),
                Spread(list.Select(r => r.Streaming.TotalSeconds), value => $"{value:0.00} s"),
            ]));
        report.Save();
        return 0;
    }

    private sealed record Reading(TimeSpan FirstResponse, long IdleRss, long StreamingPeak, long Rows, long Bytes, TimeSpan Streaming)
    {
        public override string ToString()
            => $"first response {FirstResponse.TotalMilliseconds:0} ms, idle {Megabytes(IdleRss)}, peak while streaming {Megabytes(StreamingPeak)}, {Rows:N0} rows ({Megabytes(Bytes)}) in {Streaming.TotalSeconds:0.00} s";
    }

    private static async Task<Reading> MeasureAsync(string fileName, string[] arguments, string database)
    {
        var copy = Path.Combine(Path.GetTempPath(), $"orders-deployment-{Guid.NewGuid():N}.db");
        File.Copy(database, copy);
        var port = FreePort();
        var start = new ProcessStartInfo(fileName) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Path"] = copy;
        start.Environment["Simulator__Interval"] = "0";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromMinutes(5) };

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var firstResponse = await FirstResponseAsync(client, process, clock);
            await Task.Delay(TimeSpan.FromSeconds(3));
            var pid = process.Id.ToString(CultureInfo.InvariantCulture);
            var idle = ProcMemory.Read(pid).Rss;
            ProcMemory.ResetPeak(pid);

            var streaming = Stopwatch.StartNew();
            await using var body = await client.GetStreamAsync("/orders");
            var buffer = new byte[64 * 1024];
            long rows = 0, bytes = 0;
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                bytes += read;
                rows += buffer.AsSpan(0, read).Count((byte)'\n');
            }

            streaming.Stop();
            return new Reading(firstResponse, idle, ProcMemory.Read(pid).Peak, rows, bytes, streaming.Elapsed);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            foreach (var file in new[] { copy, copy + "-wal", copy + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private static async Task<TimeSpan> FirstResponseAsync(HttpClient client, Process process, Stopwatch clock)
    {
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The sample exited with {process.ExitCode} before it answered.");
            }

            try
            {
                using var response = await client.GetAsync("/orders?limit=1");
                if (response.IsSuccessStatusCode)
                {
                    return clock.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                await Task.Delay(2);
            }
        }

        throw new TimeoutException("The sample did not answer within two minutes.");
    }

    // Decimal megabytes, as curl and the docs count a body (the million orders are 140.5 MB).
    private static string Megabytes(double bytes) => (bytes / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    private static string Spread(IEnumerable<double> values, Func<double, string> format)
    {
        var sorted = values.Order().ToList();
        return $"{format(Report.Median(sorted))} ({format(sorted[0])} – {format(sorted[^1])})";
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
