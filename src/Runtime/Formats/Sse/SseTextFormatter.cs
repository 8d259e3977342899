using System;
using System.Buffers;

namespace Streaming;

/// <summary>Server-Sent Events whose data is each string as it is, one <c>data:</c> line per line of it.</summary>
public sealed class SseTextFormatter : SseStreamFormatter<string>
{
    /// <summary>Creates the formatter.</summary>
    /// <param name="heartbeatInterval">The idle time before a heartbeat comment; <see langword="null"/> for the application's option.</param>
    public SseTextFormatter(TimeSpan? heartbeatInterval = null)
        : base(heartbeatInterval)
    {
    }

    /// <inheritdoc />
    protected override void WriteEvent(IBufferWriter<byte> output, string item) => WriteTextData(output, item);
}
