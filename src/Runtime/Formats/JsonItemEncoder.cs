using System.Buffers;
using System.Text.Json;

namespace Streaming;

/// <summary>
/// Writes items as JSON with a generated <see cref="IJsonItemWriter{T}"/>, reusing one
/// <see cref="Utf8JsonWriter"/> for the whole response.
/// </summary>
internal sealed class JsonItemEncoder<T, TWriter>
    where TWriter : IJsonItemWriter<T>
{
    // The serializer's own defaults: the default (HTML-safe) encoder, no indentation.
    private static readonly JsonWriterOptions s_itemOptions = new() { SkipValidation = true, MaxDepth = JsonDepth.Default };

    // Items of a JSON array sit one level inside it, where the serializer counts depth.
    private static readonly JsonWriterOptions s_arrayItemOptions = s_itemOptions with { MaxDepth = JsonDepth.Default - 1 };

    private readonly JsonWriterOptions _writerOptions;
    private Utf8JsonWriter? _json;

    /// <param name="inArray">Whether the items are the elements of one JSON array (<c>Format.JsonArray</c>).</param>
    public JsonItemEncoder(bool inArray = false) => _writerOptions = inArray ? s_arrayItemOptions : s_itemOptions;

    /// <summary>Writes <paramref name="item"/> as JSON straight into <paramref name="output"/>.</summary>
    public void Write(IBufferWriter<byte> output, T item)
    {
        var json = _json;
        if (json is null)
        {
            _json = json = new Utf8JsonWriter(output, _writerOptions);
        }
        else
        {
            json.Reset(output);
        }

        TWriter.Write(json, item);
        json.Flush();
    }
}
