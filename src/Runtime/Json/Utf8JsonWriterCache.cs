using System;
using System.Buffers;
using System.Text.Json;

namespace Streaming;

/// <summary>
/// One <see cref="Utf8JsonWriter"/> per thread, lent to <see cref="JsonOutput"/> for the few values a generated
/// writer hands to System.Text.Json, so lending one allocates nothing after the first.
/// </summary>
internal static class Utf8JsonWriterCache
{
    // The serializer's own defaults: the default (HTML-safe) encoder, no indentation; the structure is ours.
    private static readonly JsonWriterOptions s_options = new() { SkipValidation = true };

    // Where a returned writer points, so it keeps no response's buffer alive.
    private static readonly IBufferWriter<byte> s_nowhere = new ArrayBufferWriter<byte>(1);

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static Utf8JsonWriter Rent(IBufferWriter<byte> output)
    {
        var writer = t_writer;
        if (writer is null)
        {
            return new Utf8JsonWriter(output, s_options);
        }

        // A value that writes another through the serializer on this thread gets a writer of its own.
        t_writer = null;
        writer.Reset(output);
        return writer;
    }

    public static void Return(Utf8JsonWriter writer)
    {
        writer.Reset(s_nowhere);
        t_writer = writer;
    }
}
