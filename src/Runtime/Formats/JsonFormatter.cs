using System.Buffers;
using System.Text.Json;

namespace Streaming;

/// <summary>A formatter whose items are JSON values written by a generated <see cref="IJsonItemWriter{T}"/>.</summary>
public abstract class JsonFormatter<T, TWriter> : StreamFormatter<T>
    where TWriter : IJsonItemWriter<T>
{
    // The serializer's own defaults: the default (HTML-safe) encoder, no indentation.
    private static readonly JsonWriterOptions s_writerOptions = new() { SkipValidation = true };

    private Utf8JsonWriter? _json;

    /// <summary>Writes <paramref name="item"/> as JSON straight into <paramref name="output"/>.</summary>
    protected void WriteJson(IBufferWriter<byte> output, T item)
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
