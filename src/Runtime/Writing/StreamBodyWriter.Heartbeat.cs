using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace Streaming;

// The heartbeat of an idle stream (SSE): once the producer has kept the write loop waiting for the formatter's
// HeartbeatInterval, the application's shared HeartbeatTimer writes a heartbeat into this writer. The loop owns
// the writer except while it awaits the producer; a tick writes only after taking the writer from an idle loop, so
// a heartbeat never lands inside an item. Handing the writer over and back is two interlocked operations: waiting
// for the producer allocates nothing. Its state lives in the body writer it writes to, both one per stream, so
// that an idle stream keeps one object for the two.
internal sealed partial class StreamBodyWriter : IStreamListItem<StreamBodyWriter>
{
    // Who owns the writer: the loop (Writing), nobody while the loop awaits the producer (Waiting), a tick
    // (Beating), or a tick that hands it straight back to the loop when done (BeatingAwaited).
    private const int Writing = 0;
    private const int Waiting = 1;
    private const int Beating = 2;
    private const int BeatingAwaited = 3;

    private IHeartbeatFormat? _heartbeat;
    private int _owner;
    private long _idleSince;
    private volatile bool _heartbeatStopped;
    private TaskCompletionSource? _resumed;

    /// <summary>Whether the stream has a heartbeat, registered with the application's timer.</summary>
    public bool HasHeartbeat => _heartbeat is not null;

    /// <summary>The idle time before a heartbeat, in <see cref="Stopwatch"/> ticks.</summary>
    public long IntervalTicks { get; private set; }

    /// <summary>The neighbours in the timer's list of streams.</summary>
    public StreamBodyWriter? Previous { get; set; }

    /// <inheritdoc cref="Previous"/>
    public StreamBodyWriter? Next { get; set; }

    /// <summary>The next stream in a tick's list of heartbeats to write.</summary>
    internal StreamBodyWriter? NextDue { get; set; }

    /// <summary>Registers the heartbeat of <paramref name="formatter"/>'s format with the shared timer, when it has one.</summary>
    public void StartHeartbeat<T>(StreamFormatter<T> formatter)
    {
        var interval = formatter.HeartbeatInterval;
        if (interval == Timeout.InfiniteTimeSpan || interval <= TimeSpan.Zero)
        {
            return;
        }

        _heartbeat = formatter;
        IntervalTicks = Math.Max(1, (long)(interval.TotalSeconds * Stopwatch.Frequency));
        _request.Runtime.Heartbeats.Register(this);
    }

    /// <summary>Takes the stream off the timer; no tick writes to it after this returns. The loop holds the writer when it calls this.</summary>
    public void StopHeartbeat()
    {
        if (_heartbeat is not null)
        {
            _request.Runtime.Heartbeats.Unregister(this);
        }
    }

    /// <summary>The loop is about to await the producer: a tick may write until <see cref="ResumeAsync"/>.</summary>
    public void Idle()
    {
        Volatile.Write(ref _idleSince, Stopwatch.GetTimestamp());
        Volatile.Write(ref _owner, Waiting);
    }

    /// <summary>The producer is back: the loop takes the writer again, after a heartbeat being written, if any.</summary>
    public ValueTask ResumeAsync()
    {
        while (Interlocked.CompareExchange(ref _owner, Writing, Waiting) != Waiting)
        {
            // A tick is writing: it hands the writer over when done. Rare, so a task for it is no burden.
            _resumed ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (Interlocked.CompareExchange(ref _owner, BeatingAwaited, Beating) == Beating)
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
        if (_heartbeatStopped)
        {
            next = long.MaxValue;
            return false;
        }

        // A loop that is writing may go idle at any moment: it is due an interval from now at the earliest.
        if (Volatile.Read(ref _owner) != Waiting)
        {
            return false;
        }

        var due = Volatile.Read(ref _idleSince) + IntervalTicks;
        if (due > now)
        {
            next = due;
            return false;
        }

        if (Interlocked.CompareExchange(ref _owner, Beating, Waiting) != Waiting)
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

    private async Task BeatAsync()
    {
        var sent = false;
        try
        {
            sent = _heartbeat!.TryWriteHeartbeat(this) && await FlushAsync(_request.FlushToken);
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
            _heartbeatStopped = true;
        }

        EndBeat();
    }

    /// <summary>Gives the writer back: to nobody while the loop still awaits the producer, else to the loop.</summary>
    private void EndBeat()
    {
        if (Interlocked.CompareExchange(ref _owner, Waiting, Beating) == BeatingAwaited)
        {
            var resumed = _resumed!;
            _resumed = null;
            Volatile.Write(ref _owner, Writing);
            resumed.SetResult();
        }
    }
}
