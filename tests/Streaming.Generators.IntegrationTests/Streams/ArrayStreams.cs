using System.Runtime.CompilerServices;
using Streaming.Generators.IntegrationTests.Infrastructure;

namespace Streaming.Generators.IntegrationTests.Streams;

/// <summary>The <c>Format.JsonArray</c> methods the integration tests call over HTTP.</summary>
public static class ArrayStreams
{
    /// <summary>Yields one reading per permit the test releases on its probe.</summary>
    [Stream(Format.JsonArray, "/array/gated/{run}")]
    public static async IAsyncEnumerable<Reading> Gated(string run, ProducerProbes probes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var probe = probes[run];
        try
        {
            for (var i = 0; ; i++)
            {
                await probe.NextAsync(cancellationToken);
                yield return Reading.Create(i);
            }
        }
        finally
        {
            probe.Finished();
        }
    }

    /// <summary>An async producer that never waits (or, with <paramref name="yieldEach"/>, waits before every item).</summary>
    [Stream(Format.JsonArray, "/array/readings")]
    public static async IAsyncEnumerable<Reading> Readings(int count, bool yieldEach = false)
    {
        for (var i = 0; i < count; i++)
        {
            if (yieldEach)
            {
                await Task.Yield();
            }

            yield return Reading.Create(i);
        }
    }

    /// <summary>A synchronous producer.</summary>
    [Stream(Format.JsonArray, "/array/readings/sync")]
    public static IEnumerable<Reading> ReadingsSync(int count) => Enumerable.Range(0, count).Select(Reading.Create);

    /// <summary>Yields <paramref name="after"/> readings, then throws.</summary>
    [Stream(Format.JsonArray, "/array/failing")]
    public static async IAsyncEnumerable<Reading> Failing(int after, bool wait = true)
    {
        for (var i = 0; i < after; i++)
        {
            if (wait)
            {
                await Task.Delay(10);
            }

            yield return Reading.Create(i);
        }

        if (wait)
        {
            await Task.Delay(10);
        }

        throw new InvalidOperationException("The sensor went offline.");
    }

    /// <summary>Scalar items: the array of strings the serializer writes for the same list.</summary>
    [Stream(Format.JsonArray, "/array/names")]
    public static IEnumerable<string?> Names() => ["plain", null, "<tag> & \"quote\"", "\u2028", "😀"];
}
