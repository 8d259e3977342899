using System;
using System.Threading;
using System.Threading.Tasks;

namespace Streaming;

/// <summary>
/// Keeps an idle stream alive: while the producer's <c>MoveNextAsync</c> is pending, writes the formatter's
/// heartbeat every <see cref="StreamFormatter{T}.HeartbeatInterval"/> and flushes it. It runs inside the write
/// loop's own wait, so it never writes while an item is being written: the loop stays the only writer.
/// </summary>
internal static class IdleHeartbeat
{
    /// <summary>A task with the result of <paramref name="pending"/>, sending heartbeats until it completes.</summary>
    public static ValueTask<bool> WhilePending<T>(ValueTask<bool> pending, StreamFormatter<T> formatter, StreamBodyWriter body, CancellationToken flushToken)
    {
        var interval = formatter.HeartbeatInterval;
        return pending.IsCompleted || interval == Timeout.InfiniteTimeSpan || interval <= TimeSpan.Zero
            ? pending
            : BeatUntilCompleteAsync(pending.AsTask(), formatter, body, flushToken, interval);
    }

    private static async ValueTask<bool> BeatUntilCompleteAsync<T>(Task<bool> producer, StreamFormatter<T> formatter, StreamBodyWriter body, CancellationToken flushToken, TimeSpan interval)
    {
        using var idle = new CancellationTokenSource();
        try
        {
            while (await Task.WhenAny(producer, Task.Delay(interval, idle.Token)) != producer)
            {
                if (!await TryBeatAsync(formatter, body, flushToken))
                {
                    // No heartbeat, or no client to take it: the producer is cancelled with the request.
                    break;
                }
            }
        }
        finally
        {
            // Stop the pending delay's timer rather than leave it to fire.
            idle.Cancel();
        }

        return await producer;
    }

    /// <summary>Writes and flushes one heartbeat; <see langword="false"/> when the format has none or the client is gone.</summary>
    private static async ValueTask<bool> TryBeatAsync<T>(StreamFormatter<T> formatter, StreamBodyWriter body, CancellationToken flushToken)
    {
        try
        {
            return formatter.TryWriteHeartbeat(body) && await body.FlushAsync(flushToken);
        }
        catch (Exception)
        {
            // Stop beating, but keep waiting for the producer: it must not be left running unobserved. The
            // loop's next write meets the same problem and handles it as it handles any failed write.
            return false;
        }
    }
}
