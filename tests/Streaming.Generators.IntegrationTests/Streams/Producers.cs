using System.Runtime.CompilerServices;
using Streaming.Generators.IntegrationTests.Infrastructure;

namespace Streaming.Generators.IntegrationTests.Streams;

/// <summary>Producers the streams of every format share: gated by a test's probe, or failing after some items.</summary>
public static class Producers
{
    /// <summary>Yields <paramref name="create"/>(i) for each permit the test releases on <paramref name="probe"/>.</summary>
    public static async IAsyncEnumerable<T> Gated<T>(ProducerProbe probe, Func<int, T> create, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            for (var i = 0; ; i++)
            {
                await probe.NextAsync(cancellationToken);
                yield return create(i);
            }
        }
        finally
        {
            probe.Finished();
        }
    }

    /// <summary>Yields <paramref name="after"/> items, then throws; with <paramref name="wait"/>, waits before each step
    /// so that every item is flushed before the next.</summary>
    public static async IAsyncEnumerable<T> FailingAfter<T>(int after, Func<int, T> create, bool wait = true)
    {
        for (var i = 0; i < after; i++)
        {
            if (wait)
            {
                await Task.Delay(10);
            }

            yield return create(i);
        }

        if (wait)
        {
            await Task.Delay(10);
        }

        throw new InvalidOperationException("The sensor went offline.");
    }
}
