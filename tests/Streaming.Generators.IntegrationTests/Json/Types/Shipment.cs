using System.Text.Json.Serialization;

namespace Streaming.Generators.IntegrationTests.Json.Types;

[JsonConverter(typeof(JsonStringEnumConverter))]
public enum ShipmentState { Created, InTransit, Delivered, Returned }

public enum Carrier { Post, Courier, Freight }

public sealed record Parcel(string Label, double WeightKg, int Pieces);

/// <summary>The representative record of the allocation test: what a typical streamed row holds.</summary>
public sealed record Shipment(
    long Id,
    string Reference,
    string Recipient,
    decimal Value,
    double DistanceKm,
    DateTimeOffset ShippedAt,
    DateTime? DeliveredAt,
    Guid Tracking,
    ShipmentState State,
    Carrier Carrier,
    bool Insured,
    Parcel Parcel,
    List<Parcel> Parcels,
    IReadOnlyList<string> Tags,
    Dictionary<string, int> Counts)
{
    public static Shipment Create(int i) => new(
        i,
        $"SHP-{i:D6}",
        // Every third recipient needs escapes: quotes, HTML characters and non-ASCII letters.
        i % 3 == 0 ? $"Zoë \"{i}\" <Müller & Søn>" : $"Recipient {i}",
        i * 10.25m,
        i / 7.0,
        new DateTimeOffset(2026, 11, 21, 8, 30, 0, TimeSpan.FromHours(i % 2 == 0 ? 1 : -5)).AddSeconds(i),
        i % 4 == 0 ? null : new DateTime(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc).AddMinutes(i),
        new Guid(i, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11),
        (ShipmentState)(i % 4),
        (Carrier)(i % 3),
        i % 2 == 0,
        new Parcel($"P-{i}", 1.5 + i % 10, 1 + i % 3),
        [new Parcel("a", 0.25, 1), new Parcel("b <fragile>", 12.5, 2)],
        i % 2 == 0 ? ["express", "signed"] : new List<string> { "standard" },
        new Dictionary<string, int> { ["boxes"] = i % 5, ["pallets"] = i % 2 });
}
