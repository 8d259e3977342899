using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace Streaming;

/// <summary>
/// Keeps an idle stream alive (SSE): a timer writes the formatter's heartbeat once the producer has kept the
/// writer waiting for <see cref="StreamFormatter{T}.HeartbeatInterval"/>. The write loop holds a gate while it
/// writes and gives it up only while it awaits the producer; a tick writes only when it can take the gate, so
/// a heartbeat never lands inside an item. One timer and one gate per stream: waiting for the producer
/// allocates nothing.
/// </summary>
internal sealed class IdleHeartbeat<T> : IDisposable
{
    private readonly StreamFormatter<T> _formatter;
    private readonly StreamBodyWriter _body;
    private readonly CancellationToken _flushToken;
    private readonly long _intervalTicks;
    private readonly SemaphoreSlim _writer = new(0, 1);
    private readonly Timer _timer;
    private long _idleSince;
    private volatile bool _stopped;

    private IdleHeartbeat(StreamFormatter<T> formatter, StreamBodyWriter body, CancellationToken flushToken, TimeSpan interval)
    {
        _formatter = formatter;
        _body = body;
        _flushToken = flushToken;
        _intervalTicks = (long)(interval.TotalSeconds * Stopwatch.Frequency);

        // Ticks four times an interval: a heartbeat goes out between one and one and a quarter intervals of idle.
        var period = TimeSpan.FromTicks(Math.Max(interval.Ticks / 4, TimeSpan.TicksPerMillisecond));
        _timer = new Timer(static state => ((IdleHeartbeat<T>)state!).Tick(), this, period, period);
    }

    /// <summary>The heartbeat of <paramref name="formatter"/>'s stream, or <see langword="null"/> when it has none.</summary>
    public static IdleHeartbeat<T>? For(StreamFormatter<T> formatter, StreamBodyWriter body, CancellationToken flushToken)
    {
        var interval = formatter.HeartbeatInterval;
        return interval == Timeout.InfiniteTimeSpan || interval <= TimeSpan.Zero
            ? null
            : new IdleHeartbeat<T>(formatter, body, flushToken, interval);
    }

    /// <summary>The loop is about to await the producer: the heartbeat may write until <see cref="ResumeAsync"/>.</summary>
    public void Idle()
    {
        Volatile.Write(ref _idleSince, Stopwatch.GetTimestamp());
        _writer.Release();
    }

    /// <summary>The producer is back: the loop takes the writer again, after a heartbeat being written, if any.</summary>
    public Task ResumeAsync() => _writer.WaitAsync();

    /// <summary>Stops the timer. The loop holds the gate when it disposes, so no tick can be writing.</summary>
    public void Dispose() => _timer.Dispose();

    private void Tick()
    {
        if (_stopped
            || Stopwatch.GetTimestamp() - Volatile.Read(ref _idleSince) < _intervalTicks
            || !_writer.Wait(0))
        {
            return;
        }

        _ = BeatAsync();
    }

    private async Task BeatAsync()
    {
        try
        {
            if (_formatter.TryWriteHeartbeat(_body) && await _body.FlushAsync(_flushToken))
            {
                Volatile.Write(ref _idleSince, Stopwatch.GetTimestamp());
            }
            else
            {
                // No heartbeat in this format, or no client to take it: the producer is cancelled with the request.
                _stopped = true;
            }
        }
        catch (Exception)
        {
            // Stop beating; the loop's next write meets the same problem and handles it as any failed write.
            _stopped = true;
        }
        finally
        {
            _writer.Release();
        }
    }
}
