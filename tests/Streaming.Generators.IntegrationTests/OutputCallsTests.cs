using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Streaming.Generated.Streaming.Generators.IntegrationTests.Json.Types;
using Streaming.Generated.Streaming.Generators.IntegrationTests.Streams;
using Streaming.Generators.IntegrationTests.Infrastructure;
using Streaming.Generators.IntegrationTests.Json.Types;
using Shipment = Streaming.Generators.IntegrationTests.Json.Types.Shipment;
using Streaming.Generators.IntegrationTests.Streams;
using Xunit.Abstractions;

namespace Streaming.Generators.IntegrationTests;

/// <summary>
/// How often the writing path calls the writer under it. Kestrel's response writer takes a lock on every
/// <c>GetMemory</c> and <c>Advance</c>, so the per-item path asks a formatter's output for one span per JSON item
/// (an array's separator included), and the stream's body asks the server for a buffer per block, not per item.
/// </summary>
public sealed class OutputCallsTests(ITestOutputHelper output)
{
    private const int Items = 1_000;

    private static readonly Shipment[] Shipments = Enumerable.Range(0, Items).Select(Shipment.Create).ToArray();

    [Fact]
    public void An_ndjson_line_is_written_into_one_span()
    {
        var writer = new CountingBufferWriter();
        WriteItems(new NdJsonFormatter<Shipment, ShipmentJsonWriter>(), writer);

        Assert.Equal(Oracle.NdJson(Shipments), writer.Text);
        Assert.Equal(Items, writer.Spans);
    }

    [Fact]
    public void A_json_array_element_and_its_separator_are_written_into_one_span()
    {
        var formatter = new JsonArrayFormatter<Shipment, ShipmentJsonWriter>();
        var writer = new CountingBufferWriter();
        formatter.WriteStart(writer);
        var start = writer.Spans;
        WriteItems(formatter, writer);
        var items = writer.Spans - start;
        formatter.WriteEnd(writer);

        Assert.Equal(Oracle.Json(Shipments.ToList()), writer.Text);
        Assert.Equal(Items, items);
    }

    [Theory]
    [InlineData(Format.NdJson)]
    [InlineData(Format.Sse)]
    public async Task The_server_is_asked_for_a_buffer_per_block_not_per_item(Format format)
    {
        var server = new BlockWriter();
        var context = new DefaultHttpContext();
        context.Features.Set<IHttpResponseBodyFeature>(new SinkResponseBody(server));
        context.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(new StreamEndpointMetadata(format)), "calls test"));
        var items = Enumerable.Range(0, 10_000).Select(Reading.Create).ToArray();

        await (format == Format.Sse
            ? StreamResponse.WriteAsync(context, Produce(items), new SseJsonFormatter<Reading, ReadingJsonWriter>(Timeout.InfiniteTimeSpan))
            : StreamResponse.WriteAsync(context, Produce(items), new NdJsonFormatter<Reading, ReadingJsonWriter>()));

        output.WriteLine($"{items.Length:N0} items, {server.Bytes:N0} bytes in {server.Flushes} flushes: {server.Calls:N0} calls to GetMemory, GetSpan and Advance.");
        Assert.True(server.Bytes > items.Length * 100, $"Only {server.Bytes} bytes were written.");

        // A 4 KiB block is given up only when less than a JSON value's reserve (256 bytes) is left in it, so it
        // carries 3 840 bytes or more unless a flush ends it first: two calls for each such block or flush.
        var blocks = server.Bytes / 3_840 + server.Flushes + 1;
        Assert.InRange(server.Calls, 1, 2 * blocks);
    }

    private static async IAsyncEnumerable<Reading> Produce(Reading[] items)
    {
        await Task.CompletedTask;
        foreach (var item in items)
        {
            yield return item;
        }
    }

    private static void WriteItems(StreamFormatter<Shipment> formatter, IBufferWriter<byte> writer)
    {
        foreach (var shipment in Shipments)
        {
            formatter.WriteItem(writer, shipment);
        }
    }

    /// <summary>Counts the spans asked for; each is large enough for any item, so none is asked for twice.</summary>
    private sealed class CountingBufferWriter : IBufferWriter<byte>
    {
        private readonly ArrayBufferWriter<byte> _inner = new(8 * 1024 * 1024);

        public int Spans { get; private set; }

        public string Text => Encoding.UTF8.GetString(_inner.WrittenSpan);

        public void Advance(int count) => _inner.Advance(count);

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Spans++;
            return _inner.GetMemory(sizeHint);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Spans++;
            return _inner.GetSpan(sizeHint);
        }
    }

    /// <summary>A server writer that hands out 4 KiB blocks, as Kestrel's memory pool does, and counts the calls.</summary>
    private sealed class BlockWriter : PipeWriter
    {
        private readonly byte[] _block = new byte[4096];
        private int _used;

        public long Calls { get; private set; }

        public long Bytes { get; private set; }

        public int Flushes { get; private set; }

        public override void Advance(int bytes)
        {
            Calls++;
            _used += bytes;
            Bytes += bytes;
        }

        public override Memory<byte> GetMemory(int sizeHint = 0)
        {
            Calls++;
            if (_block.Length - _used < Math.Max(sizeHint, 1))
            {
                _used = 0;
            }

            return sizeHint > _block.Length ? new byte[sizeHint] : _block.AsMemory(_used);
        }

        public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            Flushes++;
            return new(new FlushResult(false, false));
        }

        public override void CancelPendingFlush()
        {
        }

        public override void Complete(Exception? exception = null)
        {
        }
    }
}
