// Minimal-API endpoints of a small shop, written the way production code usually is: paged lists, single
// lookups, aggregates, and streamed exports. Nothing here should be reported.
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Streaming;

namespace Catalog;

public sealed record OrderSummary(int Id, string Product, decimal Total);

public sealed record Page<T>(IReadOnlyList<T> Items, int Total);

public static class CatalogApi
{
    public static RouteGroupBuilder MapCatalog(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/orders");
        group.MapGet("/", GetPage);
        group.MapGet("/{id:int}", async Task<Results<Ok<Order>, NotFound>> (int id, ShopDb db, CancellationToken ct) =>
            await db.Orders.FindAsync([id], ct) is { } order ? TypedResults.Ok(order) : TypedResults.NotFound());
        group.MapGet("/stats", async (ShopDb db, CancellationToken ct) =>
            await db.Orders.GroupBy(o => o.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct));
        group.MapGet("/latest", async (ShopDb db, CancellationToken ct) =>
            await db.Orders.OrderByDescending(o => o.CreatedAt).Take(20).Select(o => new OrderSummary(o.Id, o.Product, o.Total)).ToListAsync(ct));
        group.MapPost("/", async (Order order, ShopDb db, CancellationToken ct) =>
        {
            db.Orders.Add(order);
            await db.SaveChangesAsync(ct);
            return Results.Created($"/api/orders/{order.Id}", order);
        });
        group.MapGet("/count", async (ShopDb db, CancellationToken ct) => new { Count = await db.Orders.CountAsync(ct) });
        return group;
    }

    private static async Task<Ok<Page<OrderSummary>>> GetPage(ShopDb db, int page = 0, int size = 50, CancellationToken ct = default)
    {
        size = Math.Clamp(size, 1, 200);
        var query = db.Orders.AsNoTracking().OrderBy(o => o.Id);
        var total = await query.CountAsync(ct);
        var items = await query.Skip(page * size).Take(size).Select(o => new OrderSummary(o.Id, o.Product, o.Total)).ToListAsync(ct);
        return TypedResults.Ok(new Page<OrderSummary>(items, total));
    }
}

public static class CatalogStreams
{
    [Stream(Format.NdJson, "/export/orders")]
    public static async IAsyncEnumerable<OrderSummary> Export(ShopDb db, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var names = await db.Customers.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        await foreach (var order in db.Orders.AsNoTracking().OrderBy(o => o.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var product = names.TryGetValue(order.CustomerId, out var name) ? $"{order.Product} for {name}" : order.Product;
            yield return new OrderSummary(order.Id, product, order.Total);
        }
    }

    [Stream(Format.NdJson, "/export/customers/{customerId:int}")]
    public static IAsyncEnumerable<Order> ForCustomer(int customerId, ShopDb db)
        => db.Orders.AsNoTracking().Where(o => o.CustomerId == customerId).OrderBy(o => o.CreatedAt).AsAsyncEnumerable();

    [Stream(Format.NdJson, "/export/flagged")]
    public static async IAsyncEnumerable<Order> Flagged(ShopDb db, HttpContext context)
    {
        var blocked = await db.Customers.Where(c => c.Name.StartsWith("test-")).Select(c => c.Id).ToListAsync(context.RequestAborted);
        await foreach (var order in db.Orders.Where(o => !blocked.Contains(o.CustomerId)).AsAsyncEnumerable().WithCancellation(context.RequestAborted))
        {
            yield return order;
        }
    }

    [Stream(Format.NdJson, "/export/recent")]
    public static IEnumerable<Order> Recent(ShopDb db) => db.Orders.AsNoTracking().Where(o => o.CreatedAt > DateTime.UtcNow.AddDays(-1));
}
