namespace Orders.Data;

/// <summary>
/// The rows a new database starts with. Generated from a fixed seed, so SQLite and PostgreSQL hold the same
/// orders and every stream sends the same bytes from either.
/// </summary>
public static class SeedData
{
    private static readonly DateTime s_firstOrder = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>One seeded order, before it is joined with its product's name.</summary>
    public readonly record struct OrderRow(
        long Id, int CustomerId, int ProductId, int Quantity, decimal Total, OrderStatus Status, DateTime CreatedAt);

    public static IEnumerable<OrderRow> Orders(int count)
    {
        var random = new Random(20261121);
        for (var id = 1L; id <= count; id++)
        {
            var product = Catalog.Products[random.Next(Catalog.Products.Count)];
            var quantity = random.Next(1, 6);
            yield return new OrderRow(
                id,
                random.Next(1, Catalog.Customers + 1),
                product.Id,
                quantity,
                product.Price * quantity,
                (OrderStatus)random.Next(5),
                s_firstOrder.AddSeconds(id * 30));
        }
    }
}
