using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Streaming;

/// <summary>
/// Numbers that are short decimals — prices, totals, weights — written from their digits, byte for byte the text
/// of the BCL's formatters (and so of System.Text.Json's): a <see cref="decimal"/> in its general format, a
/// <see cref="double"/> in its shortest round-trip format. The JSON and CSV writers share them.
/// </summary>
internal static class DecimalText
{
    private static ReadOnlySpan<double> Pow10 => [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17];

    /// <summary>
    /// Writes a double that is a decimal of at most 15 significant digits between 0.001 and 10^14 (a price, a
    /// weight) as its shortest round-trip text, which is then those digits (<c>17.415</c>); returns the length.
    /// Other values are left to the formatter: 0 is returned and nothing written.
    /// </summary>
    /// <remarks>
    /// With <c>m / 10^k == |value|</c> for an integer m below 10^15, <c>m·10^-k</c> parses back to the value
    /// (the division of two exact doubles rounds as parsing does), and no shorter decimal does: one digit fewer
    /// moves the value by at least 10^-15 of itself, more than the spacing of doubles. The smallest such k gives
    /// the fewest digits; a trailing zero in m means that reasoning did not hold, and the formatter decides.
    /// </remarks>
    /// <param name="value">The value.</param>
    /// <param name="destination">At least 32 bytes.</param>
    public static int WriteShortDouble(double value, Span<byte> destination)
    {
        var magnitude = Math.Abs(value);
        if (!(magnitude >= 1e-3 && magnitude < 1e14))
        {
            return 0;
        }

        for (var k = 0; k < 18; k++)
        {
            var scaled = magnitude * Pow10[k];
            if (scaled >= 1e15)
            {
                return 0;
            }

            if (scaled == Math.Floor(scaled) && scaled / Pow10[k] == magnitude)
            {
                var mantissa = (ulong)scaled;
                return k > 0 && mantissa % 10 == 0 ? 0 : WriteScaled(mantissa, k, value < 0, destination);
            }
        }

        return 0;
    }

    /// <summary>
    /// Writes <paramref name="mantissa"/>·10^-<paramref name="scale"/> in plain notation with exactly
    /// <paramref name="scale"/> places, as a decimal's general format writes it (<c>1.50</c>, <c>-0.05</c>, <c>0.00</c>);
    /// returns the length.
    /// </summary>
    /// <param name="mantissa">The digits.</param>
    /// <param name="scale">The places after the point, at most 28.</param>
    /// <param name="negative">Whether a <c>-</c> goes first.</param>
    /// <param name="destination">At least 32 bytes: <c>-0.</c> and 28 places, or a sign and 20 digits and the point.</param>
    public static int WriteScaled(ulong mantissa, int scale, bool negative, Span<byte> destination)
    {
        // One length check: every byte written below is within the 32.
        ref var field = ref MemoryMarshal.GetReference(destination[..32]);
        var sign = 0;
        if (negative)
        {
            field = (byte)'-';
            sign = 1;
        }

        ref var digits = ref Unsafe.Add(ref field, sign);
        if (scale == 0)
        {
            return sign + Utf8Scalars.WriteUInt64(ref digits, mantissa);
        }

        // The places first, from the right, two digits per division by a constant: what is left of the mantissa is
        // the whole part, 0 when it is all places.
        var whole = Math.Max(Utf8Scalars.CountDigits(mantissa) - scale, 1);
        var left = Utf8Scalars.WriteDigits(ref Unsafe.Add(ref digits, whole + 1), mantissa, scale);
        Utf8Scalars.WriteDigits(ref digits, left, whole);
        Unsafe.Add(ref digits, whole) = (byte)'.';
        return sign + whole + 1 + scale;
    }
}
