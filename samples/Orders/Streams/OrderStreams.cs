using Orders.Data;
using Orders.Live;
using Streaming;

namespace Orders.Streams;

/// <summary>Orders as newline-delimited JSON: each row goes out as the database reader produces it.</summary>
public static class OrderStreams
{
    /// <summary>Every order, oldest first. <c>?after=</c> skips to the orders after an id, <c>?limit=</c> caps the count.</summary>
    [Stream(Format.NdJson, "/orders")]
    public static IAsyncEnumerable<Order> All(OrderStore store, long? after, long? limit, CancellationToken cancellationToken)
        => store.OrdersAsync(after ?? 0, limit, cancellationToken);

    /// <summary>One customer's orders, oldest first.</summary>
    [Stream(Format.NdJson, "/customers/{customerId:int}/orders")]
    public static IAsyncEnumerable<Order> ForCustomer(int customerId, OrderStore store, CancellationToken cancellationToken)
        => store.CustomerOrdersAsync(customerId, cancellationToken);

    /// <summary>
    /// A feed that never ends: the orders after <c>?after=</c> (by default the last ten), then every new order the
    /// moment it is placed. A client that loses the connection resumes with the last id it saw.
    /// </summary>
    [Stream(Format.NdJson, "/orders/feed")]
    public static IAsyncEnumerable<Order> Feed(OrderFeed feed, long? after, CancellationToken cancellationToken)
        => feed.FollowAsync(after, cancellationToken);
}
