using System;
using System.Buffers;

namespace Streaming;

/// <summary>Writes an item as JSON with a generated <see cref="IJsonItemWriter{T}"/>, straight into the response's buffer.</summary>
internal static class JsonItemEncoder<T, TWriter>
    where TWriter : IJsonItemWriter<T>
{
    /// <summary>
    /// Writes <paramref name="before"/> (a separator), <paramref name="item"/> as JSON, then <paramref name="after"/>
    /// (a line end) into <paramref name="output"/>: one span asked for and handed back for the whole item.
    /// </summary>
    /// <param name="output">Where the bytes go.</param>
    /// <param name="item">The item.</param>
    /// <param name="before">What precedes the item's JSON.</param>
    /// <param name="after">What follows the item's JSON.</param>
    /// <param name="depth">1 when the items are the elements of one JSON array (<c>Format.JsonArray</c>), where the serializer counts them one level deeper.</param>
    public static void Write(IBufferWriter<byte> output, T item, ReadOnlySpan<byte> before = default, ReadOnlySpan<byte> after = default, int depth = 0)
    {
        var json = new JsonOutput(output, depth);
        json.WriteRaw(before);
        TWriter.Write(ref json, item);
        json.WriteRaw(after);
        json.Commit();
    }
}
