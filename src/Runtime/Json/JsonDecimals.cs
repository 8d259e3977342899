using System;
using System.Buffers.Text;

namespace Streaming;

/// <summary>
/// Decimals as <see cref="System.Text.Json.Utf8JsonWriter"/> writes them (<see cref="Utf8Formatter"/>'s general
/// format: every digit of the scale, never an exponent), with a shortcut for the usual ones — prices, totals —
/// whose digits fit in 64 bits: those are an integer with a point put in.
/// </summary>
internal static class JsonDecimals
{
    /// <summary>Writes <paramref name="value"/> into <paramref name="destination"/> (at least 64 bytes); returns the bytes written.</summary>
    public static int Format(decimal value, Span<byte> destination)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var digits = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        var negative = bits[3] < 0;

        // 96-bit digits, and a negative zero, take the formatter's way.
        if (bits[2] != 0 || (negative && digits == 0))
        {
            Utf8Formatter.TryFormat(value, destination, out var formatted);
            return formatted;
        }

        return DecimalText.WriteScaled(digits, (bits[3] >> 16) & 0xFF, negative, destination);
    }
}
