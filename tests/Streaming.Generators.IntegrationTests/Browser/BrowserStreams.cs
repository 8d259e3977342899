using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Streaming.Generators.IntegrationTests.Browser;

public sealed record Tick(int Seq, string Label);

/// <summary>The SSE stream the browser test's page listens to.</summary>
public static class BrowserStreams
{
    public const int LastTick = 6;
    public const int DroppedAfter = 3;

    /// <summary>
    /// Ticks 1 to <see cref="LastTick"/> as <c>tick</c> events with ids, then a <c>done</c> event. The first
    /// connection is dropped after tick <see cref="DroppedAfter"/>, as a failing network would; a reconnection
    /// resumes after its <c>Last-Event-ID</c>.
    /// </summary>
    [Stream(Format.Sse, "/browser/ticks/{run}")]
    public static async IAsyncEnumerable<SseItem<Tick>> Ticks(
        string run,
        [FromHeader(Name = "Last-Event-ID")] int? lastEventId,
        BrowserRuns runs,
        HttpContext context,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        runs[run].Connected(lastEventId);
        for (var seq = (lastEventId ?? 0) + 1; seq <= LastTick; seq++)
        {
            // Waiting makes the writer flush every tick before the next.
            await Task.Delay(20, cancellationToken);
            if (lastEventId is null && seq > DroppedAfter)
            {
                context.Abort();
                yield break;
            }

            yield return new SseItem<Tick>(Label(seq), "tick")
            {
                EventId = seq.ToString(CultureInfo.InvariantCulture),
                // Reconnect after 100 ms instead of the browser's default of seconds.
                ReconnectionInterval = TimeSpan.FromMilliseconds(100),
            };
        }

        yield return new SseItem<Tick>(new Tick(0, "done"), "done");
    }

    public static Tick Label(int seq) => new(seq, $"tick \"{seq}\" <é>");
}
