using System;
using System.Buffers;
using System.Net.ServerSentEvents;

namespace Streaming;

/// <summary>Server-Sent Events from <see cref="SseItem{T}"/>s of text: their <c>event:</c>, <c>id:</c> and
/// <c>retry:</c> fields, and their data as it is, one <c>data:</c> line per line of it.</summary>
public sealed class SseTextItemFormatter : SseStreamFormatter<SseItem<string>>
{
    /// <summary>Creates the formatter.</summary>
    /// <param name="heartbeatInterval">The idle time before a heartbeat comment; <see langword="null"/> for the application's option.</param>
    public SseTextItemFormatter(TimeSpan? heartbeatInterval = null)
        : base(heartbeatInterval)
    {
    }

    /// <inheritdoc />
    protected override void WriteEvent(IBufferWriter<byte> output, SseItem<string> item)
    {
        WriteFields(output, item);
        WriteTextData(output, item.Data);
    }
}
