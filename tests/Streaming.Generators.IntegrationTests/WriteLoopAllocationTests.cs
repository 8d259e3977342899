using System.IO.Pipelines;
using System.Threading.Tasks.Sources;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Streaming.Generated.Streaming.Generators.IntegrationTests.Streams;
using Streaming.Generators.IntegrationTests.Infrastructure;
using Streaming.Generators.IntegrationTests.Streams;
using Xunit.Abstractions;

namespace Streaming.Generators.IntegrationTests;

/// <summary>
/// The write loop allocates nothing per item once a stream is under way. Where the stream runs synchronously
/// (a producer that never waits, a body that never pushes back), this thread's allocation counter sees
/// everything; a producer that waits is measured over the whole process, so these tests run alone.
/// </summary>
[Collection(AllocationCollection.Name)]
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

    [Fact]
    public async Task Flushes_that_the_server_completes_later_allocate_nothing()
    {
        // Every item is flushed and every flush completes later, on the thread pool, as Kestrel's does when the
        // client reads slower than the producer writes: 10,000 more items are 10,000 more pending flushes.
        var items = Enumerable.Range(0, 11_000).Select(Reading.Create).ToArray();
        await AllocatedWhilePushedBackAsync(items);

        // The counter is the whole process's: the quietest of three runs of each leaves out other threads' work.
        long few = long.MaxValue, many = long.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            few = Math.Min(few, await AllocatedWhilePushedBackAsync(items[..1_000]));
            many = Math.Min(many, await AllocatedWhilePushedBackAsync(items));
        }

        output.WriteLine($"1,000 items, each flushed and each flush pending: {few} bytes allocated in the process; 11,000 items: {many} bytes.");
        Assert.InRange(many - few, long.MinValue, 10_000);
    }

    [Fact]
    public async Task Waiting_for_the_producer_costs_no_allocation_for_the_sse_heartbeat()
    {
        // The heartbeat is on (once a minute, so it never beats here) or off; the producer waits before every
        // item, so the loop hands the writer to the heartbeat and takes it back 10,000 times.
        var items = Enumerable.Range(0, 10_000).Select(Reading.Create).ToArray();
        await AllocatedWhileStreamingSseAsync(items, TimeSpan.FromMinutes(1));
        await AllocatedWhileStreamingSseAsync(items, Timeout.InfiniteTimeSpan);

        // The counter is the whole process's: the quietest of three runs of each leaves out other threads' work.
        long withHeartbeat = long.MaxValue, without = long.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            withHeartbeat = Math.Min(withHeartbeat, await AllocatedWhileStreamingSseAsync(items, TimeSpan.FromMinutes(1)));
            without = Math.Min(without, await AllocatedWhileStreamingSseAsync(items, Timeout.InfiniteTimeSpan));
        }

        output.WriteLine($"10,000 waiting items: {withHeartbeat} bytes allocated in the process with the heartbeat on, {without} with it off.");
        Assert.InRange(withHeartbeat - without, long.MinValue, 10_000);
    }

    private static async Task<long> AllocatedWhileStreamingSseAsync(Reading[] items, TimeSpan heartbeat)
    {
        var context = new DefaultHttpContext();
        context.Features.Set<IHttpResponseBodyFeature>(new SinkResponseBody());
        context.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(new StreamEndpointMetadata(Format.Sse)), "allocation test"));
        var formatter = new SseJsonFormatter<Reading, ReadingJsonWriter>(heartbeat);

        // On the thread pool, as under Kestrel.
        var before = GC.GetTotalAllocatedBytes(precise: true);
        await Task.Run(() => StreamResponse.WriteAsync(context, ProduceWaiting(items), formatter));
        return GC.GetTotalAllocatedBytes(precise: true) - before;
    }

    private static async Task<long> AllocatedWhilePushedBackAsync(Reading[] items)
    {
        var context = new DefaultHttpContext();
        context.Features.Set<IHttpResponseBodyFeature>(new SinkResponseBody(new PushbackWriter()));
        context.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(new StreamEndpointMetadata(Format.NdJson) { FlushEveryItem = true }), "allocation test"));
        var formatter = new NdJsonFormatter<Reading, ReadingJsonWriter>();

        var before = GC.GetTotalAllocatedBytes(precise: true);
        await Task.Run(() => StreamResponse.WriteAsync(context, Produce(items), formatter));
        return GC.GetTotalAllocatedBytes(precise: true) - before;
    }

    private static async IAsyncEnumerable<Reading> ProduceWaiting(Reading[] items)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }

    private static long AllocatedWhileStreaming(Reading[] items, bool flushEveryItem)
    {
        var context = new DefaultHttpContext();
        context.Features.Set<IHttpResponseBodyFeature>(new SinkResponseBody());
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

    /// <summary>
    /// Keeps nothing, and completes every flush later on the thread pool, as a server does while the client
    /// falls behind — through one reusable source and work item, so it allocates nothing itself.
    /// </summary>
    private sealed class PushbackWriter : PipeWriter, IValueTaskSource<FlushResult>, IThreadPoolWorkItem
    {
        private readonly byte[] _buffer = new byte[64 * 1024];
        private ManualResetValueTaskSourceCore<FlushResult> _flush;

        public override void Advance(int bytes)
        {
        }

        public override Memory<byte> GetMemory(int sizeHint = 0) => _buffer;

        public override Span<byte> GetSpan(int sizeHint = 0) => _buffer;

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            _flush.Reset();
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
            return new ValueTask<FlushResult>(this, _flush.Version);
        }

        public void Execute() => _flush.SetResult(new FlushResult(false, false));

        public FlushResult GetResult(short token) => _flush.GetResult(token);

        public ValueTaskSourceStatus GetStatus(short token) => _flush.GetStatus(token);

        public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
            => _flush.OnCompleted(continuation, state, token, flags);

        public override void CancelPendingFlush()
        {
        }

        public override void Complete(Exception? exception = null)
        {
        }
    }
}
