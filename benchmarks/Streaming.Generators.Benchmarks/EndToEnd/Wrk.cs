using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Streaming.Generators.Benchmarks.EndToEnd;

/// <summary><c>wrk</c> (a Debian package) run against one URL: the responses it completed, in how long, and the failures it saw.</summary>
public static partial class Wrk
{
    public sealed record Result(long Responses, double Seconds, long Errors);

    public static async Task<Result> RunAsync(Uri url, int threads, int connections, int seconds)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { $"-t{threads}", $"-c{connections}", $"-d{seconds}s", "--timeout", "30s", url.ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start (apt-get install wrk).");
        var text = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();

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
            errors);
    }

    [GeneratedRegex(@"(\d+) requests in ([\d.]+)(m|s)")]
    private static partial Regex Completed();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"(?:connect|read|write|timeout) (\d+)")]
    private static partial Regex SocketErrors();
}
