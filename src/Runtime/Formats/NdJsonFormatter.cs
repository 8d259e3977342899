using System.Buffers;

namespace Streaming;

/// <summary>Newline-delimited JSON: each item's JSON followed by <c>\n</c>.</summary>
public sealed class NdJsonFormatter<T, TWriter> : JsonFormatter<T, TWriter>
    where TWriter : IJsonItemWriter<T>
{
    /// <inheritdoc />
    public override string ContentType => "application/x-ndjson";

    /// <inheritdoc />
    public override void WriteItem(IBufferWriter<byte> output, T item)
    {
        WriteJson(output, item, "\n"u8);
    }
}
