using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Threading.Tasks.Sources;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Streaming.Generated.Streaming.Generators.IntegrationTests.Streams;
using Streaming.Generators.IntegrationTests.Infrastructure;
using Streaming.Generators.IntegrationTests.Streams;
using Xunit.Abstractions;

namespace Streaming.Generators.IntegrationTests;

/// <summary>
/// What an idle SSE stream keeps of ours, in process, without a server's own per-connection objects: the
/// request's state, the write loop waiting on the producer, the heartbeat. And the one heartbeat timer, shared
/// by many idle streams, still beats each of them on time.
/// </summary>
[Collection(AllocationCollection.Name)]
public sealed class IdleStreamTests(ITestOutputHelper output)
{
    private const int Streams = 1_000;

    /// <summary>An application's services, with a lifetime whose stopping ends SSE streams, as in a real host.</summary>
    private static readonly Lazy<IServiceProvider> Services = new(NewApplication);

    [Fact]
    public async Task An_idle_sse_stream_keeps_one_state_machine_and_no_timer_of_its_own()
    {
        // A warm-up stream: first-use costs (statics, the timer, the JIT) are not per stream.
        await MeasureAsync(1);

        // The heap is the whole process's: the least of three runs leaves out other threads' work.
        long allocated = long.MaxValue, retained = long.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var (runAllocated, runRetained) = await MeasureAsync(Streams);
            allocated = Math.Min(allocated, runAllocated);
            retained = Math.Min(retained, runRetained);
        }

        output.WriteLine($"Per idle stream: {allocated / (double)Streams:F0} bytes allocated to open it, {retained / (double)Streams:F0} bytes kept while it idles.");
        // 864 bytes kept and 992 allocated: the write loop's state machine, the request and its own token, the body
        // writer with the heartbeat's state in it, and the headers it sets on this context (the formatter is made
        // before the measurement). With the heartbeat's state in an object of its own and the loop keeping the
        // context, the cancellation token, the heartbeat and the blocking producer in locals of its own, the same
        // streams kept 944 bytes and allocated 1 072, and more still with a shutdown registration or a timer of its
        // own per stream. The bounds leave 40 bytes for the runtime's own variation and fail all of those.
        Assert.InRange(retained / Streams, 0, 904);
        Assert.InRange(allocated / Streams, 0, 1_032);
    }

    [Fact]
    public async Task One_timer_beats_every_idle_stream_on_time()
    {
        var interval = TimeSpan.FromMilliseconds(200);
        var streams = Enumerable.Range(0, 300).Select(_ => new IdleStream(Services.Value, interval, new RecordingBody())).ToArray();
        var writing = streams.Select(s => Task.Run(s.WriteAsync)).ToArray();

        // Every stream sends its event, then a heartbeat each time it has been idle a whole interval.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (streams.Any(s => s.Recording.HeartbeatGaps.Count < 3) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        foreach (var stream in streams)
        {
            stream.Producer.End();
        }

        await Task.WhenAll(writing).WaitAsync(TimeSpan.FromSeconds(20));

        var gaps = streams.SelectMany(s => s.Recording.HeartbeatGaps).Order().ToArray();
        output.WriteLine($"{gaps.Length} gaps before a heartbeat, interval {interval.TotalMilliseconds} ms: min {gaps[0].TotalMilliseconds:F0} ms, median {gaps[gaps.Length / 2].TotalMilliseconds:F0} ms, max {gaps[^1].TotalMilliseconds:F0} ms.");
        Assert.All(streams, s => Assert.InRange(s.Recording.HeartbeatGaps.Count, 3, int.MaxValue));

        // Never before the stream has been idle a whole interval (less the clock's grain); on a quiet machine a few
        // milliseconds late, here with generous room for a busy one.
        Assert.InRange(gaps[0], interval - TimeSpan.FromMilliseconds(2), TimeSpan.MaxValue);
        Assert.InRange(gaps[gaps.Length / 2], interval, interval + TimeSpan.FromMilliseconds(500));

        // The event, then whole heartbeat comments, and the stream ends complete.
        Assert.All(streams, s => Assert.Matches($"^data: {{[^\n]*}}\n\n(: heartbeat\n\n){{{s.Recording.HeartbeatGaps.Count}}}$", s.Recording.Text));
    }

    /// <summary>Opens <paramref name="count"/> idle streams; returns the bytes allocated to open them and the bytes they keep, in all.</summary>
    /// <remarks>
    /// Each run is a fresh application whose first stream has already ended: the registrations of an earlier
    /// run's streams, given back to a shared token's free list, would otherwise hide those of this run.
    /// </remarks>
    private static async Task<(long Allocated, long Retained)> MeasureAsync(int count)
    {
        var application = NewApplication();
        var first = new IdleStream(application, TimeSpan.FromMinutes(1), new SinkResponseBody(new SinkWriter(4096)));
        var firstWriting = first.WriteAsync();
        first.Producer.End();
        await firstWriting;

        var streams = Enumerable.Range(0, count).Select(_ => new IdleStream(application, TimeSpan.FromMinutes(1), new SinkResponseBody(new SinkWriter(4096)))).ToArray();
        var writing = new Task[count];

        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < count; i++)
        {
            writing[i] = streams[i].WriteAsync();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var retained = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;

        Assert.All(writing, w => Assert.False(w.IsCompleted, "A stream did not wait for its producer."));
        foreach (var stream in streams)
        {
            stream.Producer.End();
        }

        await Task.WhenAll(writing);
        GC.KeepAlive(streams);
        return (allocated, retained);
    }

    private static IServiceProvider NewApplication() => new ServiceCollection()
        .AddStreaming()
        .AddSingleton<IHostApplicationLifetime, Lifetime>()
        .BuildServiceProvider();

    /// <summary>One request, set up before it is measured: its context, formatter, producer and body.</summary>
    private sealed class IdleStream
    {
        private readonly HttpContext _context;
        private readonly SseJsonFormatter<Reading, ReadingJsonWriter> _formatter;

        public IdleStream(IServiceProvider services, TimeSpan heartbeat, IHttpResponseBodyFeature body)
        {
            _context = new DefaultHttpContext { RequestServices = services };
            _context.Features.Set(body);
            _context.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(new StreamEndpointMetadata(Format.Sse)), "idle test"));
            _formatter = new SseJsonFormatter<Reading, ReadingJsonWriter>(heartbeat);
        }

        public OneThenIdle Producer { get; } = new(Reading.Create(1));

        public RecordingBody Recording => (RecordingBody)_context.Features.Get<IHttpResponseBodyFeature>()!;

        public Task WriteAsync() => StreamResponse.WriteAsync(_context, Producer, _formatter);
    }

    /// <summary>One item at once, then a wait that ends only with <see cref="End"/>; allocates nothing once created.</summary>
    private sealed class OneThenIdle(Reading item) : IAsyncEnumerable<Reading>, IAsyncEnumerator<Reading>, IValueTaskSource<bool>
    {
        private ManualResetValueTaskSourceCore<bool> _waiting = new() { RunContinuationsAsynchronously = true };
        private int _moves;

        public Reading Current => item;

        public IAsyncEnumerator<Reading> GetAsyncEnumerator(CancellationToken cancellationToken = default) => this;

        public ValueTask<bool> MoveNextAsync() => ++_moves == 1 ? new(true) : new(this, _waiting.Version);

        public void End() => _waiting.SetResult(false);

        public ValueTask DisposeAsync() => default;

        public bool GetResult(short token) => _waiting.GetResult(token);

        public ValueTaskSourceStatus GetStatus(short token) => _waiting.GetStatus(token);

        public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
            => _waiting.OnCompleted(continuation, state, token, flags);
    }

    /// <summary>A response body that keeps the bytes of each flush and when each heartbeat was flushed.</summary>
    private sealed class RecordingBody : PipeWriter, IHttpResponseBodyFeature
    {
        private readonly ArrayBufferWriter<byte> _pending = new();
        private readonly StringBuilder _text = new();
        private long _lastFlush = System.Diagnostics.Stopwatch.GetTimestamp();
        private readonly List<TimeSpan> _gaps = [];

        /// <summary>For each heartbeat, the time since the flush before it.</summary>
        public List<TimeSpan> HeartbeatGaps
        {
            get
            {
                lock (_text)
                {
                    return [.. _gaps];
                }
            }
        }

        public string Text
        {
            get
            {
                lock (_text)
                {
                    return _text.ToString();
                }
            }
        }

        public Stream Stream => throw new NotSupportedException();

        public PipeWriter Writer => this;

        public override void Advance(int bytes) => _pending.Advance(bytes);

        public override Memory<byte> GetMemory(int sizeHint = 0) => _pending.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => _pending.GetSpan(sizeHint);

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            lock (_text)
            {
                var now = System.Diagnostics.Stopwatch.GetTimestamp();
                var text = Encoding.UTF8.GetString(_pending.WrittenSpan);
                _pending.ResetWrittenCount();
                if (text == ": heartbeat\n\n")
                {
                    _gaps.Add(System.Diagnostics.Stopwatch.GetElapsedTime(_lastFlush, now));
                }

                if (text.Length > 0)
                {
                    _lastFlush = now;
                }

                _text.Append(text);
            }

            return new(new FlushResult(false, false));
        }

        public override void CancelPendingFlush()
        {
        }

        public override void Complete(Exception? exception = null)
        {
        }

        public void DisableBuffering()
        {
        }

        public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task CompleteAsync() => Task.CompletedTask;
    }

    private sealed class Lifetime : IHostApplicationLifetime
    {
        private readonly CancellationTokenSource _stopping = new();

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => _stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => _stopping.Cancel();
    }
}
