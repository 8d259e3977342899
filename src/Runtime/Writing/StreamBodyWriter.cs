using System;
using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Streaming;

/// <summary>
/// The response body of one stream, as formatters see it. Until the first flush it holds the bytes itself, so
/// that a stream that fails before sending anything leaves no trace in the response and the application's
/// error handling (a 500 ProblemDetails, say) writes a clean body; from the first flush on it writes straight
/// into the server's <see cref="PipeWriter"/>. It counts the items and bytes each flush sends and reports them.
/// </summary>
/// <remarks>
/// Formatters ask for a span once or more per item. Kestrel's writer takes a lock on every <c>GetMemory</c> and
/// <c>Advance</c>, so this writer keeps the server's current buffer and hands out its free part, item after item,
/// and passes the bytes on (<c>Advance</c>) only when that buffer is full or at a flush: a few calls into the
/// server per 4 KiB block rather than per item.
/// </remarks>
internal sealed partial class StreamBodyWriter(PipeWriter output, StreamRequest request) : IBufferWriter<byte>
{
    private const int MinimumHeldCapacity = 4096;

    private readonly PipeWriter _output = output;
    private readonly StreamRequest _request = request;

    private byte[]? _held;
    private int _heldLength;

    // After the first flush: the server's buffer being filled, and how much of it is written but not yet passed on.
    private Memory<byte> _buffer;
    private int _buffered;

    /// <summary>Whether the response has been handed bytes (and so has started).</summary>
    public bool HasSent { get; private set; }

    public long UnflushedBytes { get; private set; }

    public long UnflushedItems { get; private set; }

    public long SentBytes { get; private set; }

    public long SentItems { get; private set; }

    public void ItemWritten() => UnflushedItems++;

    public void Advance(int count)
    {
        if (HasSent)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - _buffered);
            _buffered += count;
        }
        else
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(count, (_held?.Length ?? 0) - _heldLength);
            _heldLength += count;
        }

        UnflushedBytes += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => HasSent ? Reserve(sizeHint) : Hold(sizeHint);

    public Span<byte> GetSpan(int sizeHint = 0) => HasSent ? Reserve(sizeHint).Span : Hold(sizeHint).Span;

    /// <summary>Sends what is buffered; <see langword="false"/> when the client has gone away.</summary>
    /// <remarks>Completes without allocating when the server takes the bytes at once, as it does in steady state.</remarks>
    public ValueTask<bool> FlushAsync(CancellationToken cancellationToken)
    {
        if (HasSent)
        {
            PassOn();
        }
        else
        {
            SendHeld();
        }

        var flushing = _output.FlushAsync(cancellationToken);
        return flushing.IsCompletedSuccessfully ? new ValueTask<bool>(Flushed(flushing.Result)) : AwaitFlushAsync(flushing);
    }

    /// <summary>Drops what was never sent.</summary>
    public void Discard() => ReturnHeld();

    // When the server pushes back, the flush completes later: the await's state comes from a pool, not the heap.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> AwaitFlushAsync(ValueTask<FlushResult> flushing) => Flushed(await flushing);

    private bool Flushed(FlushResult result)
    {
        if (result.IsCompleted || result.IsCanceled)
        {
            return false;
        }

        StreamTelemetry.Sent(_request, UnflushedItems, UnflushedBytes);
        SentBytes += UnflushedBytes;
        SentItems += UnflushedItems;
        UnflushedBytes = 0;
        UnflushedItems = 0;
        return true;
    }

    /// <summary>The free part of the server's buffer, at least <paramref name="sizeHint"/> bytes; a new buffer when the current one is too full.</summary>
    private Memory<byte> Reserve(int sizeHint)
    {
        if (_buffer.Length - _buffered < Math.Max(sizeHint, 1))
        {
            PassOn();
            _buffer = _output.GetMemory(sizeHint);
        }

        return _buffer[_buffered..];
    }

    /// <summary>Passes what is written in the server's buffer on to the server, and lets go of the buffer.</summary>
    private void PassOn()
    {
        if (_buffered > 0)
        {
            _output.Advance(_buffered);
        }

        _buffer = default;
        _buffered = 0;
    }

    private void SendHeld()
    {
        HasSent = true;
        if (_heldLength > 0)
        {
            _output.Write(_held.AsSpan(0, _heldLength));
        }

        ReturnHeld();
    }

    private Memory<byte> Hold(int sizeHint)
    {
        var needed = _heldLength + Math.Max(sizeHint, 1);
        if (_held is null || _held.Length < needed)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, Math.Max(MinimumHeldCapacity, (_held?.Length ?? 0) * 2)));
            if (_held is not null)
            {
                _held.AsSpan(0, _heldLength).CopyTo(larger);
                ReturnHeld(keepLength: true);
            }

            _held = larger;
        }

        return _held.AsMemory(_heldLength);
    }

    private void ReturnHeld(bool keepLength = false)
    {
        if (_held is { } held)
        {
            _held = null;
            ArrayPool<byte>.Shared.Return(held);
        }

        if (!keepLength)
        {
            _heldLength = 0;
        }
    }
}
