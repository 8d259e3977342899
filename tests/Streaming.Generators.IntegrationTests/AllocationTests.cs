using System.Buffers;
using System.Net.ServerSentEvents;
using Streaming.Generated.Streaming.Generators.IntegrationTests.Streams;
using Streaming.Generators.IntegrationTests.Infrastructure;
using Streaming.Generators.IntegrationTests.Streams;

namespace Streaming.Generators.IntegrationTests;

/// <summary>In steady state, writing an item allocates nothing: 10 000 items into a reused buffer, after a warm-up.</summary>
[Collection(AllocationCollection.Name)]
public sealed class AllocationTests
{
    private const int Items = 10_000;

    [Fact]
    public void Csv_records_allocate_nothing()
    {
        var shipments = Enumerable.Range(0, Items).Select(i => Shipment.Create(11, i)).ToArray();

        AssertNoAllocations(new CsvFormatter<Shipment, ShipmentCsvWriter>(), shipments);
    }

    [Fact]
    public void Csv_records_with_spreadsheet_settings_allocate_nothing()
    {
        var shipments = Enumerable.Range(0, Items).Select(i => Shipment.Create(12, i)).ToArray();

        AssertNoAllocations(new CsvFormatter<Shipment, ShipmentCsvWriter>(';', injectionGuard: false, byteOrderMark: true), shipments);
    }

    [Fact]
    public void Sse_text_events_with_fields_allocate_nothing()
    {
        var events = Enumerable.Range(0, Items).Select(i => FuzzEvent.Create(13, i)).ToArray();

        AssertNoAllocations(new SseTextItemFormatter(), events);
    }

    [Fact]
    public void Sse_json_events_allocate_nothing()
    {
        var events = Enumerable.Range(0, Items).Select(SseStreams.ReadingItem).ToArray();

        AssertNoAllocations(new SseJsonItemFormatter<Reading, ReadingJsonWriter>(), events);
    }

    [Fact]
    public void Text_tokens_allocate_nothing()
    {
        var tokens = Enumerable.Range(0, Items).Select(i => TextStreams.Token(14, i)).ToArray();

        AssertNoAllocations(new TextFormatter(), tokens);
    }

    private static void AssertNoAllocations<T>(StreamFormatter<T> formatter, T[] items)
    {
        // Large enough that resetting it every half keeps any span the writers ask for within its capacity.
        var buffer = new ArrayBufferWriter<byte>(4 * 1024 * 1024);
        formatter.WriteStart(buffer);
        // The first pass runs every path once; the second lets the tiered JIT promote what the first made hot.
        WriteAll(formatter, items, buffer);
        WriteAll(formatter, items, buffer);

        var allocated = Allocations.QuietestPass(() => WriteAll(formatter, items, buffer));

        Assert.True(allocated == 0, $"Writing {items.Length} items allocated {allocated} bytes ({(double)allocated / items.Length:F1} per item) in the quietest of five passes.");
    }

    private static void WriteAll<T>(StreamFormatter<T> formatter, T[] items, ArrayBufferWriter<byte> buffer)
    {
        foreach (var item in items)
        {
            formatter.WriteItem(buffer, item);
            if (buffer.WrittenCount > 2 * 1024 * 1024)
            {
                buffer.ResetWrittenCount();
            }
        }
    }
}

/// <summary>Allocation tests run alone, after the others: a server busy on other threads keeps the tiered JIT
/// compiling, and its work would be counted on the measuring thread.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationCollection
{
    public const string Name = "Allocations";
}
