namespace Streaming.Generators.Model;

/// <summary>What each item carries as its payload, which decides the formatter.</summary>
internal enum PayloadKind
{
    /// <summary>An object written by a generated writer (JSON or CSV).</summary>
    Object,

    /// <summary>A <c>string</c> written as text.</summary>
    String,

    /// <summary>A <c>ReadOnlyMemory&lt;char&gt;</c> written as text.</summary>
    CharMemory,
}

/// <summary>How the items of one stream are written, beyond their element type and writer.</summary>
/// <param name="Payload">What the payload is.</param>
/// <param name="SseItemData">For an element of type <c>SseItem&lt;T&gt;</c>, <c>T</c> (<c>global::</c>-qualified);
/// otherwise <see langword="null"/>.</param>
/// <param name="Options">The per-endpoint settings of the format.</param>
/// <param name="NullableItems">Whether the element type is annotated as nullable (<c>Order?</c>, <c>SseItem&lt;string?&gt;</c>).
/// The writers accept null, so such a stream is handed to the formatter of the type without annotations.</param>
internal sealed record ItemEncodingSpec(PayloadKind Payload, string? SseItemData, FormatOptionsSpec Options, bool NullableItems)
{
    public static readonly ItemEncodingSpec Default = new(PayloadKind.Object, null, FormatOptionsSpec.Default, false);
}

/// <summary>The per-endpoint format settings read from <c>[Stream(…)]</c>.</summary>
/// <param name="CsvDelimiter">The CSV field separator.</param>
/// <param name="CsvInjectionGuard">Whether CSV text fields that a spreadsheet would evaluate get a leading <c>'</c>.</param>
/// <param name="CsvByteOrderMark">Whether a CSV body starts with the UTF-8 byte order mark.</param>
/// <param name="SseHeartbeatSeconds">Seconds of idle before an SSE heartbeat; 0 for the application's option, negative for none.</param>
internal sealed record FormatOptionsSpec(char CsvDelimiter, bool CsvInjectionGuard, bool CsvByteOrderMark, int SseHeartbeatSeconds)
{
    public static readonly FormatOptionsSpec Default = new(',', true, false, 0);
}
