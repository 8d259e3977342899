using System.Net.ServerSentEvents;
using Microsoft.AspNetCore.Mvc;
using Streaming.Generators.IntegrationTests.Infrastructure;

namespace Streaming.Generators.IntegrationTests.Streams;

/// <summary>The <c>Format.Sse</c> streams the integration tests call over HTTP.</summary>
public static class SseStreams
{
    [Stream(Format.Sse, "/sse/readings")]
    public static IEnumerable<Reading> Readings(int count) => Enumerable.Range(0, count).Select(Reading.Create);

    [Stream(Format.Sse, "/sse/readings/items")]
    public static async IAsyncEnumerable<SseItem<Reading>> ReadingItems(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return ReadingItem(i);
        }
    }

    /// <summary>Random text payloads full of line breaks and field names.</summary>
    /// <summary>Plain values as event data: numbers and Guids are written as their JSON.</summary>
    [Stream(Format.Sse, "/sse/numbers")]
    public static IEnumerable<double> Numbers(int count) => Enumerable.Range(0, count).Select(i => i * 0.1);

    [Stream(Format.Sse, "/sse/ids")]
    public static IEnumerable<SseItem<Guid>> Ids(int count) => Enumerable.Range(0, count).Select(i => new SseItem<Guid>(new Guid(i, 0, 0, new byte[8]), "id") { EventId = i.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    [Stream(Format.Sse, "/sse/fuzz/text")]
    public static IEnumerable<string> FuzzText(int seed, int count) => Enumerable.Range(0, count).Select(i => FuzzEvent.Create(seed, i).Data);

    /// <summary>Random text events with random types, ids and retry intervals.</summary>
    [Stream(Format.Sse, "/sse/fuzz/items")]
    public static IEnumerable<SseItem<string>> FuzzItems(int seed, int count) => Enumerable.Range(0, count).Select(i => FuzzEvent.Create(seed, i));

    [Stream(Format.Sse, "/sse/gated/{run}")]
    public static IAsyncEnumerable<Reading> Gated(string run, ProducerProbes probes, CancellationToken cancellationToken)
        => Producers.Gated(probes[run], Reading.Create, cancellationToken);

    /// <summary>As <see cref="Gated"/>, with heartbeats turned off for this endpoint.</summary>
    [Stream(Format.Sse, "/sse/gated-quiet/{run}", SseHeartbeatSeconds = -1)]
    public static IAsyncEnumerable<Reading> GatedQuiet(string run, ProducerProbes probes, CancellationToken cancellationToken)
        => Producers.Gated(probes[run], Reading.Create, cancellationToken);

    [Stream(Format.Sse, "/sse/failing")]
    public static IAsyncEnumerable<Reading> Failing(int after, bool wait = true) => Producers.FailingAfter(after, Reading.Create, wait);

    /// <summary>Readings numbered 1 to <paramref name="count"/>, resuming after the client's <c>Last-Event-ID</c>.</summary>
    [Stream(Format.Sse, "/sse/resume")]
    public static IEnumerable<SseItem<Reading>> Resume(int count, [FromHeader(Name = "Last-Event-ID")] int? lastEventId)
    {
        for (var i = (lastEventId ?? 0) + 1; i <= count; i++)
        {
            yield return new SseItem<Reading>(Reading.Create(i)) { EventId = i.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }
    }

    public static SseItem<Reading> ReadingItem(int i)
        => new(Reading.Create(i), i % 2 == 0 ? "reading" : null)
        {
            EventId = $"r-{i}",
            ReconnectionInterval = i % 3 == 0 ? TimeSpan.FromMilliseconds(1500 + i) : null,
        };
}

/// <summary>The random events of the SSE fuzz streams, the same on the server and in the test.</summary>
public static class FuzzEvent
{
    public static SseItem<string> Create(int seed, int index)
    {
        var random = HostileText.For(seed, index);
        var data = random.Next(100) == 0 ? HostileText.Long(random) : HostileText.Next(random);
        var eventType = random.Next(3) == 0 ? null : HostileText.NextSingleLine(random);
        return new SseItem<string>(data, eventType)
        {
            EventId = random.Next(3) == 0 ? null : HostileText.NextSingleLine(random),
            ReconnectionInterval = random.Next(4) == 0 ? TimeSpan.FromMilliseconds(random.Next(100_000)) : null,
        };
    }
}
