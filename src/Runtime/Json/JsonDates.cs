using System;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Streaming;

/// <summary>
/// Dates as <see cref="System.Text.Json.Utf8JsonWriter"/> writes them: the round-trip format (<c>O</c>) with the
/// fraction of a second trimmed of trailing zeros, and left out when it is zero:
/// <c>2026-11-21T08:30:00</c>, <c>2026-11-21T08:30:00.25Z</c>, <c>2026-11-21T08:30:00.0000001+01:00</c>.
/// The JSON and CSV writers share them.
/// </summary>
internal static class JsonDates
{
    // "yyyy-MM-ddTHH:mm:ss" is 19 bytes, then "." and seven digits; the offset (nothing, "Z" or "+hh:mm") follows.
    private const int SecondsEnd = 19;
    private const int FractionEnd = 27;

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
        var offset = destination.Slice(end, 6);
        var minutes = (int)(value.Offset.Ticks / TimeSpan.TicksPerMinute);
        offset[0] = minutes < 0 ? (byte)'-' : (byte)'+';
        var magnitude = (uint)Math.Abs(minutes);
        WriteTwoDigits(offset, 1, magnitude / 60);
        offset[3] = (byte)':';
        WriteTwoDigits(offset, 4, magnitude % 60);
        return end + 6;
    }

    /// <summary>The date and time of <paramref name="clock"/> as <c>O</c> writes them, the fraction trimmed; returns the length.</summary>
    private static int WriteClock(Span<byte> destination, DateTime clock)
    {
        // One length check up front: every index below is a constant within it.
        var iso = destination[..FractionEnd];
        clock.Deconstruct(out int year, out int month, out int day);
        var ticks = clock.Ticks;
        var seconds = (uint)(ticks / TimeSpan.TicksPerSecond % (24 * 60 * 60));
        var fraction = (uint)(ticks % TimeSpan.TicksPerSecond);

        var century = (uint)year / 100;
        WriteTwoDigits(iso, 0, century);
        WriteTwoDigits(iso, 2, (uint)year - (century * 100));
        iso[4] = (byte)'-';
        WriteTwoDigits(iso, 5, (uint)month);
        iso[7] = (byte)'-';
        WriteTwoDigits(iso, 8, (uint)day);
        iso[10] = (byte)'T';
        WriteTwoDigits(iso, 11, seconds / 3600);
        iso[13] = (byte)':';
        WriteTwoDigits(iso, 14, seconds / 60 % 60);
        iso[16] = (byte)':';
        WriteTwoDigits(iso, 17, seconds % 60);
        if (fraction == 0)
        {
            return SecondsEnd;
        }

        var digits = 7;
        while (fraction % 10 == 0)
        {
            fraction /= 10;
            digits--;
        }

        iso[SecondsEnd] = (byte)'.';
        for (var i = SecondsEnd + digits; i > SecondsEnd; i--)
        {
            var next = fraction / 10;
            iso[i] = (byte)('0' + (fraction - (next * 10)));
            fraction = next;
        }

        return SecondsEnd + 1 + digits;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteTwoDigits(Span<byte> destination, int offset, uint value)
    {
        var tens = value / 10;
        destination[offset] = (byte)('0' + tens);
        destination[offset + 1] = (byte)('0' + (value - (tens * 10)));
    }

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
