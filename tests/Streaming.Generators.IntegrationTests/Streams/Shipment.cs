namespace Streaming.Generators.IntegrationTests.Streams;

public enum Carrier
{
    Post,
    Courier,
    Freight,
}

[Flags]
public enum Handling
{
    None = 0,
    Fragile = 1,
    Cold = 2,
    Upright = 4,
}

public sealed record Address(string Street, string? City, int? Floor);

/// <summary>A CSV element type with every kind of column: text, every number, dates and times, enums, a nested record.</summary>
public sealed class Shipment
{
    [CsvColumn(Order = -1)]
    public int Id { get; init; }

    public string Label { get; init; } = "";

    public string? Note { get; init; }

    public char Mark { get; init; }

    public bool Insured { get; init; }

    public byte Priority { get; init; }

    public short Zone { get; init; }

    public long Tracking { get; init; }

    public ulong Barcode { get; init; }

    public float Weight { get; init; }

    public double Volume { get; init; }

    public decimal Value { get; init; }

    public decimal? Discount { get; init; }

    public Half Ratio { get; init; }

    public Int128 Serial { get; init; }

    public DateTime ShippedAt { get; init; }

    public DateTimeOffset PromisedBy { get; init; }

    public DateOnly Day { get; init; }

    public TimeOnly Slot { get; init; }

    public TimeSpan Transit { get; init; }

    public Guid Reference { get; init; }

    public Carrier Carrier { get; init; }

    public Carrier? Backup { get; init; }

    public Handling Handling { get; init; }

    public Address? To { get; init; }

    [CsvColumn("Declared value", Format = "F2")]
    public decimal Declared { get; init; }

    [CsvIgnore]
    public List<string> Tags { get; init; } = [];

    private const string Marks = "a=,\"\r\n+é-@\t";

    public static Shipment Create(int seed, int index)
    {
        var random = HostileText.For(seed, index);
        return new Shipment
        {
            Id = index,
            Label = random.Next(150) == 0 ? HostileText.Long(random) : HostileText.Next(random),
            Note = random.Next(4) == 0 ? null : HostileText.Next(random),
            Mark = Marks[random.Next(Marks.Length)],
            Insured = random.Next(2) == 0,
            Priority = (byte)random.Next(256),
            Zone = (short)random.Next(short.MinValue, short.MaxValue),
            Tracking = random.NextInt64(long.MinValue, long.MaxValue),
            Barcode = (ulong)random.NextInt64() * 2,
            Weight = (float)(random.NextDouble() * Math.Pow(10, random.Next(-8, 9))) * (random.Next(2) == 0 ? -1 : 1),
            Volume = random.Next(20) == 0 ? -0.0 : BitConverter.Int64BitsToDouble(random.NextInt64(0, 0x7FEFFFFFFFFFFFFF)),
            Value = new decimal(random.Next(), random.Next(), random.Next(), random.Next(2) == 0, (byte)random.Next(29)),
            Discount = random.Next(3) == 0 ? null : random.Next(10_000) / 100m,
            Ratio = (Half)random.NextDouble(),
            Serial = new Int128((ulong)random.NextInt64(), (ulong)random.NextInt64()),
            ShippedAt = new DateTime(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), (DateTimeKind)random.Next(3)),
            PromisedBy = new DateTimeOffset(
                MaybeWholeSeconds(random, random.NextInt64(new DateTime(1900, 1, 1).Ticks, new DateTime(2900, 1, 1).Ticks)),
                TimeSpan.FromMinutes(random.Next(-14 * 4, 14 * 4) * 15)),
            Day = DateOnly.FromDayNumber(random.Next(DateOnly.MaxValue.DayNumber)),
            Slot = new TimeOnly(MaybeWholeSeconds(random, random.NextInt64(TimeOnly.MaxValue.Ticks))),
            Transit = TimeSpan.FromTicks(random.NextInt64(-TimeSpan.TicksPerDay * 400, TimeSpan.TicksPerDay * 400)),
            Reference = new Guid(Enumerable.Range(0, 16).Select(_ => (byte)random.Next(256)).ToArray()),
            Carrier = (Carrier)random.Next(3),
            Backup = random.Next(2) == 0 ? null : (Carrier)random.Next(4),
            Handling = (Handling)random.Next(8),
            To = random.Next(3) == 0 ? null : new Address(HostileText.Next(random, 4), random.Next(2) == 0 ? null : HostileText.Next(random, 3), random.Next(2) == 0 ? null : random.Next(-3, 90)),
            Declared = random.Next(1_000_000) / 1000m,
            Tags = ["not", "a", "column"],
        };
    }

    /// <summary>Half the time, a value without a fraction of a second, which is written without one.</summary>
    private static long MaybeWholeSeconds(Random random, long ticks) => random.Next(2) == 0 ? ticks - (ticks % TimeSpan.TicksPerSecond) : ticks;
}
