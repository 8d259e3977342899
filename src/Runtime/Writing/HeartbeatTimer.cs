using System;
using System.Diagnostics;
using System.Threading;

namespace Streaming;

/// <summary>
/// One timer for the heartbeats of all streams of an application. A stream registers its
/// heartbeat (<see cref="StreamBodyWriter.StartHeartbeat{T}"/>) for as long as it runs; each tick walks the registered streams, takes the writer
/// of those due a heartbeat, sets the timer for the next one that can be, and then writes the heartbeats. A stream going idle does not touch
/// the timer: a tick counts a stream that is writing as due a whole interval later, the earliest it can be.
/// </summary>
/// <remarks>
/// Ticks that would come closer together than a fiftieth of the shortest interval are merged, so that thousands
/// of streams idle since slightly different moments cost a few walks per interval, not one each; a heartbeat is
/// at most that late (0.3 s of 15 s).
/// </remarks>
internal sealed class HeartbeatTimer
{
    private const int MergeFraction = 50;

    private readonly Lock _lock = new();
    private readonly Timer _timer;
    private StreamList<StreamBodyWriter> _streams;
    private long _armedFor = long.MaxValue;

    public HeartbeatTimer()
    {
        // The timer outlives the request that happens to create it: it must not capture its execution context.
        using (ExecutionContext.SuppressFlow())
        {
            _timer = new Timer(static state => ((HeartbeatTimer)state!).Tick(), this, Timeout.Infinite, Timeout.Infinite);
        }
    }

    /// <summary>Starts looking after <paramref name="heartbeat"/>'s stream, which is writing.</summary>
    public void Register(StreamBodyWriter heartbeat)
    {
        lock (_lock)
        {
            _streams.Add(heartbeat);
            var now = Stopwatch.GetTimestamp();
            if (now + heartbeat.IntervalTicks < _armedFor)
            {
                Arm(now + heartbeat.IntervalTicks, now);
            }
        }
    }

    /// <summary>Stops looking after <paramref name="heartbeat"/>'s stream; no tick writes to it after this returns.</summary>
    public void Unregister(StreamBodyWriter heartbeat)
    {
        lock (_lock)
        {
            _streams.Remove(heartbeat);
        }
    }

    private void Tick()
    {
        // The streams due are taken under the lock and written to after it, so that no write holds up the others.
        StreamBodyWriter? due = null;
        lock (_lock)
        {
            var now = Stopwatch.GetTimestamp();
            var next = long.MaxValue;
            var shortest = long.MaxValue;
            for (var heartbeat = _streams.First; heartbeat is not null; heartbeat = heartbeat.Next)
            {
                if (heartbeat.TryClaim(now, out var at))
                {
                    heartbeat.NextDue = due;
                    due = heartbeat;
                }

                next = Math.Min(next, at);
                shortest = Math.Min(shortest, heartbeat.IntervalTicks);
            }

            _armedFor = long.MaxValue;
            if (next != long.MaxValue)
            {
                Arm(Math.Max(next, now + (shortest / MergeFraction)), now);
            }
        }

        while (due is not null)
        {
            var heartbeat = due;
            due = heartbeat.NextDue;
            heartbeat.NextDue = null;
            heartbeat.Beat();
        }
    }

    private void Arm(long due, long now)
    {
        _armedFor = due;
        var milliseconds = Math.Ceiling((due - now) * 1000.0 / Stopwatch.Frequency);
        _timer.Change((long)Math.Clamp(milliseconds, 1, uint.MaxValue - 1), Timeout.Infinite);
    }
}
