using System;
using System.Diagnostics;
using System.IO;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http.Features;

namespace Streaming;

/// <summary>
/// The response body as the endpoint sees it: the server's own, with every byte counted on its way through and the
/// moment of the first flush noted. Nothing is held back; each call goes straight to the server's writer or stream.
/// One instance serves one request at a time and is reused: <see cref="Watch"/> points it at a request's body,
/// <see cref="Clear"/> forgets it.
/// </summary>
internal sealed class WatchedResponseBody : PipeWriter, IHttpResponseBodyFeature
{
    private IHttpResponseBodyFeature _inner = null!;
    private PipeWriter? _writer;
    private CountingStream? _stream;

    public long Bytes { get; private set; }

    /// <summary>The <see cref="Stopwatch"/> timestamp at which the request was handed to the endpoint.</summary>
    public long Started { get; private set; }

    /// <summary>The <see cref="Stopwatch"/> timestamp of the first flush that had body bytes to send, or 0.</summary>
    public long FirstFlush { get; private set; }

    public bool SentFile { get; private set; }

    public void Watch(IHttpResponseBodyFeature inner)
    {
        _inner = inner;
        Started = Stopwatch.GetTimestamp();
    }

    public void Clear()
    {
        _inner = null!;
        _writer = null;
        Bytes = 0;
        Started = 0;
        FirstFlush = 0;
        SentFile = false;
    }

    /// <summary>
    /// The server's writer, fetched on first use and kept for the request. A serializer asks it for
    /// <see cref="UnflushedBytes"/> once per value (System.Text.Json: some 25 000 times for 300 KB), so each call
    /// is one field read and the server's own call, not a feature lookup.
    /// </summary>
    private PipeWriter Writer => _writer ?? FetchWriter();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private PipeWriter FetchWriter() => _writer = _inner.Writer;

    Stream IHttpResponseBodyFeature.Stream => _stream ??= new CountingStream(this);

    PipeWriter IHttpResponseBodyFeature.Writer => this;

    void IHttpResponseBodyFeature.DisableBuffering() => _inner.DisableBuffering();

    Task IHttpResponseBodyFeature.StartAsync(CancellationToken cancellationToken) => _inner.StartAsync(cancellationToken);

    Task IHttpResponseBodyFeature.SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken)
    {
        SentFile = true;
        return _inner.SendFileAsync(path, offset, count, cancellationToken);
    }

    Task IHttpResponseBodyFeature.CompleteAsync() => _inner.CompleteAsync();

    public override bool CanGetUnflushedBytes => Writer.CanGetUnflushedBytes;

    public override long UnflushedBytes => Writer.UnflushedBytes;

    public override Memory<byte> GetMemory(int sizeHint = 0) => Writer.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => Writer.GetSpan(sizeHint);

    // A write is a counter add; the clock is read at most once per request, at the first flush with bytes to send.
    public override void Advance(int bytes)
    {
        Bytes += bytes;
        Writer.Advance(bytes);
    }

    public override ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        Count(source.Length);
        return Writer.WriteAsync(source, cancellationToken);
    }

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        NoteFlush();
        return Writer.FlushAsync(cancellationToken);
    }

    public override void CancelPendingFlush() => Writer.CancelPendingFlush();

    public override void Complete(Exception? exception = null) => Writer.Complete(exception);

    public override ValueTask CompleteAsync(Exception? exception = null) => Writer.CompleteAsync(exception);

    private void NoteFlush()
    {
        if (FirstFlush == 0 && Bytes > 0)
        {
            FirstFlush = Stopwatch.GetTimestamp();
        }
    }

    private void Count(int bytes)
    {
        Bytes += bytes;
        NoteFlush();
    }

    /// <summary>The server's response stream, counted. A stream write goes out at once, so it counts as a flush.</summary>
    private sealed class CountingStream(WatchedResponseBody owner) : Stream
    {
        private Stream Inner => owner._inner.Stream;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => Inner.CanWrite;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            owner.Count(count);
            Inner.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            owner.Count(buffer.Length);
            Inner.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            owner.Count(count);
            return Inner.WriteAsync(buffer, offset, count, cancellationToken);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            owner.Count(buffer.Length);
            return Inner.WriteAsync(buffer, cancellationToken);
        }

        public override void Flush() => Inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => Inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
