using Streaming.Generators.IntegrationTests.Streams;

namespace Streaming.Generators.IntegrationTests.Infrastructure;

/// <summary>
/// One wire format as the format-independent tests see it: where its test streams live and how a client splits
/// the body into items. Each format adds one case to <see cref="All"/> and its own copies of the test streams
/// (<c>/ticks/{run}</c> and <c>/failing</c>, under its route prefix); the theories over formats
/// (incremental delivery, failure after the first byte) then cover it on both protocols. A format whose failure
/// ends with an in-band record (SSE) rather than an abort needs its own expectation in the failure theory.
/// </summary>
public sealed class StreamFormatCase(string name, string routePrefix, Func<Stream, IItemReader> reader, Func<int, string> itemText)
{
    /// <summary>Every format. CSV items are compared with the record our writer makes: that records are
    /// right is proven against CsvHelper in <c>CsvStreamingTests</c>; here the question is when they arrive.</summary>
    public static readonly IReadOnlyDictionary<string, StreamFormatCase> All = new Dictionary<string, StreamFormatCase>
    {
        ["NdJson"] = new("NdJson", "", body => new LineReader(body), Json),
        ["JsonArray"] = new("JsonArray", "/formats/json-array", body => new JsonArrayReader(body), Json),
        ["Csv"] = new("Csv", "/formats/csv", body => new LineReader(body, skipLines: 1), CsvRecord),
        ["Sse"] = new("Sse", "/formats/sse", body => new SseEventReader(body), Json),
        ["Text"] = new("Text", "/formats/text", body => new LineReader(body), Json),
    };

    private static string Json(int sequence) => Oracle.Json(Reading.Create(sequence));

    private static string CsvRecord(int sequence)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        new CsvFormatter<Reading, Streaming.Generated.Streaming.Generators.IntegrationTests.Streams.ReadingCsvWriter>().WriteItem(buffer, Reading.Create(sequence));
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan).TrimEnd('\r', '\n');
    }

    public string Name => name;

    /// <summary>The format's copy of a test stream, e.g. <c>/ticks/{run}</c> for NdJson.</summary>
    public string Path(string path) => routePrefix + path;

    public IItemReader Reader(Stream body) => reader(body);

    /// <summary>What the client reads for <c>Reading.Create(i)</c>.</summary>
    public string ItemText(int sequence) => itemText(sequence);

    /// <summary>Format × protocol, as theory data.</summary>
    public static TheoryData<string, string> WithProtocols() => Cases(All.Keys);

    /// <summary>Format × protocol for the formats that abort on a failure (all but SSE, which sends an error event).</summary>
    public static TheoryData<string, string> AbortingWithProtocols() => Cases(All.Keys.Where(format => format != "Sse"));

    private static TheoryData<string, string> Cases(IEnumerable<string> formats)
    {
        var data = new TheoryData<string, string>();
        foreach (var format in formats)
        {
            data.Add(format, Protocols.Http1);
            data.Add(format, Protocols.Http2);
        }

        return data;
    }

    public override string ToString() => name;
}

/// <summary>Reads one item at a time from a streamed body.</summary>
public interface IItemReader
{
    /// <summary>The next item's text, or <see langword="null"/> at the end of the body.</summary>
    Task<string?> ReadItemAsync(CancellationToken cancellationToken);
}

