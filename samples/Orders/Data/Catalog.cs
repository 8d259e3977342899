namespace Orders.Data;

/// <summary>What the shop sells, and to whom: fixed, so a new database can be seeded from it.</summary>
public static class Catalog
{
    public const int Customers = 5_000;

    public static readonly IReadOnlyList<Product> Products =
    [
        new(1, "Espresso beans 1 kg", 24.90m),
        new(2, "Pour-over kettle", 59.00m),
        new(3, "Ceramic dripper", 18.50m),
        new(4, "Paper filters, 100", 6.90m),
        new(5, "Burr grinder", 149.00m),
        new(6, "Milk jug", 14.00m),
        new(7, "Travel mug", 22.00m),
        new(8, "Cold brew bottle", 29.90m),
        new(9, "Scale with timer", 39.00m),
        new(10, "Tamper, 58 mm", 27.50m),
    ];

    public static Product? Find(int productId) => Products.FirstOrDefault(p => p.Id == productId);
}
