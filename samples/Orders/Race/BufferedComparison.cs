using Orders.Data;

namespace Orders.Race;

/// <summary>
/// What the page's race compares <c>GET /orders</c> with: the same query read into a list, then returned, the way
/// an endpoint is often written. It exists to show the difference, and is not a pattern to copy.
/// </summary>
public static class BufferedComparison
{
    public static IEndpointRouteBuilder MapBufferedComparison(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/orders/buffered", BufferedAsync);
        endpoints.MapGet("/server/memory", () => TypedResults.Ok(ServerMemory.Now()));
        return endpoints;
    }

    // Nothing goes out until the last row is in the list; the list lives on the heap until it has been sent.
    private static async Task<IResult> BufferedAsync(OrderStore store, long? limit, CancellationToken cancellationToken)
    {
        var orders = await store.OrdersAsync(0, limit, cancellationToken).ToListAsync(cancellationToken);
        return TypedResults.Ok(orders);
    }
}

/// <summary>The server's memory, as the page's race charts it.</summary>
/// <param name="HeapBytes">The managed heap: what the objects the app holds take, garbage included until collected.</param>
/// <param name="WorkingSetBytes">Resident memory of the process.</param>
public sealed record ServerMemory(long HeapBytes, long WorkingSetBytes)
{
    public static ServerMemory Now() => new(GC.GetTotalMemory(forceFullCollection: false), Environment.WorkingSet);
}
