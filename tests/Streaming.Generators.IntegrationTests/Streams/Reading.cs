namespace Streaming.Generators.IntegrationTests.Streams;

public enum ReadingQuality
{
    Good,
    Suspect,
    Bad,
}

/// <summary>A representative element type: text with escapes, numbers, dates, an enum, nullables.</summary>
public sealed record Reading(
    int Sequence,
    string Sensor,
    double Value,
    DateTimeOffset TakenAt,
    ReadingQuality Quality,
    decimal? Calibration,
    Guid Id,
    bool Valid,
    long Ticks)
{
    public static Reading Create(int sequence) => new(
        sequence,
        sequence % 3 == 0 ? $"sensor \"{sequence}\" <west> & é" : $"sensor-{sequence}",
        sequence * 1.25,
        new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.FromHours(sequence % 2 == 0 ? 1 : -5)).AddSeconds(sequence),
        (ReadingQuality)(sequence % 3),
        sequence % 4 == 0 ? null : sequence / 3m,
        new Guid(sequence, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
        sequence % 2 == 0,
        long.MaxValue - sequence);
}
