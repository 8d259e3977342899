using System;
using System.Buffers;
using System.Buffers.Text;
using System.Net.ServerSentEvents;
using System.Threading;
using Microsoft.AspNetCore.Http;

namespace Streaming;

/// <summary>
/// Server-Sent Events (<c>text/event-stream</c>): each item is one event, its data on <c>data:</c> lines and
/// a blank line after it. An idle stream sends a comment heartbeat; a failure after the first event sends an
/// <c>error</c> event and ends the stream.
/// </summary>
/// <remarks>
/// Nothing an item holds can start a field or an event of its own: text data is split at every line break
/// (LF, CRLF, CR) into <c>data:</c> lines, JSON never holds a raw line break, and an event type or id with a
/// line break is refused before anything of the event is written. So is one with NUL: parsers that follow the
/// specification ignore an id holding NUL, which would silently break resuming with <c>Last-Event-ID</c>.
/// </remarks>
public abstract class SseStreamFormatter<T> : StreamFormatter<T>
{
    private const string FailureMessage = "The stream failed on the server.";

    // The interval asked for, or once PrepareResponse has run, the one in force: every idle stream keeps its
    // formatter, so it holds one TimeSpan and flags rather than a nullable and a second TimeSpan.
    private TimeSpan _heartbeatInterval;
    private bool _heartbeatFromOptions;
    private bool _prepared;
    private bool _eventOpen;

    /// <summary>Creates the formatter.</summary>
    /// <param name="heartbeatInterval">How long the producer may stay idle before a heartbeat comment goes out;
    /// <see langword="null"/> for <see cref="StreamingOptions.SseHeartbeatInterval"/>,
    /// <see cref="Timeout.InfiniteTimeSpan"/> for none.</param>
    protected SseStreamFormatter(TimeSpan? heartbeatInterval)
    {
        _heartbeatInterval = heartbeatInterval.GetValueOrDefault();
        _heartbeatFromOptions = heartbeatInterval is null;
    }

    /// <inheritdoc />
    public override string ContentType => "text/event-stream";

    /// <inheritdoc />
    public override TimeSpan HeartbeatInterval => _prepared ? _heartbeatInterval : Timeout.InfiniteTimeSpan;

    /// <inheritdoc />
    public override void PrepareResponse(HttpResponse response)
    {
        base.PrepareResponse(response);
        response.Headers.CacheControl = "no-cache";
        // nginx and similar proxies buffer responses unless told not to; an event stream must not wait.
        response.Headers["X-Accel-Buffering"] = "no";
        if (_heartbeatFromOptions)
        {
            _heartbeatInterval = StreamingRuntime.For(response.HttpContext).Options.SseHeartbeatInterval;
        }

        _prepared = true;
    }

    /// <inheritdoc />
    public sealed override void WriteItem(IBufferWriter<byte> output, T item)
    {
        WriteEvent(output, item);
        output.Write("\n"u8);
        _eventOpen = false;
    }

    /// <inheritdoc />
    public override bool TryWriteHeartbeat(IBufferWriter<byte> output)
    {
        output.Write(": heartbeat\n\n"u8);
        return true;
    }

    /// <inheritdoc />
    public override bool TryWriteFailure(IBufferWriter<byte> output, Exception exception, bool includeDetails)
    {
        if (_eventOpen)
        {
            // Part of an event is already written and cannot be taken back: abort rather than complete it.
            return false;
        }

        output.Write("event: error\n"u8);
        WriteTextData(output, includeDetails ? exception.Message : FailureMessage);
        output.Write("\n"u8);
        _eventOpen = false;
        return true;
    }

    /// <summary>
    /// Writes the fields of one event with <see cref="WriteFields{TData}"/>, <see cref="WriteTextData"/> and
    /// <see cref="StartDataLine"/>, every line ended by LF; the blank line after it is written for you.
    /// </summary>
    protected abstract void WriteEvent(IBufferWriter<byte> output, T item);

    /// <summary>Writes <c>data: </c>; the caller writes a value without line breaks and LF.</summary>
    protected void StartDataLine(IBufferWriter<byte> output)
    {
        _eventOpen = true;
        output.Write("data: "u8);
    }

    /// <summary>Writes the <c>event:</c>, <c>id:</c> and <c>retry:</c> fields of <paramref name="item"/>.</summary>
    /// <exception cref="InvalidOperationException">The event type or id holds a line break or NUL; nothing is written,
    /// so the stream can still end with an <c>error</c> event.</exception>
    protected void WriteFields<TData>(IBufferWriter<byte> output, in SseItem<TData> item)
    {
        // SseItem<T> refuses line breaks itself, not NUL; checking again costs little and keeps a forged one out.
        var eventType = item.EventType;
        var eventId = item.EventId;
        if (IsUnsafeField(eventType) || IsUnsafeField(eventId))
        {
            throw new InvalidOperationException("An SSE event type or id cannot contain a line break or NUL.");
        }

        _eventOpen = true;

        // "message" is what a client assumes without an event field.
        if (!string.IsNullOrEmpty(eventType) && eventType != "message")
        {
            WriteLine(output, "event: "u8, eventType);
        }

        if (eventId is not null)
        {
            WriteLine(output, "id: "u8, eventId);
        }

        if (item.ReconnectionInterval is { } retry)
        {
            output.Write("retry: "u8);
            var span = output.GetSpan(20);
            Utf8Formatter.TryFormat((long)retry.TotalMilliseconds, span, out var written);
            output.Advance(written);
            output.Write("\n"u8);
        }
    }

    /// <summary>Writes <paramref name="text"/> as it is, one <c>data:</c> line per line of it (LF, CRLF and CR all end a line).</summary>
    protected void WriteTextData(IBufferWriter<byte> output, ReadOnlySpan<char> text)
    {
        _eventOpen = true;
        while (true)
        {
            var end = text.IndexOfAny('\r', '\n');
            WriteLine(output, "data: "u8, end < 0 ? text : text[..end]);
            if (end < 0)
            {
                return;
            }

            var crlf = text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n';
            text = text[(end + (crlf ? 2 : 1))..];
        }
    }

    private static void WriteLine(IBufferWriter<byte> output, ReadOnlySpan<byte> field, ReadOnlySpan<char> value)
    {
        output.Write(field);
        Utf8Text.Write(output, value);
        output.Write("\n"u8);
    }

    private static bool IsUnsafeField(string? text) => text is not null && text.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0;
}
