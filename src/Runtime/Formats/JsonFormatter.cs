using System;
using System.Buffers;

namespace Streaming;

/// <summary>A formatter whose items are JSON values written by a generated <see cref="IJsonItemWriter{T}"/>.</summary>
public abstract class JsonFormatter<T, TWriter> : StreamFormatter<T>
    where TWriter : IJsonItemWriter<T>
{
    private readonly int _depth;

    /// <summary>Creates the formatter.</summary>
    /// <param name="itemsInArray">Whether the items are the elements of one JSON array, which puts them one level deeper.</param>
    protected JsonFormatter(bool itemsInArray = false) => _depth = itemsInArray ? 1 : 0;

    /// <summary>Writes <paramref name="before"/>, <paramref name="item"/> as JSON, then <paramref name="after"/>, straight into <paramref name="output"/>.</summary>
    protected void WriteJson(IBufferWriter<byte> output, T item, ReadOnlySpan<byte> before = default, ReadOnlySpan<byte> after = default)
        => JsonItemEncoder<T, TWriter>.Write(output, item, before, after, _depth);
}
