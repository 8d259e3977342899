using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Streaming.Generators.IntegrationTests.Streams;

namespace Streaming.Generators.IntegrationTests.Infrastructure;

/// <summary>Reads CSV back with CsvHelper, an independent RFC 4180 parser, and spells out what each column must hold.</summary>
public static class CsvReading
{
    public static readonly string[] ShipmentHeader =
    [
        "Id", "Label", "Note", "Mark", "Insured", "Priority", "Zone", "Tracking", "Barcode", "Weight", "Volume", "Value",
        "Discount", "Ratio", "Serial", "ShippedAt", "PromisedBy", "Day", "Slot", "Transit", "Reference", "Carrier", "Backup",
        "Handling", "To.Street", "To.City", "To.Floor", "Declared value",
    ];

    /// <summary>
    /// The header and the fields of every record, read by CsvHelper from the UTF-8 bytes (strict: malformed
    /// quoting and a changing field count throw). Also checks that every record, the header included, ends
    /// with CRLF.
    /// </summary>
    public static (IReadOnlyList<string> Header, List<string[]> Records) Parse(byte[] body, char separator = ',')
    {
        var options = CsvReaderOptions.Default with
        {
            Separator = separator,
            SkipEmptyLines = false,
            TrimWhitespace = false,
            DetectSeparatorHint = false,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Throw,
        };
        using var reader = CsvReader.Create(body, options);
        var header = reader.Headers.ToList();
        var records = new List<string[]>();
        var end = HeaderEnd(body);
        while (reader.Read())
        {
            AssertCrlf(body, end, reader.ByteOffset);
            records.Add(reader.Current.ToArray());
            end = reader.ByteOffset + reader.RawRecord.Length;
        }

        AssertCrlf(body, end, body.Length);
        return (header, records);
    }

    /// <summary>Where the header line ends: before its CRLF (column names hold no line breaks).</summary>
    private static long HeaderEnd(byte[] body) => body.AsSpan().IndexOf("\r\n"u8);

    private static void AssertCrlf(byte[] body, long recordEnd, long nextStart)
        => Assert.True(
            nextStart - recordEnd == 2 && body[recordEnd] == '\r' && body[recordEnd + 1] == '\n',
            $"The record ending at byte {recordEnd} is not followed by exactly CRLF.");

    /// <summary>The fields a shipment's record must hold: System.Text.Json's text for each value, unquoted;
    /// enums by name; null empty; text as it is, after the formula-injection guard when it is on.</summary>
    public static string[] Fields(Shipment s, bool guard) =>
    [
        Json(s.Id), Text(s.Label, guard), Text(s.Note, guard), Text(s.Mark.ToString(), guard), Json(s.Insured), Json(s.Priority),
        Json(s.Zone), Json(s.Tracking), Json(s.Barcode), Json(s.Weight), Json(s.Volume), Json(s.Value), Json(s.Discount),
        Json(s.Ratio), Json(s.Serial), Json(s.ShippedAt), Json(s.PromisedBy), Json(s.Day), Json(s.Slot), Json(s.Transit),
        Json(s.Reference), s.Carrier.ToString(), s.Backup?.ToString() ?? "", s.Handling.ToString(), Text(s.To?.Street, guard),
        Text(s.To?.City, guard), Json(s.To?.Floor), s.Declared.ToString("F2", CultureInfo.InvariantCulture),
    ];

    /// <summary>What System.Text.Json writes for a scalar, without JSON's quotes and escapes.</summary>
    public static string Json<T>(T value)
    {
        if (value is null)
        {
            return "";
        }

        var json = JsonSerializer.Serialize(value, JsonSerializerOptions.Web);
        return json.StartsWith('"') ? JsonSerializer.Deserialize<string>(json)! : json;
    }

    /// <summary>Text as written: a leading <c>'</c> before what a spreadsheet would evaluate, when guarded.</summary>
    public static string Text(string? value, bool guard)
        => value is null ? ""
            : guard && value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value
            : value;
}
