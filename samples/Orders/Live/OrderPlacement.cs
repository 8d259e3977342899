using Orders.Data;

namespace Orders.Live;

/// <summary><c>POST /orders</c>: places an order at the catalogue price and tells the feed.</summary>
public static class OrderPlacement
{
    public const int MaxQuantity = 10;

    public static IEndpointConventionBuilder MapOrderPlacement(this IEndpointRouteBuilder endpoints)
        => endpoints.MapPost("/orders", PlaceAsync);

    private static async Task<IResult> PlaceAsync(NewOrder request, OrderStore store, OrderFeed feed, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var product = Catalog.Find(request.ProductId);
        if (product is null)
        {
            errors["productId"] = [$"There is no product {request.ProductId}."];
        }

        if (request.CustomerId is < 1 or > Catalog.Customers)
        {
            errors["customerId"] = [$"Customers are numbered 1 to {Catalog.Customers}."];
        }

        if (request.Quantity is < 1 or > MaxQuantity)
        {
            errors["quantity"] = [$"Order 1 to {MaxQuantity} at a time."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var order = await store.PlaceAsync(product!, request.CustomerId, request.Quantity, clock.GetUtcNow().UtcDateTime, cancellationToken);
        feed.Placed();
        return TypedResults.Created($"/orders?after={order.Id - 1}&limit=1", order);
    }
}
