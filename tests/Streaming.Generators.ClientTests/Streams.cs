using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace Streaming.Generators.ClientTests;

public sealed record Tick(int Number, string Label);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Tick))]
public sealed partial class ClientJson : JsonSerializerContext;

/// <summary>The generated endpoints the client reads.</summary>
public static class Streams
{
    public static Tick Create(int number) => new(number, $"tick {number}");

    [Stream(Format.NdJson, "/ticks")]
    public static IEnumerable<Tick> Ticks(int count) => Enumerable.Range(1, count).Select(Create);

    /// <summary>One tick, then nothing until the test opens the gate — which it does only once it has read that tick.</summary>
    [Stream(Format.NdJson, "/ticks/gated")]
    public static async IAsyncEnumerable<Tick> Gated(Gate gate, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return Create(1);
        await gate.WaitAsync(cancellationToken);
        yield return Create(2);
    }

    [Stream(Format.NdJson, "/ticks/failing")]
    public static async IAsyncEnumerable<Tick> Failing(int after)
    {
        for (var i = 1; i <= after; i++)
        {
            await Task.Delay(10);
            yield return Create(i);
        }

        await Task.Delay(10);
        throw new InvalidOperationException("The ticker broke.");
    }

    /// <summary>A tick every 20 ms, numbered on from the client's <c>Last-Event-ID</c>, without end.</summary>
    [Stream(Format.Sse, "/sse/ticks")]
    public static async IAsyncEnumerable<SseItem<Tick>> SseTicks([FromHeader(Name = "Last-Event-ID")] int? lastEventId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = (lastEventId ?? 0) + 1; ; i++)
        {
            await Task.Delay(20, cancellationToken);
            yield return new SseItem<Tick>(Create(i)) { EventId = i.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }
    }

    [Stream(Format.Sse, "/sse/failing")]
    public static async IAsyncEnumerable<Tick> SseFailing(int after)
    {
        for (var i = 1; i <= after; i++)
        {
            await Task.Delay(10);
            yield return Create(i);
        }

        await Task.Delay(10);
        throw new InvalidOperationException("The ticker broke.");
    }
}
