using System;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Streaming;

/// <summary>Reports one stream: a log line and the gauge at its start, counters per flush, a log line and the duration at its end.</summary>
internal static class StreamTelemetry
{
    /// <returns>The start timestamp, for <see cref="Ended"/>.</returns>
    public static long Started(StreamRequest request)
    {
        var runtime = request.Runtime;
        runtime.Metrics.Started(request.Route, request.Format);
        StreamLog.Started(runtime.Logger, request.Route, request.Format);
        return Stopwatch.GetTimestamp();
    }

    public static void Sent(StreamRequest request, long items, long bytes)
        => request.Runtime.Metrics.Sent(request.Route, request.Format, items, bytes);

    /// <param name="request">The stream.</param>
    /// <param name="started">What <see cref="Started"/> returned.</param>
    /// <param name="outcome">How it ended.</param>
    /// <param name="items">Items sent.</param>
    /// <param name="bytes">Bytes sent.</param>
    /// <param name="exception">What failed, for <see cref="StreamOutcome.Failed"/>.</param>
    /// <param name="logException">Whether to log <paramref name="exception"/> here; not when it goes on to the
    /// application's error handling, which logs it.</param>
    public static void Ended(StreamRequest request, long started, StreamOutcome outcome, long items, long bytes, Exception? exception, bool logException)
    {
        var elapsed = Stopwatch.GetElapsedTime(started);
        var runtime = request.Runtime;
        runtime.Metrics.Ended(request.Route, request.Format, outcome, exception?.GetType().FullName, elapsed.TotalSeconds);

        var level = outcome switch
        {
            StreamOutcome.Failed => LogLevel.Error,
            StreamOutcome.TimedOut => LogLevel.Warning,
            StreamOutcome.ServerShutdown or StreamOutcome.AuthenticationExpired when !request.EndsCleanlyWhenStopped => LogLevel.Warning,
            _ => LogLevel.Information,
        };
        StreamLog.Ended(runtime.Logger, level, logException ? exception : null, request.Route, request.Format, outcome.TagValue(), items, bytes, elapsed.TotalMilliseconds);
    }
}
