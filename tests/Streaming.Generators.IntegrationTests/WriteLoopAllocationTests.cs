using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Streaming.Generated.Streaming.Generators.IntegrationTests.Streams;
using Streaming.Generators.IntegrationTests.Streams;
using Xunit.Abstractions;

namespace Streaming.Generators.IntegrationTests;

/// <summary>
/// The write loop allocates nothing per item once a stream is under way. The stream runs synchronously here
/// (a producer that never waits, a body that never pushes back), so this thread's allocation counter sees
/// everything it allocates.
/// </summary>
public sealed class WriteLoopAllocationTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_thousand_more_items_allocate_nothing_more(bool flushEveryItem)
    {
        var items = Enumerable.Range(0, 11_000).Select(Reading.Create).ToArray();

        var few = AllocatedWhileStreaming(items[..1_000], flushEveryItem);
        var many = AllocatedWhileStreaming(items, flushEveryItem);

        output.WriteLine($"1,000 items: {few} bytes allocated; 11,000 items: {many} bytes.");
        // The same fixed cost per stream; 10,000 more items add not even a byte each.
        Assert.InRange(many - few, long.MinValue, 10_000);
    }

    private static long AllocatedWhileStreaming(Reading[] items, bool flushEveryItem)
    {
        var context = new DefaultHttpContext();
        context.Features.Set<IHttpResponseBodyFeature>(new SinkBody());
        context.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(new StreamEndpointMetadata(Format.NdJson) { FlushEveryItem = flushEveryItem }), "allocation test"));
        var formatter = new NdJsonFormatter<Reading, ReadingJsonWriter>();
        var producer = Produce(items);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var writing = StreamResponse.WriteAsync(context, producer, formatter);
        var after = GC.GetAllocatedBytesForCurrentThread();

        Assert.True(writing.IsCompletedSuccessfully, "The stream did not run synchronously, so this thread did not see all of it.");
        return after - before;
    }

    private static async IAsyncEnumerable<Reading> Produce(Reading[] items)
    {
        await Task.CompletedTask;
        foreach (var item in items)
        {
            yield return item;
        }
    }

    /// <summary>A response body that takes every flush at once and keeps nothing.</summary>
    private sealed class SinkBody : IHttpResponseBodyFeature
    {
        public Stream Stream => throw new NotSupportedException();

        public PipeWriter Writer { get; } = new SinkWriter();

        public void DisableBuffering()
        {
        }

        public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task CompleteAsync() => Task.CompletedTask;
    }

    private sealed class SinkWriter : PipeWriter
    {
        private readonly byte[] _buffer = new byte[64 * 1024];

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
}
