using System.Buffers;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using CsvHelper;
using nietras.SeparatedValues;
using Streaming.Generated.Streaming.Generators.Benchmarks.Model;
using Streaming.Generators.Benchmarks.Model;

namespace Streaming.Generators.Benchmarks.Serialization;

/// <summary>
/// CSV records for the same rows: our generated row writer through the CSV formatter into a reused buffer, and
/// CsvHelper 34 <c>WriteRecords</c> set up as well as it can be — its source-generated record writer
/// (<c>[CsvRecord]</c>, no reflection), UTF-8 straight into a reused <see cref="MemoryStream"/> with its default
/// 64 KiB buffer, one <see cref="CsvWriter"/> for the whole run and its defaults otherwise (among them no
/// formula-injection escaping, where ours guards by default); and Sep 0.17.1, writing each column of a row by
/// index, formatted as ours formats it (ISO 8601 dates, <c>true</c>/<c>false</c>, enum names, invariant numbers),
/// with its RFC 4180 escaping turned on (its default is off) and no injection guard, onto a reused
/// <see cref="MemoryStream"/> through one writer for the whole run. All write the header once, before the
/// measured rows. Times and allocations are per row.
/// </summary>
/// <remarks>
/// Sylvan.Data.Csv is not here: its writer takes a <c>DbDataReader</c>, and the adapter from objects to one
/// (Sylvan.Data) is not available to this build.
/// </remarks>
[MemoryDiagnoser]
public class CsvRowBenchmarks
{
    private readonly OrderRow[] _rows = SampleData.Rows;
    private readonly ArrayBufferWriter<byte> _buffer = new(1024 * 1024);
    private readonly CsvFormatter<OrderRow, OrderRowCsvWriter> _generated = new();
    private readonly MemoryStream _stream = new(1024 * 1024);
    private CsvWriter _csvHelper = null!;
    private readonly MemoryStream _sepStream = new(1024 * 1024);
    private SepWriter _sep = null!;

    [GlobalSetup]
    public void Setup()
    {
        _buffer.ResetWrittenCount();
        _generated.WriteStart(_buffer);

        _stream.SetLength(0);
        _csvHelper = CsvWriter.Create(_stream, CsvWriterOptions.Default, leaveOpen: true);
        _csvHelper.WriteHeader<OrderRow>();
        _csvHelper.Flush();

        _sepStream.SetLength(0);
        _sep = nietras.SeparatedValues.Sep.New(',').Writer(options => options with { Escape = true, CultureInfo = CultureInfo.InvariantCulture }).To(_sepStream, leaveOpen: true);
        _sep.Header.Add(SepColumns);
        _sep.Header.Write();
        _sep.Flush();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _csvHelper.Dispose();
        _sep.Dispose();
    }

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

    [Benchmark(OperationsPerInvoke = SampleData.Count, Description = "Sep 0.17.1 (escaping on)")]
    public void SepWrite()
    {
        _sepStream.SetLength(0);
        foreach (var row in _rows)
        {
            using var sepRow = _sep.NewRow();
            sepRow[0].Format(row.Id);
            sepRow[1].Format(row.Reference);
            sepRow[2].Set(row.Customer);
            sepRow[3].Set(row.Note);
            sepRow[4].Format(row.Total);
            sepRow[5].Format(row.Weight);
            sepRow[6].FormatEnum(row.Status);
            sepRow[7].Format(row.PlacedAt, "O");
            if (row.ShippedAt is { } shipped)
            {
                sepRow[8].Format(shipped, "O");
            }
            else
            {
                sepRow[8].Set(ReadOnlySpan<char>.Empty);
            }

            sepRow[9].Set(row.Gift ? "true" : "false");
            sepRow[10].Set(row.City);
            sepRow[11].Set(row.Country);
        }

        _sep.Flush();
    }

    private static readonly string[] SepColumns =
        ["Id", "Reference", "Customer", "Note", "Total", "Weight", "Status", "PlacedAt", "ShippedAt", "Gift", "City", "Country"];

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

    /// <summary>The header and every sample row as Sep writes them, for <c>verify</c>.</summary>
    public string SepText()
    {
        Setup();
        var header = Encoding.UTF8.GetString(_sepStream.ToArray());
        SepWrite();
        return header + Encoding.UTF8.GetString(_sepStream.ToArray());
    }
}
