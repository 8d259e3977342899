using System.Buffers;
using System.IO.Pipelines;

namespace Streaming.Generators.Benchmarks.Serialization;

/// <summary>
/// A <see cref="PipeWriter"/> over a reused <see cref="IBufferWriter{T}"/> whose flushes complete at once, so a
/// serializer that writes to a pipe is measured writing into the same buffer as the others, with no socket behind.
/// </summary>
public sealed class BufferPipeWriter(IBufferWriter<byte> buffer) : PipeWriter
{
    private long _unflushed;

    public override bool CanGetUnflushedBytes => true;

    public override long UnflushedBytes => _unflushed;

    public override void Advance(int bytes)
    {
        buffer.Advance(bytes);
        _unflushed += bytes;
    }

    public override Memory<byte> GetMemory(int sizeHint = 0) => buffer.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => buffer.GetSpan(sizeHint);

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        _unflushed = 0;
        return ValueTask.FromResult(default(FlushResult));
    }

    public override void CancelPendingFlush()
    {
    }

    public override void Complete(Exception? exception = null)
    {
    }
}
