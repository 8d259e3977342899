using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Mvc;
using Orders.Live;
using Streaming;

namespace Orders.Streams;

/// <summary>Orders as Server-Sent Events, for <c>EventSource</c>: it reconnects, and resumes, by itself.</summary>
public static class EventStreams
{
    /// <summary>
    /// Every new order as an <c>order</c> event whose id is the order's. The first connection gets the last ten
    /// orders first; a reconnecting <c>EventSource</c> sends the last id it saw as <c>Last-Event-ID</c> and gets
    /// exactly the orders after it — none lost while it was away, none twice.
    /// </summary>
    [Stream(Format.Sse, "/orders/live")]
    public static async IAsyncEnumerable<SseItem<Order>> Live(
        OrderFeed feed,
        [FromHeader(Name = "Last-Event-ID")] long? lastEventId,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The first event asks the browser to come back within a second after a drop (instead of its default few).
        var reconnectAfter = (TimeSpan?)TimeSpan.FromSeconds(1);
        await foreach (var order in feed.FollowAsync(lastEventId, cancellationToken))
        {
            yield return new SseItem<Order>(order, "order")
            {
                EventId = order.Id.ToString(CultureInfo.InvariantCulture),
                ReconnectionInterval = reconnectAfter,
            };
            reconnectAfter = null;
        }
    }
}
