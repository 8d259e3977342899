using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace Streaming.Generators.IntegrationTests.Infrastructure;

/// <summary>A response body around a writer of the test's: for in-process tests that count what the write path allocates or calls.</summary>
/// <param name="writer">The writer the body hands out; by default a <see cref="SinkWriter"/>, which takes every flush at once.</param>
public sealed class SinkResponseBody(PipeWriter? writer = null) : IHttpResponseBodyFeature
{
    public Stream Stream => throw new NotSupportedException();

    public PipeWriter Writer { get; } = writer ?? new SinkWriter();

    public void DisableBuffering()
    {
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task CompleteAsync() => Task.CompletedTask;
}

/// <summary>A writer that hands out one buffer over and over, throws the bytes away and completes every flush at once.</summary>
/// <param name="bufferSize">The span every call gets, whatever it asks for: at least the largest item a test writes.</param>
public sealed class SinkWriter(int bufferSize = 64 * 1024) : PipeWriter
{
    private readonly byte[] _buffer = new byte[bufferSize];

    public override void Advance(int bytes)
    {
    }

    public override Memory<byte> GetMemory(int sizeHint = 0) => _buffer;

    public override Span<byte> GetSpan(int sizeHint = 0) => _buffer;

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => new(new FlushResult(false, false));

    public override void CancelPendingFlush()
    {
    }

    public override void Complete(Exception? exception = null)
    {
    }
}
