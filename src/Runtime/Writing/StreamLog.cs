using System;
using Microsoft.Extensions.Logging;

namespace Streaming;

internal static partial class StreamLog
{
    [LoggerMessage(EventId = 1, EventName = "ClientDisconnected", Level = LogLevel.Information,
        Message = "Stream {Route} ended by the client after {Items} items.")]
    public static partial void ClientDisconnected(ILogger logger, string route, long items);

    [LoggerMessage(EventId = 2, EventName = "StreamFailed", Level = LogLevel.Error,
        Message = "Stream {Route} failed after {Items} items; the response was ended as incomplete.")]
    public static partial void StreamFailed(ILogger logger, Exception exception, string route, long items);

    [LoggerMessage(EventId = 3, EventName = "BadStreamRequest", Level = LogLevel.Debug,
        Message = "Rejected a request to {Route}: {Reason}")]
    public static partial void BadRequest(ILogger logger, string route, string reason);
}
