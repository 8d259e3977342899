using Streaming.Generators.IntegrationTests.Infrastructure;

namespace Streaming.Generators.IntegrationTests.Streams;

/// <summary>A small CSV element type whose exact text a test can spell out.</summary>
public sealed record Parcel(int Id, string? Name, double Weight, Carrier? Carrier, Handling Handling);

/// <summary>The <c>Format.Csv</c> streams the integration tests call over HTTP.</summary>
/// <summary>Scalars CSV writes as the text System.Text.Json writes for them: URIs, versions and bytes.</summary>
public sealed record Reference(int Id, Uri? Address, Version? Version, byte[]? Hash, ReadOnlyMemory<byte> Signature)
{
    private static readonly Uri?[] Addresses = [null, new("https://example.com/a?b=c&d=e"), new("relative/path with space", UriKind.Relative), new("http://[::1]:8080/ü"), new("mailto:someone@example.com")];

    public static Reference Create(int i)
        => new(
            i,
            Addresses[i % Addresses.Length],
            i % 3 == 0 ? null : new Version(i % 7, i % 5, i % 11),
            i % 4 == 0 ? null : [.. Enumerable.Range(0, i % 9).Select(b => (byte)(b * 37 + i))],
            Enumerable.Range(0, i % 6).Select(b => (byte)(250 - b - i)).ToArray());
}

public static class CsvStreams
{
    [Stream(Format.Csv, "/csv/references", CsvInjectionGuard = false)]
    public static IEnumerable<Reference> References(int count) => Enumerable.Range(0, count).Select(Reference.Create);

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
