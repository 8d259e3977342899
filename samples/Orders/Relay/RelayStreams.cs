using Streaming;

namespace Orders.Relay;

/// <summary>
/// A relay: orders streamed from another streaming API and streamed on, the shape of a proxy in front of a
/// model that streams tokens. Each order goes out as soon as it has come in; nothing is collected.
/// </summary>
public static class RelayStreams
{
    /// <summary>The upstream's orders after <c>?after=</c>, at most <c>?limit=</c>, passed on one by one.</summary>
    [Stream(Format.NdJson, "/relay/orders")]
    public static IAsyncEnumerable<Order> Orders(OrderRelay relay, HttpRequest request, long? after, long? limit, CancellationToken cancellationToken)
        => relay.OrdersAsync(request, after, limit, cancellationToken);
}
