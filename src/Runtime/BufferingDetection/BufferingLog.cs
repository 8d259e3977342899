using Microsoft.Extensions.Logging;

namespace Streaming;

/// <summary>The buffered-response detector's log line.</summary>
internal static partial class BufferingLog
{
    [LoggerMessage(EventId = 20, EventName = "BufferedResponse", Level = LogLevel.Warning,
        Message = "{Endpoint} ({Route}) sent a {Bytes}-byte JSON response that was built whole in memory: its first byte went out {TimeToFirstByteMilliseconds} ms "
                  + "after the request began, once every row had been read. Stream it with [Stream] so that rows go out as they are read "
                  + "(https://github.com/streaming-generators/streaming-generators/blob/main/docs/buffering-detector.md). Reported once per endpoint.")]
    public static partial void BufferedResponse(ILogger logger, string endpoint, string route, long bytes, double timeToFirstByteMilliseconds);
}
