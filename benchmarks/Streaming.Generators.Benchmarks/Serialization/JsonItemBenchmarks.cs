using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Streaming.Generated.Streaming.Generators.Benchmarks.Model;
using Streaming.Generators.Benchmarks.Model;

namespace Streaming.Generators.Benchmarks.Serialization;

/// <summary>
/// One NDJSON line per item into a reused buffer, five ways, each producing the same bytes (checked by
/// <c>verify</c>): our generated writer through the NDJSON formatter, a hand-written <see cref="Utf8JsonWriter"/>
/// writer, <see cref="JsonSerializer"/> with <see cref="JsonSerializerOptions.Web"/> (reflection metadata) and with
/// System.Text.Json's source-generated metadata, each reusing one <see cref="Utf8JsonWriter"/> reset per item and
/// ending the line with <c>\n</c> as a streamed response does; and System.Text.Json 11's own JSON Lines,
/// <c>SerializeAsyncEnumerable(PipeWriter, items, typeInfo, topLevelValues: true)</c>, over the same items into the
/// same buffer. Times and allocations are per item.
/// </summary>
[MemoryDiagnoser]
public class JsonItemBenchmarks
{
    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true };

    private readonly Order[] _orders = SampleData.Orders;
    private readonly ArrayBufferWriter<byte> _buffer = new(1024 * 1024);
    private readonly NdJsonFormatter<Order, OrderJsonWriter> _generated = new();
    private Utf8JsonWriter _writer = null!;

    private BufferPipeWriter _pipe = null!;

    [GlobalSetup]
    public void Setup()
    {
        _writer = new Utf8JsonWriter(_buffer, WriterOptions);
        _pipe = new BufferPipeWriter(_buffer);
    }

#pragma warning disable CS1998 // An iterator that never waits, like the producers of the end-to-end stage.
    private static async IAsyncEnumerable<Order> Items(Order[] orders)
#pragma warning restore CS1998
    {
        foreach (var order in orders)
        {
            yield return order;
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = SampleData.Count, Description = "Streaming.Generators (generated)")]
    public void Generated()
    {
        _buffer.ResetWrittenCount();
        foreach (var order in _orders)
        {
            _generated.WriteItem(_buffer, order);
        }
    }

    [Benchmark(OperationsPerInvoke = SampleData.Count, Description = "Hand-written Utf8JsonWriter")]
    public void HandWritten()
    {
        _buffer.ResetWrittenCount();
        foreach (var order in _orders)
        {
            _writer.Reset(_buffer);
            HandWrittenOrderWriter.Write(_writer, order);
            _writer.Flush();
            _buffer.Write("\n"u8);
        }
    }

    [Benchmark(OperationsPerInvoke = SampleData.Count, Description = "JsonSerializer, Web options (reflection)")]
    public void Reflection()
    {
        _buffer.ResetWrittenCount();
        foreach (var order in _orders)
        {
            _writer.Reset(_buffer);
            JsonSerializer.Serialize(_writer, order, JsonSerializerOptions.Web);
            _writer.Flush();
            _buffer.Write("\n"u8);
        }
    }

    [Benchmark(OperationsPerInvoke = SampleData.Count, Description = "JsonSerializer, STJ source-generated context")]
    public void SourceGenerated()
    {
        _buffer.ResetWrittenCount();
        foreach (var order in _orders)
        {
            _writer.Reset(_buffer);
            JsonSerializer.Serialize(_writer, order, BenchJsonContext.Default.Order);
            _writer.Flush();
            _buffer.Write("\n"u8);
        }
    }

    [Benchmark(OperationsPerInvoke = SampleData.Count, Description = "JsonSerializer.SerializeAsyncEnumerable, JSON Lines (STJ 11, source-generated context)")]
    public void JsonLines()
    {
        _buffer.ResetWrittenCount();
        var lines = JsonSerializer.SerializeAsyncEnumerable(_pipe, Items(_orders), BenchJsonContext.Default.Order, topLevelValues: true);
        if (!lines.IsCompletedSuccessfully)
        {
            // Nothing here waits: the items are there and every flush completes at once.
            throw new InvalidOperationException("SerializeAsyncEnumerable did not complete synchronously.", lines.Exception);
        }
    }

    /// <summary>The bytes one way writes for every sample item, for <c>verify</c>.</summary>
    public byte[] Output(Action run)
    {
        Setup();
        run();
        return _buffer.WrittenSpan.ToArray();
    }
}
