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
    private static readonly JsonWriterOptions s_writerOptions = new() { SkipValidation = true };

    private Utf8JsonWriter? _json;

    /// <summary>Writes <paramref name="item"/> as JSON straight into <paramref name="output"/>.</summary>
    public void Write(IBufferWriter<byte> output, T item)
    {
        var json = _json;
        if (json is null)
        {
            _json = json = new Utf8JsonWriter(output, s_writerOptions);
        }
        else
        {
            json.Reset(output);
        }

        TWriter.Write(json, item);
        json.Flush();
    }
}
