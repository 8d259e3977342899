using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;

namespace Streaming;

/// <summary>
/// Lets the write loop drive an <see cref="IEnumerable{T}"/>. A synchronous producer gives no sign that it is
/// about to block, so this one notes whether producing the last item took longer than a millisecond; the loop
/// flushes after such items, as it does when an asynchronous producer makes it wait. It runs on a thread of
/// <see cref="ProducerThreads"/>, never on the shared pool; the producer's own code runs without that thread's
/// synchronization context.
/// </summary>
internal sealed class BlockingProducer<T>(IEnumerator<T> items) : IAsyncEnumerator<T>
{
    private static readonly long s_slowItem = Stopwatch.Frequency / 1000;

    /// <summary>Gets the enumerator of <paramref name="items"/>, which is producer code too.</summary>
    public static BlockingProducer<T> Start(IEnumerable<T> items)
        => new(ProducerThreads.WithoutContext(items, static items => items.GetEnumerator()));

    public T Current => items.Current;

    /// <summary>Whether the last item was slow to come: the producer is likely waiting on something.</summary>
    public bool LastItemWasSlow { get; private set; }

    public ValueTask<bool> MoveNextAsync()
    {
        var started = Stopwatch.GetTimestamp();
        var moved = ProducerThreads.WithoutContext(items, static items => items.MoveNext());
        LastItemWasSlow = Stopwatch.GetTimestamp() - started >= s_slowItem;
        return new ValueTask<bool>(moved);
    }

    public ValueTask DisposeAsync()
    {
        ProducerThreads.WithoutContext(items, static items =>
        {
            items.Dispose();
            return true;
        });
        return default;
    }
}
