namespace Streaming.Generators.Benchmarks.Model;

/// <summary>Deterministic sample items: the same values on every run and in every benchmark.</summary>
public static class SampleData
{
    /// <summary>How many distinct items the benchmarks cycle through (a power of two).</summary>
    public const int Count = 1024;

    private static readonly string[] Customers =
    [
        "Ann Lee", "Bram Visser", "Zoë Müller", "O'Brien & Sons", "Chen Wei", "Fatima Zahra", "Jörg Ström", "Mia Rossi",
    ];

    // Half the notes need escaping in JSON (quotes, markup, a line break, non-ASCII) or quoting in CSV.
    private static readonly string?[] Notes =
    [
        null, "Leave at the door", "Ring twice, \"urgent\"", "<b>fragile</b> - handle with care",
        "Deliver after 5pm", "Second floor\nback entrance", "Gift wrap please", "Café terrace — side gate",
    ];

    private static readonly Address[] Addresses =
    [
        new("12 Harbour Street", "Rotterdam", "3011 AB", "NL"),
        new("Hauptstraße 5", "München", "80331", "DE"),
        new("221B Baker Street", "London", "NW1 6XE", "GB"),
        new("5 Rue de Rivoli", "Paris", "75001", "FR"),
    ];

    private static readonly string[] Skus = ["SKU-1001", "SKU-2002", "SKU-3003", "SKU-4004", "SKU-5005"];

    public static Order[] Orders { get; } = CreateOrders(Count);

    public static OrderRow[] Rows { get; } = Array.ConvertAll(Orders, OrderRow.From);

    private static Order[] CreateOrders(int count)
    {
        var random = new Random(20261121);
        var start = new DateTimeOffset(2026, 11, 21, 8, 30, 0, TimeSpan.FromHours(1));
        var orders = new Order[count];
        for (var i = 0; i < count; i++)
        {
            var lines = new List<OrderLine>();
            for (var l = 0; l < 1 + (i % 3); l++)
            {
                lines.Add(new OrderLine(Skus[random.Next(Skus.Length)], random.Next(1, 10), random.Next(100, 20_000) / 100m));
            }

            var placedAt = start.AddSeconds(i * 37.25);
            orders[i] = new Order(
                Id: 1_000_000 + i,
                Reference: new Guid(random.Next(), (short)random.Next(), (short)random.Next(), 1, 2, 3, 4, 5, 6, 7, (byte)i),
                Customer: Customers[i % Customers.Length],
                Note: Notes[(i / 3) % Notes.Length],
                Total: lines.Sum(line => line.Quantity * line.UnitPrice),
                Weight: Math.Round(random.NextDouble() * 20, 3),
                Status: (OrderStatus)(i % 5),
                PlacedAt: placedAt,
                ShippedAt: i % 4 == 0 ? null : placedAt.UtcDateTime.AddHours(20.5),
                Gift: i % 7 == 0,
                ShipTo: Addresses[i % Addresses.Length],
                Lines: lines);
        }

        return orders;
    }
}
