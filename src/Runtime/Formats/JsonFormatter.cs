using System;
using System.Buffers;

namespace Streaming;

/// <summary>A formatter whose items are JSON values written by a generated <see cref="IJsonItemWriter{T}"/>.</summary>
public abstract class JsonFormatter<T, TWriter> : StreamFormatter<T>
    where TWriter : IJsonItemWriter<T>
{
    /// <summary>Writes <paramref name="item"/> as JSON, then <paramref name="after"/>, straight into <paramref name="output"/>.</summary>
    protected static void WriteJson(IBufferWriter<byte> output, T item, ReadOnlySpan<byte> after = default)
        => JsonItemEncoder<T, TWriter>.Write(output, item, after);
}
