using System.Runtime.CompilerServices;
using Streaming.Generators.IntegrationTests.Infrastructure;

namespace Streaming.Generators.IntegrationTests.Streams;

/// <summary>
/// The format-independent test streams (<c>/ticks/{run}</c> and <c>/failing</c>, see <see cref="TestStreams"/>)
/// once per other format, under <c>/formats/{format}</c>, for the theories of <see cref="StreamFormatCase"/>.
/// </summary>
public static class FormatCaseStreams
{
    [Stream(Format.JsonArray, "/formats/json-array/ticks/{run}")]
    public static IAsyncEnumerable<Reading> JsonArrayTicks(string run, int count, int intervalMs, ProducerProbes probes, CancellationToken cancellationToken)
        => TestStreams.Ticks(run, count, intervalMs, probes, cancellationToken);

    [Stream(Format.JsonArray, "/formats/json-array/failing")]
    public static IAsyncEnumerable<Reading> JsonArrayFailing(int after) => Producers.FailingAfter(after, Reading.Create);

    [Stream(Format.Csv, "/formats/csv/ticks/{run}")]
    public static IAsyncEnumerable<Reading> CsvTicks(string run, int count, int intervalMs, ProducerProbes probes, CancellationToken cancellationToken)
        => TestStreams.Ticks(run, count, intervalMs, probes, cancellationToken);

    [Stream(Format.Csv, "/formats/csv/failing")]
    public static IAsyncEnumerable<Reading> CsvFailing(int after) => Producers.FailingAfter(after, Reading.Create);

    [Stream(Format.Sse, "/formats/sse/ticks/{run}")]
    public static IAsyncEnumerable<Reading> SseTicks(string run, int count, int intervalMs, ProducerProbes probes, CancellationToken cancellationToken)
        => TestStreams.Ticks(run, count, intervalMs, probes, cancellationToken);

    [Stream(Format.Sse, "/formats/sse/failing")]
    public static IAsyncEnumerable<Reading> SseFailing(int after) => Producers.FailingAfter(after, Reading.Create);

    /// <summary>Text items are the readings' JSON lines, so that a client can tell where one ends.</summary>
    [Stream(Format.Text, "/formats/text/ticks/{run}")]
    public static async IAsyncEnumerable<string> TextTicks(string run, int count, int intervalMs, ProducerProbes probes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var reading in TestStreams.Ticks(run, count, intervalMs, probes, cancellationToken))
        {
            yield return Line(reading);
        }
    }

    [Stream(Format.Text, "/formats/text/failing")]
    public static IAsyncEnumerable<string> TextFailing(int after) => Producers.FailingAfter(after, i => Line(Reading.Create(i)));

    private static string Line(Reading reading) => Oracle.Json(reading) + "\n";
}
