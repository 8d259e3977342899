using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Streaming;

/// <summary>
/// Dates as <see cref="System.Text.Json.Utf8JsonWriter"/> writes them: the round-trip format (<c>O</c>) with the
/// fraction of a second trimmed of trailing zeros, and left out when it is zero:
/// <c>2026-11-21T08:30:00</c>, <c>2026-11-21T08:30:00.25Z</c>, <c>2026-11-21T08:30:00.0000001+01:00</c>.
/// The JSON and CSV writers share them.
/// </summary>
internal static class JsonDates
{
    // "yyyy-MM-ddTHH:mm:ss" is 19 bytes, then "." and seven digits, as Utf8Scalars.WriteIso and the "O" format
    // write them; the offset (nothing, "Z" or "+hh:mm") follows.
    private const int SecondsEnd = 19;
    private const int FractionEnd = Utf8Scalars.IsoBytes;

    /// <summary>Writes <paramref name="value"/> into <paramref name="destination"/> (at least 33 bytes); returns the bytes written.</summary>
    public static int Format(DateTime value, Span<byte> destination)
    {
        if (value.Kind == DateTimeKind.Local)
        {
            // The offset of local time comes from the time zone: the formatter looks it up.
            value.TryFormat(destination, out var written, "O", CultureInfo.InvariantCulture);
            return TrimFraction(destination, written);
        }

        var length = WriteClock(destination, value);
        if (value.Kind == DateTimeKind.Utc)
        {
            destination[length++] = (byte)'Z';
        }

        return length;
    }

    /// <summary>Writes <paramref name="value"/> into <paramref name="destination"/> (at least 33 bytes); returns the bytes written.</summary>
    public static int Format(DateTimeOffset value, Span<byte> destination)
    {
        var end = WriteClock(destination, value.DateTime);
        ref var offset = ref MemoryMarshal.GetReference(destination.Slice(end, 6));
        var minutes = value.TotalOffsetMinutes;
        offset = minutes < 0 ? (byte)'-' : (byte)'+';
        var magnitude = (uint)Math.Abs(minutes);
        var hours = magnitude / 60;
        Utf8Scalars.WriteTwoDigits(ref Unsafe.Add(ref offset, 1), hours);
        Unsafe.Add(ref offset, 3) = (byte)':';
        Utf8Scalars.WriteTwoDigits(ref Unsafe.Add(ref offset, 4), magnitude - (hours * 60));
        return end + 6;
    }

    /// <summary>The date and time of <paramref name="clock"/> as <c>O</c> writes them, the fraction trimmed; returns the length.</summary>
    private static int WriteClock(Span<byte> destination, DateTime clock)
        => Utf8Scalars.WriteIso(ref MemoryMarshal.GetReference(destination[..FractionEnd]), clock);

    private static int TrimFraction(Span<byte> text, int length)
    {
        var end = FractionEnd;
        while (end > SecondsEnd + 1 && text[end - 1] == (byte)'0')
        {
            end--;
        }

        if (end == SecondsEnd + 1)
        {
            end = SecondsEnd;
        }

        var offset = text[FractionEnd..length];
        offset.CopyTo(text[end..]);
        return end + offset.Length;
    }
}
