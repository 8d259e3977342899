using System.Threading;

namespace Streaming;

/// <summary>Counts the streams in flight against <see cref="StreamingOptions.MaxConcurrentStreams"/>.</summary>
internal sealed class StreamConcurrencyLimiter(int? limit)
{
    private int _inFlight;

    /// <summary>Takes a slot; <see langword="false"/> when all are taken. Every <see langword="true"/> needs one <see cref="Release"/>.</summary>
    public bool TryAcquire()
    {
        if (limit is not { } max)
        {
            return true;
        }

        if (Interlocked.Increment(ref _inFlight) <= max)
        {
            return true;
        }

        Interlocked.Decrement(ref _inFlight);
        return false;
    }

    public void Release()
    {
        if (limit is not null)
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
