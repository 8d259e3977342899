namespace Orders;

public enum OrderStatus
{
    Pending,
    Paid,
    Shipped,
    Delivered,
    Cancelled,
}

public sealed record Order(
    long Id,
    int CustomerId,
    string Product,
    int Quantity,
    decimal Total,
    OrderStatus Status,
    DateTime CreatedAt);
