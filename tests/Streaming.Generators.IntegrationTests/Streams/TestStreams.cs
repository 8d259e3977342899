using Streaming.Generators.IntegrationTests.Infrastructure;

namespace Streaming.Generators.IntegrationTests.Streams;

/// <summary>The <c>[Stream]</c> methods the integration tests call over HTTP.</summary>
public static class TestStreams
{
    /// <summary>Yields one reading per permit the test releases on its probe.</summary>
    [Stream(Format.NdJson, "/gated/{run}")]
    public static IAsyncEnumerable<Reading> Gated(string run, ProducerProbes probes, CancellationToken cancellationToken)
        => Producers.Gated(probes[run], Reading.Create, cancellationToken);

    /// <summary>An async producer that never waits (or, with <paramref name="yieldEach"/>, waits before every item).</summary>
    [Stream(Format.NdJson, "/readings")]
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
    [Stream(Format.NdJson, "/readings/sync")]
    public static IEnumerable<Reading> ReadingsSync(int count) => Enumerable.Range(0, count).Select(Reading.Create);

    /// <summary>Yields <paramref name="after"/> readings, then throws.</summary>
    [Stream(Format.NdJson, "/failing")]
    public static IAsyncEnumerable<Reading> Failing(int after, bool wait = true) => Producers.FailingAfter(after, Reading.Create, wait);
}
