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
/// <remarks>
/// The timer is one-shot and re-armed by its own tick for the moment the stream will have been idle for a whole
/// interval, so a heartbeat goes out on time (not up to a tick late, as with a periodic timer) and a stream whose
/// items keep coming costs about one tick per interval. The write loop never touches the timer.
/// </remarks>
internal sealed class IdleHeartbeat<T> : IDisposable
{
    private readonly StreamFormatter<T> _formatter;
    private readonly StreamBodyWriter _body;
    private readonly CancellationToken _flushToken;
    private readonly TimeSpan _interval;
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
        _interval = interval;
        _intervalTicks = (long)(interval.TotalSeconds * Stopwatch.Frequency);
        _idleSince = Stopwatch.GetTimestamp();
        _timer = new Timer(static state => ((IdleHeartbeat<T>)state!).Tick(), this, interval, Timeout.InfiniteTimeSpan);
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
        if (_stopped)
        {
            return;
        }

        var idle = Stopwatch.GetTimestamp() - Volatile.Read(ref _idleSince);
        if (idle < _intervalTicks)
        {
            // Idle for less than an interval (the producer came back meanwhile): look again when it will have been.
            Arm(TimeSpan.FromSeconds((double)(_intervalTicks - idle) / Stopwatch.Frequency));
        }
        else if (!_writer.Wait(0))
        {
            // The loop is writing; when it waits again, it starts a new idle period.
            Arm(_interval);
        }
        else
        {
            _ = BeatAsync();
        }
    }

    private void Arm(TimeSpan dueTime)
    {
        try
        {
            _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // The stream ended.
        }
    }

    private async Task BeatAsync()
    {
        try
        {
            if (_formatter.TryWriteHeartbeat(_body) && await _body.FlushAsync(_flushToken))
            {
                Volatile.Write(ref _idleSince, Stopwatch.GetTimestamp());
                Arm(_interval);
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
