namespace Streaming.Generators.Tests;

/// <summary>Representative user code the generator tests run over.</summary>
internal static class Sources
{
    public const string Shop = """
        using System;
        using System.Collections.Generic;
        using System.Runtime.CompilerServices;
        using System.Text.Json.Serialization;
        using System.Threading;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Streaming;

        namespace Shop;

        public enum OrderStatus { Pending, Shipped, Delivered }

        public sealed record Order(
            int Id,
            string Customer,
            decimal Total,
            OrderStatus Status,
            DateTimeOffset PlacedAt,
            Guid Reference,
            long? Sequence,
            bool Paid)
        {
            [JsonPropertyName("note_text")]
            public string? Note { get; init; }

            [JsonIgnore]
            public string Secret { get; init; } = "";
        }

        public sealed class ShopDb
        {
        }

        public static class OrderStreams
        {
            [Stream(Format.NdJson, "/customers/{customerId:int}/orders", FlushEveryItem = true)]
            public static async IAsyncEnumerable<Order> ForCustomer(
                int customerId,
                OrderStatus? status,
                ShopDb db,
                [FromHeader(Name = "X-Tenant")] string tenant,
                [EnumeratorCancellation] CancellationToken cancellationToken,
                int page = 1,
                string? search = null)
            {
                await System.Threading.Tasks.Task.Yield();
                yield break;
            }
        }

        public sealed class ReportStreams(ShopDb db) : IDisposable
        {
            public ShopDb Db { get; } = db;

            [Stream(Format.NdJson, "/reports", Method = "POST", FlushThresholdBytes = 4096)]
            public IEnumerable<Order> Recent(HttpContext context, [FromBody] ReportFilter filter)
            {
                yield break;
            }

            [Stream(Format.NdJson)]
            public IEnumerable<Order> Unrouted() => Array.Empty<Order>();

            public void Dispose()
            {
            }
        }

        public sealed record ReportFilter(int Days);
        """;
}
