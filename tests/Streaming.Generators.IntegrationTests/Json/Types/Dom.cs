using System.Text.Json;
using System.Text.Json.Nodes;

namespace Streaming.Generators.IntegrationTests.Json.Types;

/// <summary>JSON already parsed: elements, documents and nodes are written as they are, escapes re-encoded.</summary>
public sealed class Dom
{
    private static readonly string[] Samples =
    [
        "{}", "[]", "null", "true", "0", "-1.5e300", "\"<tag> & \\u2028\"", "{\"A\":[1,2,{\"b\":null}],\"c\":\"é\"}",
        "[\"\\ud83d\\ude00\",\"\\u00e9\",1.0,1e2]", "{\"nested\":{\"deep\":[[[]]]}}",
    ];

    public JsonElement Element { get; set; }

    public JsonElement? MaybeElement { get; set; }

    public JsonDocument? Document { get; set; }

    public JsonNode? Node { get; set; }

    public JsonObject? Object { get; set; }

    public JsonArray? Array { get; set; }

    public static Dom Create(Values v) => new()
    {
        Element = JsonDocument.Parse(v.Pick(Samples)).RootElement,
        MaybeElement = v.Chance(30) ? null : JsonDocument.Parse(v.Pick(Samples)).RootElement,
        Document = v.OrNull(() => JsonDocument.Parse(v.Pick(Samples))),
        Node = v.Chance(20) ? null : v.Bool() ? JsonNode.Parse(v.Pick(Samples)) : JsonValue.Create(v.String()),
        Object = v.OrNull(() => new JsonObject { ["text"] = v.String(), ["number"] = v.Double(), ["list"] = new JsonArray(1, "two", null) }),
        Array = v.OrNull(() => new JsonArray(JsonValue.Create(v.DateTimeOffset()), JsonValue.Create(v.Decimal()), JsonValue.Create(v.Guid()))),
    };
}
