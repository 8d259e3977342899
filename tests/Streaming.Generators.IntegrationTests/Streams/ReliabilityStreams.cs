using System.Net.ServerSentEvents;
using Streaming.Generators.IntegrationTests.Infrastructure;

namespace Streaming.Generators.IntegrationTests.Streams;

/// <summary>Streams for the reliability tests: synchronous producers that block, and streams that outlive their credential.</summary>
public static class ReliabilityStreams
{
    /// <summary>A synchronous producer that blocks its thread for <paramref name="sleepMilliseconds"/> before each
    /// item, standing for synchronous I/O.</summary>
    [Stream(Format.NdJson, "/blocking")]
    public static IEnumerable<Reading> Blocking(int count, int sleepMilliseconds)
    {
        for (var i = 0; i < count; i++)
        {
#pragma warning disable STRM005 // The point of this producer: it blocks as synchronous I/O does.
            Thread.Sleep(sleepMilliseconds);
#pragma warning restore STRM005
            yield return Reading.Create(i);
        }
    }

    /// <summary>A synchronous producer that blocks its thread until the test releases it, then yields one item.</summary>
    [Stream(Format.NdJson, "/blocking-gated/{run}")]
    public static IEnumerable<Reading> BlockingGated(string run, ProducerProbes probes)
    {
        var probe = probes[run];
        probe.Started.TrySetResult();
        probe.WaitBlocking();
        yield return Reading.Create(0);
    }

    /// <summary>A sequence that can be read both ways, as an EF Core query can; read synchronously, it fails.</summary>
    [Stream(Format.NdJson, "/both-ways")]
    public static IEnumerable<Reading> BothWays(int count) => new TwoWaySequence(count);

    /// <summary>An event whose id holds NUL, which spec-following parsers drop with the whole id.</summary>
    [Stream(Format.Sse, "/sse/nul-id")]
    public static IEnumerable<SseItem<string>> NulId()
    {
        yield return new SseItem<string>("payload") { EventId = "7\0" };
    }

    [Stream(Format.Sse, "/sse/nul-event")]
    public static IEnumerable<SseItem<string>> NulEvent()
    {
        yield return new SseItem<string>("payload", "tick\0");
    }

    /// <summary>As <see cref="SseStreams.Gated"/>; the application closes it when the authentication expires.</summary>
    [Stream(Format.Sse, "/auth/sse/{run}")]
    public static IAsyncEnumerable<Reading> AuthenticatedSse(string run, ProducerProbes probes, CancellationToken cancellationToken)
        => Producers.Gated(probes[run], Reading.Create, cancellationToken);

    [Stream(Format.NdJson, "/auth/ndjson/{run}")]
    public static IAsyncEnumerable<Reading> AuthenticatedNdJson(string run, ProducerProbes probes, CancellationToken cancellationToken)
        => Producers.Gated(probes[run], Reading.Create, cancellationToken);

    /// <summary>An endpoint that keeps streaming past the expiry, although the application closes the others.</summary>
    [Stream(Format.Sse, "/auth/sse-kept/{run}", CloseOnAuthenticationExpiration = false)]
    public static IAsyncEnumerable<Reading> AuthenticatedSseKept(string run, ProducerProbes probes, CancellationToken cancellationToken)
        => Producers.Gated(probes[run], Reading.Create, cancellationToken);
}

/// <summary>Readings that only come asynchronously: the synchronous enumerator throws.</summary>
public sealed class TwoWaySequence(int count) : IEnumerable<Reading>, IAsyncEnumerable<Reading>
{
    public IEnumerator<Reading> GetEnumerator() => throw new InvalidOperationException("Read synchronously.");

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public async IAsyncEnumerator<Reading> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return Reading.Create(i);
        }
    }
}
