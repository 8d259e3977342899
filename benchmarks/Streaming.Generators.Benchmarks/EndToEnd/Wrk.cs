using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Streaming.Generators.Benchmarks.EndToEnd;

/// <summary><c>wrk</c> (a Debian package) run against one URL: the responses it completed, in how long, the failures it
/// saw, and the CPU time it used (user and system), which shares the cores with the server.</summary>
public static partial class Wrk
{
    public sealed record Result(long Responses, double Seconds, long Errors, double CpuSeconds);

    public static async Task<Result> RunAsync(Uri url, int threads, int connections, int seconds)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { $"-t{threads}", $"-c{connections}", $"-d{seconds}s", "--timeout", "30s", url.ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        var childCpuBefore = ChildrenCpuSeconds();
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start (apt-get install wrk).");
        var text = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        var cpuSeconds = ChildrenCpuSeconds() - childCpuBefore;

        var completed = Completed().Match(text);
        if (wrk.ExitCode != 0 || !completed.Success)
        {
            throw new InvalidOperationException($"wrk failed ({wrk.ExitCode}): {text}{await wrk.StandardError.ReadToEndAsync()}");
        }

        var errors = (NonSuccess().Match(text) is { Success: true } bad ? long.Parse(bad.Groups[1].Value, CultureInfo.InvariantCulture) : 0)
            + SocketErrors().Matches(text).Sum(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        return new Result(
            long.Parse(completed.Groups[1].Value, CultureInfo.InvariantCulture),
            double.Parse(completed.Groups[2].Value, CultureInfo.InvariantCulture) * (completed.Groups[3].Value == "m" ? 60 : 1),
            errors,
            cpuSeconds);
    }

    /// <summary>CPU time of this process's children that have exited and been waited for: after a run, wrk's included.</summary>
    private static double ChildrenCpuSeconds()
    {
        const int Children = -1;
        return getrusage(Children, out var usage) == 0
            ? usage.UserSeconds + (usage.UserMicroseconds / 1e6) + usage.SystemSeconds + (usage.SystemMicroseconds / 1e6)
            : throw new InvalidOperationException("getrusage failed.");
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, out ResourceUsage usage);

    /// <summary><c>struct rusage</c> on 64-bit Linux: two <c>timeval</c>s, then fourteen counters not read here.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 144)]
    private struct ResourceUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
    }

    [GeneratedRegex(@"(\d+) requests in ([\d.]+)(m|s)")]
    private static partial Regex Completed();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"(?:connect|read|write|timeout) (\d+)")]
    private static partial Regex SocketErrors();
}
