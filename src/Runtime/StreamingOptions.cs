using System;
using System.Threading;

namespace Streaming;

/// <summary>
/// Options shared by every streamed endpoint of the application. Set them with
/// <c>services.AddStreaming(o => …)</c> or any other use of the options pattern
/// (<c>services.Configure&lt;StreamingOptions&gt;(…)</c>); they are read once, when the first stream starts.
/// </summary>
public sealed class StreamingOptions
{
    /// <summary>
    /// Buffered bytes past which the writer flushes even though the producer is still ready with more items.
    /// The writer also flushes whenever the producer makes it wait, so this only bounds how much a fast
    /// producer batches per write. 16 KiB by default; <c>[Stream(FlushThresholdBytes = …)]</c> overrides it
    /// per endpoint.
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

    /// <summary>
    /// Whether every item is flushed on its own, whatever the producer does next. Costs a write per item;
    /// meant for streams whose items are rare and each one matters at once (prices, progress events).
    /// <see langword="false"/> by default; <c>[Stream(FlushEveryItem = …)]</c> overrides it per endpoint.
    /// </summary>
    public bool FlushEveryItem { get; set; }

    /// <summary>
    /// The most streams the application serves at once, over all streamed endpoints. A request over the limit
    /// gets <c>503 Service Unavailable</c> with a <c>Retry-After</c> header before its parameters are bound.
    /// <see langword="null"/> (no limit) by default.
    /// </summary>
    public int? MaxConcurrentStreams
    {
        get;
        set => field = value is null or > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The stream limit must be positive, or null for none.");
    }

    /// <summary>What the <c>Retry-After</c> header of a <c>503</c> over <see cref="MaxConcurrentStreams"/> says, in whole seconds. 5 seconds by default.</summary>
    public TimeSpan ConcurrencyLimitRetryAfter
    {
        get;
        set => field = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Retry-After cannot be negative.");
    } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The longest a stream may run. When it passes, the request's cancellation token fires; once the producer
    /// has stopped, a stream that has sent nothing yet is answered <c>504 Gateway Timeout</c>, and one that
    /// has is ended as incomplete (aborted, or an SSE <c>error</c> event), never as if it were complete.
    /// <see langword="null"/> (no limit) by default.
    /// </summary>
    public TimeSpan? MaxStreamDuration
    {
        get;
        set => field = value is null || value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The maximum duration must be positive, or null for none.");
    }

    /// <summary>
    /// Whether <c>Format.Sse</c> streams end at once, cleanly, when the application begins to stop
    /// (<c>IHostApplicationLifetime.ApplicationStopping</c>), so that <c>EventSource</c> clients reconnect to
    /// another instance and resume with <c>Last-Event-ID</c> instead of holding the shutdown. <see langword="true"/>
    /// by default; <c>[Stream(SseEndOnShutdown = false)]</c> lets one endpoint finish like the other formats, which
    /// get the host's shutdown timeout and are then cut (aborted, never ended as complete).
    /// </summary>
    public bool SseEndOnShutdown { get; set; } = true;

    /// <summary>
    /// Whether a stream ends when the expiry of the request's authentication ticket
    /// (<c>AuthenticationProperties.ExpiresUtc</c>, which the JWT bearer and cookie handlers set) passes: an SSE
    /// stream ends cleanly so that its client authenticates again, any other stream is aborted. The same as
    /// SignalR's <c>CloseOnAuthenticationExpiration</c>. <see langword="false"/> by default;
    /// <c>[Stream(CloseOnAuthenticationExpiration = …)]</c> overrides it per endpoint.
    /// </summary>
    public bool CloseOnAuthenticationExpiration { get; set; }

    /// <summary>
    /// The most threads that run synchronous (<c>IEnumerable&lt;T&gt;</c>) producers at once. Such a producer
    /// blocks whatever thread calls <c>MoveNext</c>, so each one runs on a thread of its own instead of the shared
    /// thread pool, where a few hundred of them would starve every other request. A stream past the limit waits for
    /// a thread before it starts. 256 by default.
    /// </summary>
    public int MaxBlockingProducerThreads
    {
        get;
        set => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The thread limit must be positive.");
    } = 256;
}
