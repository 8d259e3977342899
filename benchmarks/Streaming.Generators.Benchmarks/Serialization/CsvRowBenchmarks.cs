using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using CsvHelper;
using Streaming.Generated.Streaming.Generators.Benchmarks.Model;
using Streaming.Generators.Benchmarks.Model;

namespace Streaming.Generators.Benchmarks.Serialization;

/// <summary>
/// CSV records for the same rows: our generated row writer through the CSV formatter into a reused buffer, and
/// CsvHelper 34 <c>WriteRecords</c> set up as well as it can be — its source-generated record writer
/// (<c>[CsvRecord]</c>, no reflection), UTF-8 straight into a reused <see cref="MemoryStream"/> with its default
/// 64 KiB buffer, one <see cref="CsvWriter"/> for the whole run and its defaults otherwise (among them no
/// formula-injection escaping, where ours guards by default). Both write the header once, before the measured
/// rows. Times and allocations are per row.
/// </summary>
[MemoryDiagnoser]
public class CsvRowBenchmarks
{
    private readonly OrderRow[] _rows = SampleData.Rows;
    private readonly ArrayBufferWriter<byte> _buffer = new(1024 * 1024);
    private readonly CsvFormatter<OrderRow, OrderRowCsvWriter> _generated = new();
    private readonly MemoryStream _stream = new(1024 * 1024);
    private CsvWriter _csvHelper = null!;

    [GlobalSetup]
    public void Setup()
    {
        _buffer.ResetWrittenCount();
        _generated.WriteStart(_buffer);

        _stream.SetLength(0);
        _csvHelper = CsvWriter.Create(_stream, CsvWriterOptions.Default, leaveOpen: true);
        _csvHelper.WriteHeader<OrderRow>();
        _csvHelper.Flush();
    }

    [GlobalCleanup]
    public void Cleanup() => _csvHelper.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = SampleData.Count, Description = "Streaming.Generators (generated)")]
    public void Generated()
    {
        _buffer.ResetWrittenCount();
        foreach (var row in _rows)
        {
            _generated.WriteItem(_buffer, row);
        }
    }

    [Benchmark(OperationsPerInvoke = SampleData.Count, Description = "CsvHelper 34 WriteRecords (generated)")]
    public void CsvHelperWriteRecords()
    {
        _stream.SetLength(0);
        _csvHelper.WriteRecords(_rows);
        _csvHelper.Flush();
    }

    /// <summary>The header and every sample row as ours writes them, for <c>verify</c>.</summary>
    public string GeneratedText()
    {
        Setup();
        var header = Encoding.UTF8.GetString(_buffer.WrittenSpan);
        Generated();
        return header + Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    /// <summary>The header and every sample row as CsvHelper writes them, for <c>verify</c>.</summary>
    public string CsvHelperText()
    {
        Setup();
        var header = Encoding.UTF8.GetString(_stream.ToArray());
        CsvHelperWriteRecords();
        return header + Encoding.UTF8.GetString(_stream.ToArray());
    }
}
