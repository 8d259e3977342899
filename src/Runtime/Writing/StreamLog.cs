using System;
using Microsoft.Extensions.Logging;

namespace Streaming;

/// <summary>The log lines of streams: one when a stream starts, one when it ends, and the refusals.</summary>
internal static partial class StreamLog
{
    [LoggerMessage(EventId = 1, EventName = "StreamStarted", Level = LogLevel.Information,
        Message = "Stream {Route} ({Format}) started.")]
    public static partial void Started(ILogger logger, string route, string format);

    /// <summary>
    /// Information when completed, ended by the client or (SSE) ended cleanly by the server; Warning when timed
    /// out, or cut by the shutdown or the authentication's expiry; Error when failed.
    /// </summary>
    [LoggerMessage(EventId = 2, EventName = "StreamEnded",
        Message = "Stream {Route} ({Format}) ended: {Outcome} after {Items} items, {Bytes} bytes, {ElapsedMilliseconds} ms.")]
    public static partial void Ended(ILogger logger, LogLevel level, Exception? exception, string route, string format, string outcome, long items, long bytes, double elapsedMilliseconds);

    [LoggerMessage(EventId = 3, EventName = "BadStreamRequest", Level = LogLevel.Debug,
        Message = "Rejected a request to {Route}: {Reason}")]
    public static partial void BadRequest(ILogger logger, string route, string reason);

    [LoggerMessage(EventId = 4, EventName = "StreamRefused", Level = LogLevel.Debug,
        Message = "Refused a stream at {Route} with 503: {MaxConcurrentStreams} streams are running.")]
    public static partial void Refused(ILogger logger, string route, int maxConcurrentStreams);
}
