using System;
using System.Buffers;
using System.Net.ServerSentEvents;

namespace Streaming;

/// <summary>Server-Sent Events from <see cref="SseItem{T}"/>s: their <c>event:</c>, <c>id:</c> and <c>retry:</c>
/// fields, and their data as JSON.</summary>
public sealed class SseJsonItemFormatter<T, TWriter> : SseStreamFormatter<SseItem<T>>
    where TWriter : IJsonItemWriter<T>
{
    /// <summary>Creates the formatter.</summary>
    /// <param name="heartbeatInterval">The idle time before a heartbeat comment; <see langword="null"/> for the application's option.</param>
    public SseJsonItemFormatter(TimeSpan? heartbeatInterval = null)
        : base(heartbeatInterval)
    {
    }

    /// <inheritdoc />
    protected override void WriteEvent(IBufferWriter<byte> output, SseItem<T> item)
    {
        WriteFields(output, item);
        StartDataLine(output);
        JsonItemEncoder<T, TWriter>.Write(output, item.Data, after: "\n"u8);
    }
}
