using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Streaming;

/// <summary>
/// The invariant UTF-8 text of integers, Guids and ISO 8601 dates, written straight to a destination the caller
/// has already made large enough: no format string to parse, no culture to look up, no length checks per byte.
/// The text is exactly what the .NET formatters (and so System.Text.Json) write.
/// </summary>
internal static class Utf8Scalars
{
    /// <summary>The most bytes <see cref="WriteIso"/> writes: <c>yyyy-MM-ddTHH:mm:ss.fffffff</c>.</summary>
    public const int IsoBytes = 27;

    /// <summary>The bytes of a Guid in the <c>D</c> format.</summary>
    public const int GuidBytes = 36;

    private static ReadOnlySpan<byte> TwoDigits =>
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"u8;

    private static ReadOnlySpan<ulong> PowersOf10 =>
    [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000,
        100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000,
        10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000, 10_000_000_000_000_000_000,
    ];

    /// <summary>10 to the power <paramref name="exponent"/> (0 to 19).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong PowerOf10(int exponent) => Unsafe.Add(ref MemoryMarshal.GetReference(PowersOf10), (uint)exponent);

    /// <summary>How many decimal digits <paramref name="value"/> has (1 for 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CountDigits(ulong value)
    {
        // log10(2) ≈ 1233 / 4096: a value of n bits has that many digits, or one more.
        var digits = ((BitOperations.Log2(value | 1) * 1233) >> 12) + 1;
        return value >= PowerOf10(digits) ? digits + 1 : digits;
    }

    /// <summary>Writes a signed integer; returns its length (at most 20).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WriteInt64(ref byte destination, long value)
    {
        if (value >= 0)
        {
            return WriteUInt64(ref destination, (ulong)value);
        }

        destination = (byte)'-';
        return 1 + WriteUInt64(ref Unsafe.Add(ref destination, 1), 0 - (ulong)value);
    }

    /// <summary>Writes an unsigned integer; returns its length (at most 20).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WriteUInt64(ref byte destination, ulong value)
    {
        var digits = CountDigits(value);
        WriteDigits(ref destination, value, digits);
        return digits;
    }

    /// <summary>
    /// Writes the last <paramref name="count"/> decimal digits of <paramref name="value"/>, with leading zeros
    /// where it is shorter; returns the digits left over, <paramref name="value"/> / 10^<paramref name="count"/>.
    /// </summary>
    public static ulong WriteDigits(ref byte destination, ulong value, int count)
    {
        // Two digits per division by a constant, from the right.
        while (value > uint.MaxValue && count >= 2)
        {
            var next = value / 100;
            count -= 2;
            WriteTwoDigits(ref Unsafe.Add(ref destination, count), (uint)(value - (next * 100)));
            value = next;
        }

        if (value > uint.MaxValue)
        {
            if (count == 0)
            {
                return value;
            }

            var next = value / 10;
            destination = (byte)('0' + (value - (next * 10)));
            return next;
        }

        var small = (uint)value;
        while (count >= 2)
        {
            var next = small / 100;
            count -= 2;
            WriteTwoDigits(ref Unsafe.Add(ref destination, count), small - (next * 100));
            small = next;
        }

        if (count == 1)
        {
            var next = small / 10;
            destination = (byte)('0' + (small - (next * 10)));
            small = next;
        }

        return small;
    }

    /// <summary>Writes <paramref name="value"/> (below 100) as two digits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteTwoDigits(ref byte destination, uint value)
        => Unsafe.WriteUnaligned(ref destination, Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref MemoryMarshal.GetReference(TwoDigits), value * 2)));

    /// <summary>
    /// Writes the date and time of <paramref name="clock"/> as the round-trip format (<c>O</c>) does, with the
    /// trailing zeros of its seven-digit fraction trimmed as System.Text.Json trims them (the <c>.</c> too when
    /// all are zeros); returns the length, 19 to <see cref="IsoBytes"/>.
    /// </summary>
    public static int WriteIso(ref byte destination, DateTime clock)
    {
        clock.Deconstruct(out int year, out int month, out int day);
        var timeOfDay = (ulong)clock.Ticks % TimeSpan.TicksPerDay;
        var seconds = (uint)(timeOfDay / TimeSpan.TicksPerSecond);
        var fraction = (uint)(timeOfDay - (seconds * (ulong)TimeSpan.TicksPerSecond));
        var minutes = seconds / 60;
        var hours = minutes / 60;

        var century = (uint)year / 100;
        WriteTwoDigits(ref destination, century);
        WriteTwoDigits(ref Unsafe.Add(ref destination, 2), (uint)year - (century * 100));
        Unsafe.Add(ref destination, 4) = (byte)'-';
        WriteTwoDigits(ref Unsafe.Add(ref destination, 5), (uint)month);
        Unsafe.Add(ref destination, 7) = (byte)'-';
        WriteTwoDigits(ref Unsafe.Add(ref destination, 8), (uint)day);
        Unsafe.Add(ref destination, 10) = (byte)'T';
        WriteTwoDigits(ref Unsafe.Add(ref destination, 11), hours);
        Unsafe.Add(ref destination, 13) = (byte)':';
        WriteTwoDigits(ref Unsafe.Add(ref destination, 14), minutes - (hours * 60));
        Unsafe.Add(ref destination, 16) = (byte)':';
        WriteTwoDigits(ref Unsafe.Add(ref destination, 17), seconds - (minutes * 60));
        if (fraction == 0)
        {
            return 19;
        }

        Unsafe.Add(ref destination, 19) = (byte)'.';
        WriteDigits(ref Unsafe.Add(ref destination, 20), fraction, 7);
        var end = IsoBytes;
        while (Unsafe.Add(ref destination, end - 1) == (byte)'0')
        {
            end--;
        }

        return end;
    }

    /// <summary>Writes <paramref name="value"/> as its <c>D</c> format does: <c>xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx</c>, lowercase; returns its length, <see cref="GuidBytes"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WriteGuid(ref byte destination, Guid value)
    {
        // The 16 bytes in the order their digits are written: the first three fields are stored as numbers.
        var bytes = Unsafe.As<Guid, Vector128<byte>>(ref value);
        if (BitConverter.IsLittleEndian)
        {
            bytes = Vector128.Shuffle(bytes, Vector128.Create((byte)3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15));
        }

        // Both digits of every byte, high then low: the first 16 digits, then the last 16.
        var high = Hex(Vector128.ShiftRightLogical(bytes, 4));
        var low = Hex(bytes & Vector128.Create((byte)0x0F));
        var first = (Vector128.WidenLower(high) | (Vector128.WidenLower(low) << 8)).AsByte();
        var last = (Vector128.WidenUpper(high) | (Vector128.WidenUpper(low) << 8)).AsByte();

        // Moved into place around the dashes (an index of 0xFF leaves a zero byte for the dash to fill):
        // 0-7 - 8-11 - 12-15 - 16-19 - 20-31.
        const byte Gap = 0xFF;
        var dash = Vector128.Create((byte)'-');
        var head = Vector128.Shuffle(first, Vector128.Create((byte)0, 1, 2, 3, 4, 5, 6, 7, Gap, 8, 9, 10, 11, Gap, 12, 13))
            | (dash & Vector128.Create((byte)0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0, 0, 0, 0, 0xFF, 0, 0));
        var middle = Vector128.Shuffle(first, Vector128.Create((byte)14, 15, Gap, Gap, Gap, Gap, Gap, Gap, Gap, Gap, Gap, Gap, Gap, Gap, Gap, Gap))
            | Vector128.Shuffle(last, Vector128.Create((byte)Gap, Gap, Gap, 0, 1, 2, 3, Gap, 4, 5, 6, 7, 8, 9, 10, 11))
            | (dash & Vector128.Create((byte)0, 0, 0xFF, 0, 0, 0, 0, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0));
        head.StoreUnsafe(ref destination);
        middle.StoreUnsafe(ref destination, 16);
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, 32), last.AsUInt32().GetElement(3));
        return GuidBytes;
    }

    /// <summary>The lowercase hex digit of every nibble (0 to 15).</summary>
    private static Vector128<byte> Hex(Vector128<byte> nibbles)
        => nibbles + Vector128.Create((byte)'0') + (Vector128.GreaterThan(nibbles, Vector128.Create((byte)9)) & Vector128.Create((byte)('a' - '0' - 10)));
}
