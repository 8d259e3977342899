using System.Buffers;

namespace Streaming;

/// <summary>
/// One JSON array (<c>application/json</c>): <c>[</c> as soon as the response opens, the items separated by
/// <c>,</c>, and <c>]</c> after the last. The body is byte-for-byte what the serializer writes for the list of all
/// items, <c>[]</c> included. A failure after the first flush aborts the response, so a client never sees a
/// closed array that is missing items.
/// </summary>
public sealed class JsonArrayFormatter<T, TWriter> : JsonFormatter<T, TWriter>
    where TWriter : IJsonItemWriter<T>
{
    private bool _separatorDue;

    /// <summary>Creates the formatter.</summary>
    public JsonArrayFormatter()
        : base(itemsInArray: true)
    {
    }

    /// <inheritdoc />
    public override string ContentType => "application/json";

    /// <inheritdoc />
    public override void WriteStart(IBufferWriter<byte> output) => output.Write("["u8);

    /// <inheritdoc />
    public override void WriteItem(IBufferWriter<byte> output, T item)
    {
        // The separator goes into the item's span, so an element costs the output one span like an NDJSON line.
        WriteJson(output, item, before: _separatorDue ? ","u8 : default);
        _separatorDue = true;
    }

    /// <inheritdoc />
    public override void WriteEnd(IBufferWriter<byte> output) => output.Write("]"u8);
}
