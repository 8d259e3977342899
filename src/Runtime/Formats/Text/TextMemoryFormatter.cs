using System;
using System.Buffers;

namespace Streaming;

/// <summary>Plain text (<c>text/plain; charset=utf-8</c>) from <see cref="ReadOnlyMemory{T}"/> chunks of characters,
/// each written as UTF-8 as it is.</summary>
public sealed class TextMemoryFormatter : StreamFormatter<ReadOnlyMemory<char>>
{
    /// <inheritdoc />
    public override string ContentType => "text/plain; charset=utf-8";

    /// <inheritdoc />
    public override void WriteItem(IBufferWriter<byte> output, ReadOnlyMemory<char> item) => Utf8Text.Write(output, item.Span);
}
