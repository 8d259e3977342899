namespace Streaming.Generators.Tests;

/// <summary>Model shapes taken from real projects that the writers must take as they are.</summary>
internal static class ModelSources
{
    /// <summary>
    /// A telemetry model: a recursive "any value", 64-bit counters written as strings, a paging wrapper over two
    /// types of one name, an obsolete member and an obsolete type with its own diagnostic id, dictionaries keyed
    /// by numbers and Guids, immutable arrays and raw bytes.
    /// </summary>
    public const string Telemetry = """
        using System;
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using System.Text.Json.Serialization;
        using Streaming;

        namespace Telemetry
        {
            public sealed class AnyValue
            {
                public string? StringValue { get; set; }
                public double? DoubleValue { get; set; }
                public ArrayValue? ArrayValue { get; set; }
                public Dictionary<string, AnyValue>? KvlistValue { get; set; }
            }

            public sealed class ArrayValue
            {
                public List<AnyValue> Values { get; set; } = [];
            }

            [JsonNumberHandling(JsonNumberHandling.WriteAsString)]
            public sealed class Counters
            {
                public long Sent { get; set; }
                public ulong? Dropped { get; set; }
                public List<long> Buckets { get; set; } = [];
                [JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
                public double Ratio { get; set; }
                public Half Small { get; set; }
            }

            [Obsolete("Use Span.", DiagnosticId = "TEL0001")]
            public sealed class LegacySpan
            {
                public string Name { get; set; } = "";
            }

            public sealed class Span
            {
                public string Name { get; set; } = "";
                [Obsolete]
                public int OldKind { get; set; }
        #pragma warning disable TEL0001
                public LegacySpan? Legacy { get; set; }
        #pragma warning restore TEL0001
                public AnyValue? Attribute { get; set; }
                public Counters Counters { get; set; } = new();
                public ImmutableArray<int> Links { get; set; } = [];
                public Dictionary<int, string> ByCode { get; set; } = [];
                public IReadOnlyDictionary<Guid, long>? ByTrace { get; set; }
                public ReadOnlyMemory<byte> TraceId { get; set; }
                public Uri? Endpoint { get; set; }
                public Version? SdkVersion { get; set; }
            }
        }

        namespace Shop.Catalog
        {
            public sealed record Item(int Id, string Name);
        }

        namespace Shop.Admin
        {
            public sealed record Item(Guid Key, bool Hidden);
        }

        namespace Shop
        {
            public sealed record Page<T>(int Number, List<T> Items, T? First);

            public sealed record Row(int Id, Uri? Link, Version? Version, byte[]? Hash, ReadOnlyMemory<byte> Signature, [property: Obsolete] int Old);
        }

        namespace Telemetry
        {
            public static class TelemetryStreams
            {
                [Stream(Format.NdJson, "/spans")]
                public static IEnumerable<Span> Spans() => [];

                [Stream(Format.JsonArray, "/values")]
                public static IEnumerable<AnyValue> Values() => [];

                [Stream(Format.NdJson, "/catalog")]
                public static IEnumerable<Shop.Page<Shop.Catalog.Item>> CatalogPages() => [];

                [Stream(Format.NdJson, "/admin")]
                public static IEnumerable<Shop.Page<Shop.Admin.Item>> AdminPages() => [];

                [Stream(Format.Csv, "/catalog.csv")]
                public static IEnumerable<Shop.Catalog.Item> CatalogCsv() => [];

                [Stream(Format.Csv, "/admin.csv")]
                public static IEnumerable<Shop.Admin.Item> AdminCsv() => [];

                [Stream(Format.Csv, "/rows.csv")]
                public static IEnumerable<Shop.Row> RowsCsv() => [];

        #pragma warning disable TEL0001
                [Obsolete("Stream spans.", DiagnosticId = "TEL0002")]
                [Stream(Format.NdJson, "/legacy")]
                public static IEnumerable<LegacySpan> Legacy() => [];
        #pragma warning restore TEL0001
            }
        }
        """;
}
