using System.Text.Json.Serialization;

namespace Orders;

[JsonConverter(typeof(JsonStringEnumConverter<OrderStatus>))]
public enum OrderStatus
{
    Pending,
    Paid,
    Shipped,
    Delivered,
    Cancelled,
}

/// <summary>An order as the streams send it: flat, so every format (JSON, CSV) can write it.</summary>
public sealed record Order(
    long Id,
    int CustomerId,
    string Product,
    int Quantity,
    decimal Total,
    OrderStatus Status,
    DateTime CreatedAt);

/// <summary>What a client sends to place an order.</summary>
public sealed record NewOrder(int CustomerId, int ProductId, int Quantity);
