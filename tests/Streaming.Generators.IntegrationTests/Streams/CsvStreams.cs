using Streaming.Generators.IntegrationTests.Infrastructure;

namespace Streaming.Generators.IntegrationTests.Streams;

/// <summary>A small CSV element type whose exact text a test can spell out.</summary>
public sealed record Parcel(int Id, string? Name, double Weight, Carrier? Carrier, Handling Handling);

/// <summary>The <c>Format.Csv</c> streams the integration tests call over HTTP.</summary>
public static class CsvStreams
{
    /// <summary>Random shipments (the same for the same seed), from an async producer that sometimes waits.</summary>
    [Stream(Format.Csv, "/csv/shipments")]
    public static async IAsyncEnumerable<Shipment> Shipments(int seed, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (i % 7 == 0)
            {
                await Task.Yield();
            }

            yield return Shipment.Create(seed, i);
        }
    }

    [Stream(Format.Csv, "/csv/shipments/unguarded", CsvInjectionGuard = false)]
    public static IEnumerable<Shipment> Unguarded(int seed, int count) => Enumerable.Range(0, count).Select(i => Shipment.Create(seed, i));

    [Stream(Format.Csv, "/csv/shipments/spreadsheet", CsvDelimiter = ';', CsvByteOrderMark = true)]
    public static IEnumerable<Shipment> ForSpreadsheets(int seed, int count) => Enumerable.Range(0, count).Select(i => Shipment.Create(seed, i));

    [Stream(Format.Csv, "/csv/parcels")]
    public static IEnumerable<Parcel?> Parcels() =>
    [
        new(1, "plain", 1.5, Carrier.Post, Handling.None),
        new(2, "comma, quote \" and\r\nbreak", -0.0, null, Handling.Fragile | Handling.Cold),
        new(3, "=1+2", double.NaN, (Carrier)7, Handling.Upright),
        new(4, null, double.PositiveInfinity, Carrier.Freight, (Handling)8),
        null,
        new(6, "", 1e-300, Carrier.Courier, Handling.None),
    ];

    [Stream(Format.Csv, "/csv/gated/{run}")]
    public static IAsyncEnumerable<Parcel> Gated(string run, ProducerProbes probes, CancellationToken cancellationToken)
        => Producers.Gated(probes[run], Parcel, cancellationToken);

    [Stream(Format.Csv, "/csv/failing")]
    public static IAsyncEnumerable<Parcel> Failing(int after, bool wait = true) => Producers.FailingAfter(after, Parcel, wait);

    public static Parcel Parcel(int id) => new(id, $"parcel {id}", id * 0.5, Carrier.Courier, Handling.Fragile);
}
