namespace Streaming;

/// <summary>The wire format of a streamed response.</summary>
public enum Format
{
    /// <summary>Newline-delimited JSON (<c>application/x-ndjson</c>): one JSON value per line.</summary>
    NdJson,

    /// <summary>A single JSON array (<c>application/json</c>) whose elements are written as they arrive.</summary>
    JsonArray,

    /// <summary>RFC 4180 CSV (<c>text/csv</c>) with a header row.</summary>
    Csv,

    /// <summary>Server-Sent Events (<c>text/event-stream</c>).</summary>
    Sse,

    /// <summary>Plain UTF-8 text (<c>text/plain</c>), each item written as it is.</summary>
    Text,
}
