using System.Buffers;

namespace Streaming;

/// <summary>
/// RFC 4180 CSV (<c>text/csv; charset=utf-8</c>): a header row, then one record per item, every record ended
/// by CRLF. The columns and their text come from the generated <typeparamref name="TWriter"/>.
/// </summary>
public sealed class CsvFormatter<T, TWriter> : StreamFormatter<T>
    where TWriter : ICsvRowWriter<T>
{
    private readonly CsvDelimiter _delimiter;
    private readonly bool _injectionGuard;
    private readonly bool _byteOrderMark;

    /// <summary>Creates a formatter with per-endpoint settings.</summary>
    /// <param name="delimiter">The field separator: an ASCII character other than <c>"</c>, CR and LF.</param>
    /// <param name="injectionGuard">Whether text fields a spreadsheet would evaluate as a formula get a leading <c>'</c>.</param>
    /// <param name="byteOrderMark">Whether the body starts with the UTF-8 byte order mark, which some spreadsheet
    /// programs need to read the file as UTF-8.</param>
    public CsvFormatter(char delimiter = ',', bool injectionGuard = true, bool byteOrderMark = false)
    {
        _delimiter = CsvDelimiter.For(delimiter);
        _injectionGuard = injectionGuard;
        _byteOrderMark = byteOrderMark;
    }

    /// <inheritdoc />
    public override string ContentType => "text/csv; charset=utf-8";

    /// <inheritdoc />
    public override void WriteStart(IBufferWriter<byte> output)
    {
        if (_byteOrderMark)
        {
            output.Write("\uFEFF"u8);
        }

        var fields = new CsvFieldWriter(output, _delimiter, _injectionGuard);
        TWriter.WriteHeader(ref fields);
        fields.EndRecord();
    }

    /// <inheritdoc />
    public override void WriteItem(IBufferWriter<byte> output, T item)
    {
        var fields = new CsvFieldWriter(output, _delimiter, _injectionGuard);
        TWriter.WriteRow(ref fields, item);
        fields.EndRecord();
    }
}
