using System;
using System.Collections.Generic;
using System.Threading;

namespace Streaming;

/// <summary>
/// The streams of one application that its shutdown ends, so that the shutdown is one registration on each of
/// the application's signals rather than one per stream: when a signal fires, the streams it ends are stopped.
/// A stream that begins after a signal has fired is stopped as it is added.
/// </summary>
internal sealed class RunningStreams
{
    private readonly Lock _lock = new();
    private StreamList<StreamRequest> _streams;
    private bool _stopping;
    private bool _cut;

    public RunningStreams(CancellationToken stopping, CancellationToken cut)
    {
        stopping.UnsafeRegister(static state => ((RunningStreams)state!).Stop(endsAtStopping: true), this);
        cut.UnsafeRegister(static state => ((RunningStreams)state!).Stop(endsAtStopping: false), this);
    }

    /// <summary>Adds a stream that ends at <c>ApplicationStopping</c> when <paramref name="endsAtStopping"/>, else at the shutdown cut.</summary>
    public void Add(StreamRequest stream, bool endsAtStopping)
    {
        bool stopNow;
        lock (_lock)
        {
            _streams.Add(stream);
            stopNow = endsAtStopping ? _stopping : _cut;
        }

        if (stopNow)
        {
            stream.StopForShutdown();
        }
    }

    /// <summary>Removes a stream that has ended; a signal that fires after this leaves it alone.</summary>
    public void Remove(StreamRequest stream)
    {
        lock (_lock)
        {
            _streams.Remove(stream);
        }
    }

    private void Stop(bool endsAtStopping)
    {
        // The streams are taken under the lock and stopped after it: stopping one runs its producer's callbacks.
        var stopped = new List<StreamRequest>();
        lock (_lock)
        {
            if (endsAtStopping)
            {
                _stopping = true;
            }
            else
            {
                _cut = true;
            }

            for (var stream = _streams.First; stream is not null; stream = StreamList<StreamRequest>.After(stream))
            {
                if (stream.EndsAtStopping == endsAtStopping)
                {
                    stopped.Add(stream);
                }
            }
        }

        foreach (var stream in stopped)
        {
            stream.StopForShutdown();
        }
    }
}
