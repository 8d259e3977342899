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
    /// <summary>The formats covered. NdJson today; JsonArray, Csv, Sse and Text join with their formatters.</summary>
    public static readonly IReadOnlyDictionary<string, StreamFormatCase> All = new Dictionary<string, StreamFormatCase>
    {
        ["NdJson"] = new("NdJson", "", body => new LineReader(body), i => Oracle.Json(Reading.Create(i))),
    };

    public string Name => name;

    /// <summary>The format's copy of a test stream, e.g. <c>/ticks/{run}</c> for NdJson.</summary>
    public string Path(string path) => routePrefix + path;

    public IItemReader Reader(Stream body) => reader(body);

    /// <summary>What the client reads for <c>Reading.Create(i)</c>.</summary>
    public string ItemText(int sequence) => itemText(sequence);

    /// <summary>Format × protocol, as theory data.</summary>
    public static TheoryData<string, string> WithProtocols()
    {
        var data = new TheoryData<string, string>();
        foreach (var format in All.Keys)
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

/// <summary>Line-delimited items (NDJSON).</summary>
public sealed class LineReader(Stream body) : IItemReader
{
    private readonly StreamReader _reader = new(body);

    public async Task<string?> ReadItemAsync(CancellationToken cancellationToken) => await _reader.ReadLineAsync(cancellationToken);
}
