using System;
using System.Diagnostics;
using System.IO;
using System.IO.Pipelines;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http.Features;

namespace Streaming;

/// <summary>
/// The response body as the endpoint sees it: the server's own, with every byte counted on its way through and the
/// moment of the first one noted. Nothing is held back; each call goes straight to the server's writer or stream.
/// </summary>
internal sealed class WatchedResponseBody(IHttpResponseBodyFeature inner) : PipeWriter, IHttpResponseBodyFeature
{
    private CountingStream? _stream;

    public long Bytes { get; private set; }

    /// <summary>The <see cref="Stopwatch"/> timestamp of the first body byte, or 0.</summary>
    public long FirstWrite { get; private set; }

    public bool SentFile { get; private set; }

    Stream IHttpResponseBodyFeature.Stream => _stream ??= new CountingStream(inner.Stream, this);

    PipeWriter IHttpResponseBodyFeature.Writer => this;

    void IHttpResponseBodyFeature.DisableBuffering() => inner.DisableBuffering();

    Task IHttpResponseBodyFeature.StartAsync(CancellationToken cancellationToken) => inner.StartAsync(cancellationToken);

    Task IHttpResponseBodyFeature.SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken)
    {
        SentFile = true;
        return inner.SendFileAsync(path, offset, count, cancellationToken);
    }

    Task IHttpResponseBodyFeature.CompleteAsync() => inner.CompleteAsync();

    public override bool CanGetUnflushedBytes => inner.Writer.CanGetUnflushedBytes;

    public override long UnflushedBytes => inner.Writer.UnflushedBytes;

    public override Memory<byte> GetMemory(int sizeHint = 0) => inner.Writer.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => inner.Writer.GetSpan(sizeHint);

    public override void Advance(int bytes)
    {
        Count(bytes);
        inner.Writer.Advance(bytes);
    }

    public override ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        Count(source.Length);
        return inner.Writer.WriteAsync(source, cancellationToken);
    }

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.Writer.FlushAsync(cancellationToken);

    public override void CancelPendingFlush() => inner.Writer.CancelPendingFlush();

    public override void Complete(Exception? exception = null) => inner.Writer.Complete(exception);

    public override ValueTask CompleteAsync(Exception? exception = null) => inner.Writer.CompleteAsync(exception);

    private void Count(int bytes)
    {
        if (bytes > 0 && FirstWrite == 0)
        {
            FirstWrite = Stopwatch.GetTimestamp();
        }

        Bytes += bytes;
    }

    /// <summary>The server's response stream, counted.</summary>
    private sealed class CountingStream(Stream inner, WatchedResponseBody owner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => inner.CanWrite;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            owner.Count(count);
            inner.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            owner.Count(buffer.Length);
            inner.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            owner.Count(count);
            return inner.WriteAsync(buffer, offset, count, cancellationToken);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            owner.Count(buffer.Length);
            return inner.WriteAsync(buffer, cancellationToken);
        }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
