using System.Text.Json.Serialization;
using CsvHelper;

namespace Streaming.Generators.Benchmarks.Model;

/// <summary>
/// The element type of the JSON benchmarks: twelve members of the kinds a real row holds — text with and
/// without characters to escape, integer, decimal and floating-point numbers, a Guid, dates, an enum written
/// by name, a flag, a nested record and a short list.
/// </summary>
public sealed record Order(
    long Id,
    Guid Reference,
    string Customer,
    string? Note,
    decimal Total,
    double Weight,
    OrderStatus Status,
    DateTimeOffset PlacedAt,
    DateTime? ShippedAt,
    bool Gift,
    Address ShipTo,
    List<OrderLine> Lines);

public sealed record Address(string Street, string City, string PostalCode, string Country);

public sealed record OrderLine(string Sku, int Quantity, decimal UnitPrice);

[JsonConverter(typeof(JsonStringEnumConverter<OrderStatus>))]
public enum OrderStatus
{
    Pending,
    Paid,
    Shipped,
    Delivered,
    Cancelled,
}

/// <summary>
/// The element type of the CSV benchmarks: an <see cref="Order"/> flattened to twelve scalar columns, since
/// CSV has no place for a list. <c>[CsvRecord]</c> gives CsvHelper its own generated record writer.
/// </summary>
[CsvRecord]
public sealed partial record OrderRow(
    long Id,
    Guid Reference,
    string Customer,
    string? Note,
    decimal Total,
    double Weight,
    OrderStatus Status,
    DateTimeOffset PlacedAt,
    DateTime? ShippedAt,
    bool Gift,
    string City,
    string Country)
{
    public static OrderRow From(Order order) => new(
        order.Id, order.Reference, order.Customer, order.Note, order.Total, order.Weight, order.Status,
        order.PlacedAt, order.ShippedAt, order.Gift, order.ShipTo.City, order.ShipTo.Country);
}

/// <summary>An item that carries the moment it was yielded (a <see cref="System.Diagnostics.Stopwatch"/> timestamp),
/// so the client can tell how long it took to arrive.</summary>
public sealed record Tick(int Sequence, long YieldedAt);

/// <summary>The sample's order as its streams send it: four scalars, one object per item.</summary>
public sealed record SaleRow(long Id, int CustomerId, decimal Total, DateTime CreatedAt);
