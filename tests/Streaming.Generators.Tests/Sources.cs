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

/// <summary>A rich element type: every kind of value, the serializer's attributes, nesting, collections and a fallback.</summary>
internal static class RichSources
{
    public const string Catalog = """
        using System;
        using System.Collections.Generic;
        using System.Text.Json;
        using System.Text.Json.Nodes;
        using System.Text.Json.Serialization;
        using Streaming;

        namespace Catalog;

        [JsonConverter(typeof(JsonStringEnumConverter))]
        public enum Availability { InStock, Backorder, [JsonStringEnumMemberName("gone <for good>")] Discontinued }

        [Flags]
        public enum Tags { None = 0, New = 1, Sale = 2, Featured = 4, Promoted = New | Featured }

        public readonly record struct Price(decimal Amount, string Currency);

        public sealed record Supplier(string Name, Uri? Website);

        public abstract class Entity
        {
            public Guid Id { get; init; }

            public DateTimeOffset UpdatedAt { get; init; }
        }

        public sealed class Product : Entity
        {
            [JsonPropertyOrder(-1)]
            public string Sku { get; init; } = "";

            [JsonPropertyName("display_name")]
            public string? Name { get; init; }

            public Price Price { get; init; }

            public Price? WasPrice { get; init; }

            public Availability Availability { get; init; }

            [JsonConverter(typeof(JsonStringEnumConverter<Tags>))]
            public Tags Tags { get; init; }

            public Tags RawTags { get; init; }

            public char Grade { get; init; }

            public TimeSpan LeadTime { get; init; }

            public DateOnly ReleasedOn { get; init; }

            public byte[]? Thumbnail { get; init; }

            public Supplier? Supplier { get; init; }

            public List<string> Keywords { get; init; } = [];

            public IReadOnlyList<Price>? Tiers { get; init; }

            public Dictionary<string, int>? Stock { get; init; }

            public JsonElement Extra { get; init; }

            public JsonNode? Notes { get; init; }

            public object? Custom { get; init; }

            [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
            public string? Comment { get; init; }

            [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
            public int Rank { get; init; }

            [JsonIgnore]
            public string Internal { get; init; } = "";

            [JsonInclude]
            private int _revision;

            public void Revise() => _revision++;

            public int CountedField;
        }

        public static class CatalogStreams
        {
            [Stream(Format.JsonArray, "/products")]
            public static IEnumerable<Product> Products() => [];

            [Stream(Format.NdJson, "/skus")]
            public static async IAsyncEnumerable<string> Skus()
            {
                await System.Threading.Tasks.Task.Yield();
                yield return "sku-1";
            }
        }
        """;
}
