using System;
using System.Threading;

namespace Streaming.Client;

/// <summary>How a Server-Sent Events reader reconnects, as a browser's <c>EventSource</c> does.</summary>
public sealed class SseClientOptions
{
    /// <summary>The delay before the first reconnection when the server has sent no <c>retry:</c>; it doubles
    /// with each failed attempt in a row, up to <see cref="MaxReconnectDelay"/>, with jitter. Default 1 second.</summary>
    public TimeSpan InitialReconnectDelay
    {
        get;
        set => field = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The delay cannot be negative.");
    } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between attempts without a <c>retry:</c> from the server. Default 30 seconds.</summary>
    public TimeSpan MaxReconnectDelay
    {
        get;
        set => field = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The delay cannot be negative.");
    } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many reconnections in a row may fail (a connection that delivers no event counts as failed) before
    /// the last failure is thrown; <see langword="null"/> (the default) to keep trying, as <c>EventSource</c> does.
    /// </summary>
    public int? MaxReconnectAttempts
    {
        get;
        set => field = value is null or >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The attempt limit cannot be negative.");
    }

    /// <summary>
    /// How long a connection may stay silent — no byte at all, not even a heartbeat comment — before it is
    /// taken as dead and replaced. Default 45 seconds (three of Streaming.Generators' 15-second heartbeats);
    /// <see cref="Timeout.InfiniteTimeSpan"/> for none.
    /// </summary>
    public TimeSpan IdleTimeout
    {
        get;
        set => field = value > TimeSpan.Zero || value == Timeout.InfiniteTimeSpan ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The idle timeout must be positive or infinite.");
    } = TimeSpan.FromSeconds(45);

    /// <summary>The <c>Last-Event-ID</c> to send on the first request, to resume a stream read before.</summary>
    public string? LastEventId { get; set; }
}
