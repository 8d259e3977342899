using System.Buffers;

namespace Streaming;

/// <summary>Plain text (<c>text/plain; charset=utf-8</c>): each string's UTF-8 bytes as they are, nothing added.</summary>
public sealed class TextFormatter : StreamFormatter<string>
{
    /// <inheritdoc />
    public override string ContentType => "text/plain; charset=utf-8";

    /// <inheritdoc />
    public override void WriteItem(IBufferWriter<byte> output, string item) => Utf8Text.Write(output, item);
}
