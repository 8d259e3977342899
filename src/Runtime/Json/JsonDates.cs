using System;
using System.Globalization;

namespace Streaming;

/// <summary>
/// Dates as <see cref="System.Text.Json.Utf8JsonWriter"/> writes them: the round-trip format (<c>O</c>) with the
/// fraction of a second trimmed of trailing zeros, and left out when it is zero:
/// <c>2026-11-21T08:30:00</c>, <c>2026-11-21T08:30:00.25Z</c>, <c>2026-11-21T08:30:00.0000001+01:00</c>.
/// </summary>
internal static class JsonDates
{
    // "yyyy-MM-ddTHH:mm:ss" is 19 bytes, then "." and seven digits; the offset (nothing, "Z" or "+hh:mm") follows.
    private const int SecondsEnd = 19;
    private const int FractionEnd = 27;

    /// <summary>Writes <paramref name="value"/> into <paramref name="destination"/> (at least 33 bytes); returns the bytes written.</summary>
    public static int Format(DateTime value, Span<byte> destination)
    {
        value.TryFormat(destination, out var written, "O", CultureInfo.InvariantCulture);
        return TrimFraction(destination, written);
    }

    /// <summary>Writes <paramref name="value"/> into <paramref name="destination"/> (at least 33 bytes); returns the bytes written.</summary>
    public static int Format(DateTimeOffset value, Span<byte> destination)
    {
        value.TryFormat(destination, out var written, "O", CultureInfo.InvariantCulture);
        return TrimFraction(destination, written);
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
