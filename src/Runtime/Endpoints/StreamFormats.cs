namespace Streaming;

/// <summary>The names a <see cref="Format"/> goes by outside C#.</summary>
internal static class StreamFormats
{
    public const string NdJsonMediaType = "application/x-ndjson";

    /// <summary>JSON Lines: the name jsonlines.org and .NET's own libraries use for the same bytes as NDJSON.</summary>
    public const string JsonLinesMediaType = "application/jsonl";

    private static readonly string[] s_ndJson = [NdJsonMediaType, JsonLinesMediaType];

    /// <summary>The response media type, without parameters.</summary>
    public static string MediaType(Format format) => format switch
    {
        Format.NdJson => NdJsonMediaType,
        Format.JsonArray => "application/json",
        Format.Csv => "text/csv",
        Format.Sse => "text/event-stream",
        Format.Text => "text/plain",
        _ => "application/octet-stream",
    };

    /// <summary>Every response media type of <paramref name="format"/>, the default first, as the OpenAPI document lists them.</summary>
    public static string[] MediaTypes(Format format) => format == Format.NdJson ? s_ndJson : [MediaType(format)];

    /// <summary>The value of the <c>streaming.format</c> metric tag.</summary>
    public static string TagValue(Format format) => format switch
    {
        Format.NdJson => "ndjson",
        Format.JsonArray => "json_array",
        Format.Csv => "csv",
        Format.Sse => "sse",
        Format.Text => "text",
        _ => "unknown",
    };
}
