using System.Runtime.CompilerServices;
using Orders.Data;

namespace Orders.Live;

/// <summary>
/// The orders placed in this process, as a feed a client can follow: what is already in the database after a
/// given id, then each new order as it is placed. A follower costs no thread and no polling while it waits.
/// </summary>
public sealed class OrderFeed(OrderStore store)
{
    /// <summary>How many of the latest orders a follower that names no starting point gets first.</summary>
    public const int Recent = 10;

    private TaskCompletionSource _placed = NewSignal();

    /// <summary>Wakes every follower; called once an order is committed.</summary>
    public void Placed() => Interlocked.Exchange(ref _placed, NewSignal()).TrySetResult();

    /// <summary>
    /// Orders with an id above <paramref name="afterId"/> (by default the <see cref="Recent"/> latest), then new ones
    /// as they are placed, until cancelled.
    /// </summary>
    public async IAsyncEnumerable<Order> FollowAsync(long? afterId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = afterId ?? Math.Max(0, await store.LastOrderIdAsync(cancellationToken) - Recent);
        while (true)
        {
            // Taken before the query, so an order committed while the query runs still wakes us.
            var placed = Volatile.Read(ref _placed).Task;
            await foreach (var order in store.OrdersAsync(after, limit: null, cancellationToken))
            {
                after = order.Id;
                yield return order;
            }

            await placed.WaitAsync(cancellationToken);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
