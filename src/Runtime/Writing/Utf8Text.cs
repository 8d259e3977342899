using System;
using System.Buffers;
using System.Text.Unicode;

namespace Streaming;

/// <summary>Transcodes UTF-16 text straight into a buffer writer's spans: no intermediate string or array.</summary>
internal static class Utf8Text
{
    // Large texts go out in pieces, so that a long string never asks the pipe for one huge span.
    private const int MaxChunkBytes = 16 * 1024;

    /// <summary>Writes <paramref name="text"/> as UTF-8; a lone surrogate becomes U+FFFD, as <c>Encoding.UTF8</c> does.</summary>
    public static void Write(IBufferWriter<byte> output, ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var destination = output.GetSpan(Math.Min((text.Length + 1) * 3, MaxChunkBytes));
            Utf8.FromUtf16(text, destination, out var read, out var written, replaceInvalidSequences: true, isFinalBlock: true);
            output.Advance(written);
            text = text[read..];
        }
    }
}
