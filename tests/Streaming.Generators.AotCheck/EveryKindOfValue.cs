using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Streaming.Generators.AotCheck;

[JsonConverter(typeof(JsonStringEnumConverter<Stage>))]
public enum Stage { Draft, [JsonStringEnumMemberName("in review")] Review, Published }

[Flags]
public enum Marks { None = 0, Starred = 1, Pinned = 2 }

public readonly record struct Amount(decimal Value, string Currency);

public sealed record Author(string Name, Uri? Site);

public sealed class Upper : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString() ?? "";

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToUpperInvariant());
}

/// <summary>One member of every kind the generated writers handle, the serializer fallback (STRM008) included.</summary>
public sealed class Document
{
    public int Id { get; init; }
    public long Big { get; init; }
    public double Score { get; init; }
    public decimal Price { get; init; }
    public Half Ratio { get; init; }
    public Int128 Huge { get; init; }
    public char Initial { get; init; }
    public string Title { get; init; } = "";
    public bool Visible { get; init; }
    public DateTime Created { get; init; }
    public DateTimeOffset Updated { get; init; }
    public DateOnly Day { get; init; }
    public TimeOnly Time { get; init; }
    public TimeSpan Duration { get; init; }
    public Guid Key { get; init; }
    public Uri? Link { get; init; }
    public Version? Revision { get; init; }
    public byte[]? Thumbnail { get; init; }
    public Stage Stage { get; init; }
    public Marks Marks { get; init; }
    [JsonConverter(typeof(JsonStringEnumConverter))] public Marks? NamedMarks { get; init; }
    public Amount Total { get; init; }
    public Amount? Discount { get; init; }
    public Author? Author { get; init; }
    public List<Author> Coauthors { get; init; } = [];
    public IReadOnlyList<string>? Tags { get; init; }
    public IEnumerable<int>? Scores { get; init; }
    public Dictionary<string, int>? Counts { get; init; }
    public IReadOnlyDictionary<string, Amount?>? Prices { get; init; }
    public JsonElement Raw { get; init; }
    public JsonNode? Node { get; init; }
    public object? Anything { get; init; }
    [JsonConverter(typeof(Upper))] public string Code { get; init; } = "";
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public int Rank { get; init; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; init; }
    [JsonInclude] private int _secret;
    [JsonNumberHandling(JsonNumberHandling.WriteAsString)] public ulong Sent { get; init; }
    [JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)] public double? Mean { get; init; }
    public System.Collections.Immutable.ImmutableArray<int> Links { get; init; } = [];
    public Dictionary<int, string>? ByCode { get; init; }
    public IReadOnlyDictionary<Guid, long>? ByTrace { get; init; }
    public ReadOnlyMemory<byte> TraceId { get; init; }
    public Section? Contents { get; init; }
    [Obsolete("Kept for old clients.")] public string? Legacy { get; init; }

    public void Touch() => _secret++;
}

/// <summary>A recursive type: its writer checks the serializer's depth limit.</summary>
public sealed record Section(string Heading, List<Section> Children);

public static class DocumentStreams
{
    [Stream(Format.NdJson, "/documents")]
    public static IEnumerable<Document> Documents() => [];

    [Stream(Format.JsonArray, "/documents/array")]
    public static IAsyncEnumerable<Document?> DocumentArray() => AsyncEnumerable.Empty<Document?>();

    [Stream(Format.NdJson, "/titles")]
    public static IEnumerable<string> Titles() => [];

    [Stream(Format.JsonArray, "/counts")]
    public static IEnumerable<Dictionary<string, int?>> Counts() => [];
}
