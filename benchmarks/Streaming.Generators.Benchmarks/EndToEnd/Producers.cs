using System.Diagnostics;
using System.Runtime.CompilerServices;
using Streaming.Generators.Benchmarks.Model;

namespace Streaming.Generators.Benchmarks.EndToEnd;

/// <summary>The producers every endpoint serves, ours and the built-ins alike, so only the writing differs.</summary>
public static class Producers
{
    /// <summary>
    /// <paramref name="count"/> orders from the sample set. With <paramref name="wait"/> each item is preceded by
    /// <c>await Task.Yield()</c>, as a producer that waits on I/O for every row; without it every
    /// <c>MoveNextAsync</c> completes at once.
    /// </summary>
    public static async IAsyncEnumerable<Order> Orders(int count, bool wait, [EnumeratorCancellation] CancellationToken ct)
    {
        var orders = SampleData.Orders;
        for (var i = 0; i < count; i++)
        {
            if (wait)
            {
                await Task.Yield();
            }

            ct.ThrowIfCancellationRequested();
            yield return orders[i & (SampleData.Count - 1)];
        }
    }

    /// <summary>One order at once, then nothing until the client goes away: an idle event stream.</summary>
    public static async IAsyncEnumerable<Order> OneThenIdle([EnumeratorCancellation] CancellationToken ct)
    {
        yield return SampleData.Orders[0];
        await Task.Delay(Timeout.Infinite, ct);
    }

    /// <summary><paramref name="count"/> ticks, each after a short pause, stamped the moment it is yielded.</summary>
    public static async IAsyncEnumerable<Tick> Ticks(int count, [EnumeratorCancellation] CancellationToken ct)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Delay(1, ct);
            yield return new Tick(i, Stopwatch.GetTimestamp());
        }
    }
}
