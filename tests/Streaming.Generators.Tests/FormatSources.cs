namespace Streaming.Generators.Tests;

/// <summary>User code with a stream of every format the generator writes besides NDJSON.</summary>
internal static class FormatSources
{
    public const string Shop = """
        using System;
        using System.Collections.Generic;
        using System.Net.ServerSentEvents;
        using System.Text.Json.Serialization;
        using Microsoft.AspNetCore.Mvc;
        using Streaming;

        namespace Shop;

        public enum OrderStatus { Pending, Shipped, Delivered }

        public sealed record Address([property: CsvColumn("Street name")] string Street, string City, int? Floor);

        public record struct Money(decimal Amount, string Currency);

        public sealed record Customer(int Id, string Name, Address? Billing);

        public sealed record OrderEvent(int OrderId, OrderStatus Status, DateTimeOffset At);

        public sealed class Order
        {
            public int Id { get; init; }

            [CsvColumn("Customer name")]
            public string? CustomerName { get; init; }

            [CsvColumn(Format = "F2")]
            public decimal Total { get; init; }

            public Money Price { get; init; }

            public OrderStatus Status { get; init; }

            public OrderStatus? PreviousStatus { get; init; }

            public DateTimeOffset PlacedAt { get; init; }

            [CsvColumn(Format = "yyyy-MM-dd")]
            public DateTime DueOn { get; init; }

            public DateOnly? ShipOn { get; init; }

            public TimeOnly Slot { get; init; }

            public TimeSpan Duration { get; init; }

            public Guid Reference { get; init; }

            public bool Paid { get; init; }

            public char Grade { get; init; }

            public double? Weight { get; init; }

            public Customer? Customer { get; init; }

            [CsvColumn(Order = -1)]
            public long Sequence { get; init; }

            [CsvIgnore]
            public List<string> Lines { get; init; } = new();

            [JsonIgnore]
            public string Secret { get; init; } = "";
        }

        public static class OrderStreams
        {
            [Stream(Format.Csv, "/orders.csv")]
            public static IEnumerable<Order> Export() => [];

            [Stream(Format.Csv, "/orders-excel.csv", CsvDelimiter = ';', CsvInjectionGuard = false, CsvByteOrderMark = true)]
            public static IEnumerable<Order> ExportForSpreadsheets() => [];

            [Stream(Format.Sse, "/orders/live")]
            public static IAsyncEnumerable<OrderEvent> Live([FromHeader(Name = "Last-Event-ID")] string? lastEventId) => throw null!;

            [Stream(Format.Sse, "/orders/events", SseHeartbeatSeconds = 5)]
            public static IAsyncEnumerable<SseItem<OrderEvent>> Events([FromHeader(Name = "Last-Event-ID")] int? lastEventId) => throw null!;

            [Stream(Format.Sse, "/orders/messages", SseHeartbeatSeconds = -1)]
            public static IAsyncEnumerable<string> Messages() => throw null!;

            [Stream(Format.Sse, "/orders/named-messages")]
            public static IAsyncEnumerable<SseItem<string>> NamedMessages() => throw null!;

            [Stream(Format.Text, "/tokens")]
            public static IAsyncEnumerable<string> Tokens() => throw null!;

            [Stream(Format.Text, "/maybe-tokens")]
            public static IAsyncEnumerable<string?> MaybeTokens() => throw null!;

            [Stream(Format.Csv, "/maybe-orders.csv")]
            public static IEnumerable<Order?> MaybeOrders() => [];

            [Stream(Format.Text, "/chunks")]
            public static IEnumerable<ReadOnlyMemory<char>> Chunks() => [];
        }
        """;
}
