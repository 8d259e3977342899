using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Streaming.Generators.IntegrationTests.Infrastructure;

namespace Streaming.Generators.IntegrationTests.Streams;

/// <summary>The <c>[Stream]</c> methods the integration tests call over HTTP to watch the producer side.</summary>
public static class TestStreams
{
    /// <summary>Yields one reading per permit the test releases on its probe.</summary>
    [Stream(Format.NdJson, "/gated/{run}")]
    public static async IAsyncEnumerable<Reading> Gated(string run, ProducerProbes probes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var producer = probes.Enter(run);
        for (var i = 0; ; i++)
        {
            await producer.Probe.NextAsync(cancellationToken);
            yield return Reading.Create(i);
        }
    }

    /// <summary>As <see cref="Gated"/>, cancelled only through a plain <see cref="CancellationToken"/> parameter.</summary>
    [Stream(Format.NdJson, "/gated-plain/{run}")]
    public static IAsyncEnumerable<Reading> GatedPlainToken(string run, ProducerProbes probes, CancellationToken cancellationToken)
        => GatedIgnoringEnumeratorToken(run, probes, cancellationToken);

    /// <summary>As <see cref="Gated"/>, with no token at all: it reaches the iterator through <c>GetAsyncEnumerator</c>.</summary>
    [Stream(Format.NdJson, "/gated-enumerator/{run}")]
    public static IAsyncEnumerable<Reading> GatedThroughEnumerator(string run, ProducerProbes probes)
        => Gated(run, probes, default);

#pragma warning disable CS8425 // Deliberate: only the token passed in, never the enumerator's, may cancel this producer.
    private static async IAsyncEnumerable<Reading> GatedIgnoringEnumeratorToken(string run, ProducerProbes probes, CancellationToken cancellationToken)
#pragma warning restore CS8425
    {
        using var producer = probes.Enter(run);
        for (var i = 0; ; i++)
        {
            await producer.Probe.NextAsync(cancellationToken);
            yield return Reading.Create(i);
        }
    }

    /// <summary>Yields <paramref name="count"/> readings, waiting <paramref name="intervalMs"/> between them.</summary>
    [Stream(Format.NdJson, "/ticks/{run}")]
    public static async IAsyncEnumerable<Reading> Ticks(string run, int count, int intervalMs, ProducerProbes probes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var producer = probes.Enter(run);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                await producer.Probe.DelayAsync(intervalMs, cancellationToken);
            }

            producer.Probe.Counted();
            yield return Reading.Create(i);
        }
    }

    /// <summary>Yields readings forever and never awaits: only a flush waiting on the client stops it.</summary>
    [Stream(Format.NdJson, "/endless/{run}")]
    public static async IAsyncEnumerable<Reading> Endless(string run, ProducerProbes probes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var producer = probes.Enter(run);
        await Task.CompletedTask;
        for (var i = 0; ; i++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                producer.Probe.NoteCancelled();
                yield break;
            }

            producer.Probe.Counted();
            yield return Reading.Create(i);
        }
    }

    /// <summary>An async producer that never waits (or, with <paramref name="yieldEach"/>, waits before every item).</summary>
    [Stream(Format.NdJson, "/readings")]
    [EndpointSummary("Readings, as fast as they can be made.")]
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
