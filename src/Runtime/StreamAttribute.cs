using System;

namespace Streaming;

/// <summary>
/// Marks a method that returns <c>IEnumerable&lt;T&gt;</c> or <c>IAsyncEnumerable&lt;T&gt;</c> as a streamed
/// HTTP endpoint. At build time a serializer for <c>T</c> and the endpoint wiring are generated; with a route,
/// <c>app.MapStreamEndpoints()</c> maps it.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class StreamAttribute : Attribute
{
    /// <summary>Streams in <paramref name="format"/> without a route; map it by hand with the generated <c>Map…</c> method.</summary>
    public StreamAttribute(Format format) => Format = format;

    /// <summary>Streams in <paramref name="format"/> at <paramref name="route"/>, a minimal-API route template.</summary>
    public StreamAttribute(Format format, string route)
    {
        Format = format;
        Route = route;
    }

    /// <summary>The wire format.</summary>
    public Format Format { get; }

    /// <summary>The route template, or <see langword="null"/> when the method is mapped by hand.</summary>
    public string? Route { get; }

    /// <summary>The HTTP method the endpoint answers; <c>GET</c> by default.</summary>
    public string Method { get; set; } = "GET";

    /// <summary>
    /// For <see cref="Format.Csv"/>: whether a text field that begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>,
    /// tab or CR gets a leading <c>'</c> so that spreadsheets do not evaluate it as a formula. On by default.
    /// </summary>
    public bool CsvInjectionGuard { get; set; } = true;

    /// <summary>For <see cref="Format.Csv"/>: the field separator, <c>,</c> by default (<c>;</c> suits spreadsheets
    /// in locales with a decimal comma). An ASCII character other than <c>"</c>, CR and LF.</summary>
    public char CsvDelimiter { get; set; } = ',';

    /// <summary>For <see cref="Format.Csv"/>: whether the body starts with the UTF-8 byte order mark, which some
    /// spreadsheet programs need to read the file as UTF-8. Off by default.</summary>
    public bool CsvByteOrderMark { get; set; }

    /// <summary>
    /// For <see cref="Format.Sse"/>: seconds the producer may stay idle before a heartbeat comment goes out.
    /// 0 (the default) uses <see cref="StreamingOptions.SseHeartbeatInterval"/>; a negative value turns
    /// heartbeats off for this endpoint.
    /// </summary>
    public int SseHeartbeatSeconds { get; set; }

    /// <summary>
    /// Flush every item on its own. When not set, <see cref="StreamingOptions.FlushEveryItem"/> applies
    /// (by default: flush when the producer makes the writer wait, and at the byte threshold).
    /// </summary>
    public bool FlushEveryItem { get; set; }

    /// <summary>
    /// Buffered bytes past which this endpoint flushes while its producer is still ready. When not set (or not
    /// positive), <see cref="StreamingOptions.FlushThresholdBytes"/> applies.
    /// </summary>
    public int FlushThresholdBytes { get; set; }

    /// <summary>
    /// For <see cref="Format.Sse"/>: whether the stream ends at once, cleanly, when the application begins to stop,
    /// so that its client reconnects to another instance. When not set, <see cref="StreamingOptions.SseEndOnShutdown"/>
    /// applies (on by default); <see langword="false"/> lets this stream finish within the host's shutdown timeout.
    /// </summary>
    public bool SseEndOnShutdown { get; set; }

    /// <summary>
    /// Whether the stream ends when the request's authentication ticket expires (SSE cleanly, other formats aborted).
    /// When not set, <see cref="StreamingOptions.CloseOnAuthenticationExpiration"/> applies (off by default).
    /// </summary>
    public bool CloseOnAuthenticationExpiration { get; set; }
}
