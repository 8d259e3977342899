namespace Streaming;

/// <summary>The names a <see cref="Format"/> goes by outside C#.</summary>
internal static class StreamFormats
{
    /// <summary>The response media type, without parameters.</summary>
    public static string MediaType(Format format) => format switch
    {
        Format.NdJson => "application/x-ndjson",
        Format.JsonArray => "application/json",
        Format.Csv => "text/csv",
        Format.Sse => "text/event-stream",
        Format.Text => "text/plain",
        _ => "application/octet-stream",
    };

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
