using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;

namespace Streaming;

/// <summary>
/// Lets the write loop drive an <see cref="IEnumerable{T}"/>. A synchronous producer gives no sign that it is
/// about to block, so this one notes whether producing the last item took longer than a millisecond; the loop
/// flushes after such items, as it does when an asynchronous producer makes it wait.
/// </summary>
internal sealed class BlockingProducer<T>(IEnumerator<T> items) : IAsyncEnumerator<T>
{
    private static readonly long s_slowItem = Stopwatch.Frequency / 1000;

    public T Current => items.Current;

    /// <summary>Whether the last item was slow to come: the producer is likely waiting on something.</summary>
    public bool LastItemWasSlow { get; private set; }

    public ValueTask<bool> MoveNextAsync()
    {
        var started = Stopwatch.GetTimestamp();
        var moved = items.MoveNext();
        LastItemWasSlow = Stopwatch.GetTimestamp() - started >= s_slowItem;
        return new ValueTask<bool>(moved);
    }

    public ValueTask DisposeAsync()
    {
        items.Dispose();
        return default;
    }
}
