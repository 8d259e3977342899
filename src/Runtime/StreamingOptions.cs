using System;
using System.Threading;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Streaming;

/// <summary>Options shared by every streamed endpoint of the application.</summary>
public sealed class StreamingOptions
{
    internal static readonly StreamingOptions Default = new();

    /// <summary>
    /// Buffered bytes past which the writer flushes even though the producer is still ready with more items.
    /// The writer also flushes whenever the producer makes it wait, so this only bounds how much a fast
    /// producer batches per write. 16 KiB by default.
    /// </summary>
    public int FlushThresholdBytes
    {
        get;
        set => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The flush threshold must be positive.");
    } = 16 * 1024;

    /// <summary>
    /// How long a <c>Format.Sse</c> stream may stay idle (the producer has nothing new) before a comment
    /// heartbeat goes out, so that proxies and clients keep the connection open. 15 seconds by default;
    /// <see cref="Timeout.InfiniteTimeSpan"/> turns heartbeats off. An endpoint can override it with
    /// <see cref="StreamAttribute.SseHeartbeatSeconds"/>.
    /// </summary>
    public TimeSpan SseHeartbeatInterval
    {
        get;
        set => field = value > TimeSpan.Zero || value == Timeout.InfiniteTimeSpan
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "The heartbeat interval must be positive, or Timeout.InfiniteTimeSpan for none.");
    } = TimeSpan.FromSeconds(15);

    internal static StreamingOptions For(HttpContext context)
        => context.RequestServices?.GetService<IOptions<StreamingOptions>>()?.Value ?? Default;
}
