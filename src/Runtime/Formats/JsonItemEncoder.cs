using System;
using System.Buffers;

namespace Streaming;

/// <summary>Writes an item as JSON with a generated <see cref="IJsonItemWriter{T}"/>, straight into the response's buffer.</summary>
internal static class JsonItemEncoder<T, TWriter>
    where TWriter : IJsonItemWriter<T>
{
    /// <summary>Writes <paramref name="item"/> as JSON, then <paramref name="after"/> (a line end), into <paramref name="output"/>.</summary>
    public static void Write(IBufferWriter<byte> output, T item, ReadOnlySpan<byte> after = default)
    {
        var json = new JsonOutput(output);
        TWriter.Write(ref json, item);
        json.WriteRaw(after);
        json.Commit();
    }
}
