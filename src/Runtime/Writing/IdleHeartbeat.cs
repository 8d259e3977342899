using System;
using System.Buffers;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace Streaming;

/// <summary>
/// Keeps one idle stream alive (SSE): once the producer has kept the write loop waiting for the formatter's
/// <see cref="StreamFormatter{T}.HeartbeatInterval"/>, the application's shared <see cref="HeartbeatTimer"/>
/// writes a heartbeat. The loop owns the writer except while it awaits the producer; a tick writes only after
/// taking the writer from an idle loop, so a heartbeat never lands inside an item. Handing the writer over and
/// back is two interlocked operations: waiting for the producer allocates nothing.
/// </summary>
internal abstract class IdleHeartbeat : IStreamListItem<IdleHeartbeat>
{
    // Who owns the writer: the loop (Writing), nobody while the loop awaits the producer (Waiting), a tick
    // (Beating), or a tick that hands it straight back to the loop when done (BeatingAwaited).
    private const int Writing = 0;
    private const int Waiting = 1;
    private const int Beating = 2;
    private const int BeatingAwaited = 3;

    private readonly StreamBodyWriter _body;
    private readonly CancellationToken _flushToken;
    private int _state;
    private long _idleSince;
    private volatile bool _stopped;
    private TaskCompletionSource? _resumed;

    protected IdleHeartbeat(StreamBodyWriter body, CancellationToken flushToken, TimeSpan interval)
    {
        _body = body;
        _flushToken = flushToken;
        IntervalTicks = Math.Max(1, (long)(interval.TotalSeconds * Stopwatch.Frequency));
    }

    /// <summary>The idle time before a heartbeat, in <see cref="Stopwatch"/> ticks.</summary>
    public long IntervalTicks { get; }

    /// <summary>The neighbours in the timer's list of streams.</summary>
    public IdleHeartbeat? Previous { get; set; }

    /// <inheritdoc cref="Previous"/>
    public IdleHeartbeat? Next { get; set; }

    /// <summary>The next stream in a tick's list of heartbeats to write.</summary>
    internal IdleHeartbeat? NextDue { get; set; }

    /// <summary>The heartbeat of <paramref name="formatter"/>'s stream, registered with the shared timer, or <see langword="null"/> when it has none.</summary>
    public static IdleHeartbeat? Start<T>(StreamFormatter<T> formatter, StreamBodyWriter body, StreamRequest request)
    {
        var interval = formatter.HeartbeatInterval;
        if (interval == Timeout.InfiniteTimeSpan || interval <= TimeSpan.Zero)
        {
            return null;
        }

        var heartbeat = new Of<T>(formatter, body, request.FlushToken, interval);
        request.Runtime.Heartbeats.Register(heartbeat);
        return heartbeat;
    }

    /// <summary>The loop is about to await the producer: a tick may write until <see cref="ResumeAsync"/>.</summary>
    public void Idle()
    {
        Volatile.Write(ref _idleSince, Stopwatch.GetTimestamp());
        Volatile.Write(ref _state, Waiting);
    }

    /// <summary>The producer is back: the loop takes the writer again, after a heartbeat being written, if any.</summary>
    public ValueTask ResumeAsync()
    {
        while (Interlocked.CompareExchange(ref _state, Writing, Waiting) != Waiting)
        {
            // A tick is writing: it hands the writer over when done. Rare, so a task for it is no burden.
            _resumed ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (Interlocked.CompareExchange(ref _state, BeatingAwaited, Beating) == Beating)
            {
                return new ValueTask(_resumed.Task);
            }
        }

        return default;
    }

    /// <summary>
    /// Called by the timer: takes the writer when the stream has been idle for a whole interval, for
    /// <see cref="Beat"/> to write the heartbeat. <paramref name="next"/> is when this stream next needs looking
    /// at, in <see cref="Stopwatch"/> ticks.
    /// </summary>
    internal bool TryClaim(long now, out long next)
    {
        next = now + IntervalTicks;
        if (_stopped)
        {
            next = long.MaxValue;
            return false;
        }

        // A loop that is writing may go idle at any moment: it is due an interval from now at the earliest.
        if (Volatile.Read(ref _state) != Waiting)
        {
            return false;
        }

        var due = Volatile.Read(ref _idleSince) + IntervalTicks;
        if (due > now)
        {
            next = due;
            return false;
        }

        if (Interlocked.CompareExchange(ref _state, Beating, Waiting) != Waiting)
        {
            return false;
        }

        if (Volatile.Read(ref _idleSince) + IntervalTicks > now)
        {
            // The loop wrote an item and went idle again in between: this idle period is not over.
            EndBeat();
            return false;
        }

        return true;
    }

    /// <summary>Writes the heartbeat of a stream <see cref="TryClaim"/> took the writer from, and gives the writer back.</summary>
    internal void Beat() => _ = BeatAsync();

    /// <summary>Writes the format's heartbeat; <see langword="false"/> when it has none.</summary>
    protected abstract bool TryWrite(IBufferWriter<byte> output);

    private async Task BeatAsync()
    {
        var sent = false;
        try
        {
            sent = TryWrite(_body) && await _body.FlushAsync(_flushToken);
        }
        catch (Exception)
        {
            // The loop's next write meets the same problem and handles it as any failed write.
        }

        if (sent)
        {
            Volatile.Write(ref _idleSince, Stopwatch.GetTimestamp());
        }
        else
        {
            // No heartbeat in this format, or no client to take it: the producer is cancelled with the request.
            _stopped = true;
        }

        EndBeat();
    }

    /// <summary>Gives the writer back: to nobody while the loop still awaits the producer, else to the loop.</summary>
    private void EndBeat()
    {
        if (Interlocked.CompareExchange(ref _state, Waiting, Beating) == BeatingAwaited)
        {
            var resumed = _resumed!;
            _resumed = null;
            Volatile.Write(ref _state, Writing);
            resumed.SetResult();
        }
    }

    private sealed class Of<T>(StreamFormatter<T> formatter, StreamBodyWriter body, CancellationToken flushToken, TimeSpan interval)
        : IdleHeartbeat(body, flushToken, interval)
    {
        protected override bool TryWrite(IBufferWriter<byte> output) => formatter.TryWriteHeartbeat(output);
    }
}
