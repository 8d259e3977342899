using System;
using System.IO.Pipelines;
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
    public static ValueTask<bool> WhilePending<T>(ValueTask<bool> pending, StreamFormatter<T> formatter, PipeWriter output)
    {
        var interval = formatter.HeartbeatInterval;
        return pending.IsCompleted || interval == Timeout.InfiniteTimeSpan || interval <= TimeSpan.Zero
            ? pending
            : BeatUntilCompleteAsync(pending.AsTask(), formatter, output, interval);
    }

    private static async ValueTask<bool> BeatUntilCompleteAsync<T>(Task<bool> producer, StreamFormatter<T> formatter, PipeWriter output, TimeSpan interval)
    {
        using var idle = new CancellationTokenSource();
        try
        {
            while (await Task.WhenAny(producer, Task.Delay(interval, idle.Token)) != producer)
            {
                if (!formatter.TryWriteHeartbeat(output) || !await TryFlushAsync(output))
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

    private static async ValueTask<bool> TryFlushAsync(PipeWriter output)
    {
        try
        {
            var result = await output.FlushAsync();
            return !result.IsCompleted && !result.IsCanceled;
        }
        catch (Exception exception) when (exception is OperationCanceledException or System.IO.IOException or ObjectDisposedException)
        {
            return false;
        }
    }
}
