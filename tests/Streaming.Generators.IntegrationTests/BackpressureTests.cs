using System.Diagnostics;
using Streaming.Generators.IntegrationTests.Infrastructure;
using Streaming.Generators.IntegrationTests.Streams;
using Xunit.Abstractions;

namespace Streaming.Generators.IntegrationTests;

/// <summary>
/// A client that stops reading stops the producer: the server's flush waits on the connection (Kestrel's
/// response buffer, then TCP or HTTP/2 flow control), and the write loop does not ask for the next item
/// until it returns. What is produced while the reader is blocked stays bounded, and so does server memory.
/// </summary>
[Collection(MeasurementCollection.Name)]
public sealed class BackpressureTests(StreamingServer server, ITestOutputHelper output) : IClassFixture<StreamingServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Blocked = TimeSpan.FromSeconds(2);
    private static readonly long ItemBytes = Oracle.Json(Reading.Create(1000)).Length + 1;

    [Theory]
    [MemberData(nameof(Protocols.Both), MemberType = typeof(Protocols))]
    public async Task A_reader_that_stops_reading_pauses_the_producer(string protocol)
    {
        var (run, probe) = server.Probes.Create();
        using var client = server.CreateClient(protocol);
        using var response = await client.GetAsync($"/endless/{run}", HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience);
        var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[4096];

        // Read a little, then stop: the producer runs until the buffers between it and the reader are full.
        long read = 0;
        while (read < 64 * 1024)
        {
            read += await body.ReadAsync(buffer).AsTask().WaitAsync(Patience);
        }

        var memoryBefore = HeapBytesAfterFullCollection();
        await Task.Delay(Settle);
        var producedAfterSettling = probe.Produced;
        await Task.Delay(Blocked);
        var producedAfterBlocking = probe.Produced;
        var memoryAfter = HeapBytesAfterFullCollection();

        var inFlight = (producedAfterBlocking * ItemBytes) - read;
        output.WriteLine(
            $"HTTP/{protocol}: the reader read {read / 1024} KiB and stopped. The producer made {producedAfterSettling} items in the first {Settle.TotalSeconds:F0} s " +
            $"and {producedAfterBlocking - producedAfterSettling} in the next {Blocked.TotalSeconds:F0} s; about {inFlight / 1024} KiB ({inFlight / ItemBytes} items of ~{ItemBytes} B) " +
            $"were produced and not read. Managed heap after a full GC: {memoryBefore / 1024} KiB when the reader stopped, {memoryAfter / 1024} KiB {Blocked.TotalSeconds:F0} s later.");

        Assert.Equal(producedAfterSettling, producedAfterBlocking);
        // Bounded by the socket and flow-control buffers (a few MiB on loopback), not by time or the stream's length.
        Assert.InRange(inFlight, 0, 16L * 1024 * 1024);
        Assert.InRange(memoryAfter - memoryBefore, long.MinValue, 4L * 1024 * 1024);

        // Reading again lets the producer go on.
        var resumedFrom = probe.Produced;
        var deadline = Stopwatch.StartNew();
        while (probe.Produced == resumedFrom && deadline.Elapsed < Patience)
        {
            await body.ReadAsync(buffer).AsTask().WaitAsync(Patience);
        }

        Assert.True(probe.Produced > resumedFrom, "The producer did not resume when the reader read again.");
    }

    /// <summary>The managed heap of this process (server and client), after a full blocking collection.</summary>
    private static long HeapBytesAfterFullCollection()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetGCMemoryInfo(GCKind.FullBlocking).HeapSizeBytes;
    }
}
