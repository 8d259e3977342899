using System;
using System.Buffers;
using System.Threading;
using Microsoft.AspNetCore.Http;

namespace Streaming;

/// <summary>
/// Frames the items of one streamed response in a wire format. One instance serves one response, so it may
/// keep per-response state (a reusable JSON writer, whether a separator is due).
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public abstract class StreamFormatter<T> : IHeartbeatFormat
{
    /// <summary>The <c>Content-Type</c> of the response.</summary>
    public abstract string ContentType { get; }

    /// <summary>Sets the content type and any headers the format needs; called before anything is written.</summary>
    public virtual void PrepareResponse(HttpResponse response) => response.ContentType = ContentType;

    /// <summary>Writes what comes before the first item (a JSON array's <c>[</c>, a CSV header row).</summary>
    public virtual void WriteStart(IBufferWriter<byte> output)
    {
    }

    /// <summary>Writes one item.</summary>
    public abstract void WriteItem(IBufferWriter<byte> output, T item);

    /// <summary>Writes what comes after the last item.</summary>
    public virtual void WriteEnd(IBufferWriter<byte> output)
    {
    }

    /// <summary>
    /// Writes a keep-alive record while the producer is idle, for formats that have one (an SSE comment).
    /// Returns <see langword="false"/> when the format has none.
    /// </summary>
    public virtual bool TryWriteHeartbeat(IBufferWriter<byte> output) => false;

    /// <summary>
    /// How long the producer may stay idle before <see cref="TryWriteHeartbeat"/> is called;
    /// <see cref="Timeout.InfiniteTimeSpan"/> (the default) for formats without a heartbeat. Read after
    /// <see cref="PrepareResponse"/>.
    /// </summary>
    public virtual TimeSpan HeartbeatInterval => Timeout.InfiniteTimeSpan;

    /// <summary>
    /// Writes an in-band failure record after the response has started, for formats that have one (an SSE
    /// <c>error</c> event). Returns <see langword="false"/> when the format has none, in which case the
    /// response is aborted so that no client mistakes it for a complete one.
    /// </summary>
    /// <param name="output">The response body.</param>
    /// <param name="exception">What failed.</param>
    /// <param name="includeDetails">Whether the exception message may be sent (Development only).</param>
    public virtual bool TryWriteFailure(IBufferWriter<byte> output, Exception exception, bool includeDetails) => false;
}
