using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Mvc;
using Streaming;

namespace ShutdownApp;

public sealed record Tick(int Sequence);

public static class Streams
{
    /// <summary>A live feed: one event at once, then nothing until the client or the server ends it.</summary>
    [Stream(Format.Sse, "/feed")]
    public static async IAsyncEnumerable<SseItem<Tick>> Feed([FromHeader(Name = "Last-Event-ID")] int? lastEventId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var next = (lastEventId ?? 0) + 1;
        yield return new SseItem<Tick>(new Tick(next)) { EventId = next.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }

    /// <summary>An export of <paramref name="seconds"/>: ten lines a second.</summary>
    [Stream(Format.NdJson, "/export")]
    public static async IAsyncEnumerable<Tick> Export(double seconds, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var lines = (int)(seconds * 10);
        for (var i = 1; i <= lines; i++)
        {
            await Task.Delay(100, cancellationToken);
            yield return new Tick(i);
        }
    }
}
