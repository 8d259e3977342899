using System.Buffers;
using System.Text;
using Streaming.Generated.Streaming.Generators.IntegrationTests.Json.Types;
using Streaming.Generators.IntegrationTests.Infrastructure;
using Streaming.Generators.IntegrationTests.Json.Types;

namespace Streaming.Generators.IntegrationTests.Json;

/// <summary>
/// Per item, in steady state, the generated writers and the JSON formatters allocate nothing: 10 000 items of a
/// representative record (escaped and plain strings, numbers, dates, enums, a nested record, lists, a
/// dictionary) into a reused buffer, measured after a warm-up.
/// </summary>
[Collection(AllocationCollection.Name)]
public sealed class AllocationTests
{
    private const int Items = 10_000;

    private static readonly Shipment[] Shipments = Enumerable.Range(0, Items).Select(Shipment.Create).ToArray();

    [Fact]
    public void NdJson_writes_ten_thousand_items_with_zero_allocations()
    {
        var formatter = new NdJsonFormatter<Shipment, ShipmentJsonWriter>();
        var (allocated, written) = Measure(formatter);

        Assert.True(allocated == 0, $"Writing {Items} items allocated {allocated} bytes ({(double)allocated / Items:0.##} B/item).");
        Assert.Equal(Oracle.NdJson(Shipments), written);
    }

    [Fact]
    public void JsonArray_writes_ten_thousand_items_with_zero_allocations()
    {
        var formatter = new JsonArrayFormatter<Shipment, ShipmentJsonWriter>();
        var (allocated, written) = Measure(formatter, array: true);

        Assert.True(allocated == 0, $"Writing {Items} items allocated {allocated} bytes ({(double)allocated / Items:0.##} B/item).");
        Assert.Equal(Oracle.Json(Shipments.ToList()), written);
    }

    [Fact]
    public void Recursive_values_and_counters_as_strings_write_with_zero_allocations()
    {
        // Telemetry items within the depth limit: a recursive value, number handling, numbers as keys.
        var values = new Values(Differential.Seed);
        var spans = Enumerable.Range(0, Items / 10)
            .Select(_ => new SpanRecord { Name = values.String(), Attribute = AnyValue.Create(values), Counters = Counters.Create(values) })
            .Where(span => !Differential.Oracle(span).StartsWith("<throws", StringComparison.Ordinal))
            .ToArray();
        var formatter = new NdJsonFormatter<SpanRecord, SpanRecordJsonWriter>();
        var (allocated, written) = Measure(formatter, spans);

        Assert.True(allocated == 0, $"Writing {spans.Length} items allocated {allocated} bytes ({(double)allocated / spans.Length:0.##} B/item).");
        Assert.Equal(Oracle.NdJson(spans), written);
    }

    private static (long Allocated, string Written) Measure(StreamFormatter<Shipment> formatter, bool array = false) => Measure(formatter, Shipments, array);

    /// <summary>
    /// Writes the whole stream once (the warm-up, whose text is returned), then every item again into the same
    /// buffer, whose capacity the warm-up settled, counting what the quietest pass allocates.
    /// </summary>
    private static (long Allocated, string Written) Measure<T>(StreamFormatter<T> formatter, T[] items, bool array = false)
    {
        var buffer = new ArrayBufferWriter<byte>();
        if (array)
        {
            formatter.WriteStart(buffer);
        }

        WriteItems(formatter, items, buffer);
        if (array)
        {
            formatter.WriteEnd(buffer);
        }

        var written = Encoding.UTF8.GetString(buffer.WrittenSpan);
        var allocated = Allocations.QuietestPass(() =>
        {
            buffer.ResetWrittenCount();
            WriteItems(formatter, items, buffer);
        });

        return (allocated, written);
    }

    private static void WriteItems<T>(StreamFormatter<T> formatter, T[] items, ArrayBufferWriter<byte> buffer)
    {
        foreach (var item in items)
        {
            formatter.WriteItem(buffer, item);
        }
    }
}
