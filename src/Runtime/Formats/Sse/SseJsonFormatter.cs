using System;
using System.Buffers;

namespace Streaming;

/// <summary>Server-Sent Events whose data is each item as JSON (as NDJSON writes it): <c>data: {…}</c>.</summary>
public sealed class SseJsonFormatter<T, TWriter> : SseStreamFormatter<T>
    where TWriter : IJsonItemWriter<T>
{
    /// <summary>Creates the formatter.</summary>
    /// <param name="heartbeatInterval">The idle time before a heartbeat comment; <see langword="null"/> for the application's option.</param>
    public SseJsonFormatter(TimeSpan? heartbeatInterval = null)
        : base(heartbeatInterval)
    {
    }

    /// <inheritdoc />
    protected override void WriteEvent(IBufferWriter<byte> output, T item)
    {
        // The JSON writer escapes every control character, so the JSON is one line.
        StartDataLine(output);
        JsonItemEncoder<T, TWriter>.Write(output, item, after: "\n"u8);
    }
}
