using System;
using System.Runtime.CompilerServices;
using System.Text;

namespace Streaming;

/// <summary>
/// The UTF-8 names of the members of <typeparamref name="TEnum"/> whose values are small and not negative,
/// encoded once from <c>ToString()</c> so that a CSV field gets exactly the text it would get from
/// <see cref="Enum.TryFormat{TEnum}(TEnum, Span{char}, out int, ReadOnlySpan{char})"/>.
/// </summary>
internal static class CsvEnumNames<TEnum>
    where TEnum : struct, Enum
{
    // Members with larger values (and combinations of flags) are formatted as they come.
    private const int MaxIndexedValue = 255;

    private static readonly byte[]?[] Names = Encode();

    /// <summary>The name of <paramref name="value"/> when it is a member with a small value, else <see langword="null"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte[]? Find(TEnum value)
    {
        var index = ToUInt64(value);
        var names = Names;
        return index < (ulong)names.Length ? names[index] : null;
    }

    private static byte[]?[] Encode()
    {
        var values = Enum.GetValues<TEnum>();
        var length = 0;
        foreach (var value in values)
        {
            var index = ToUInt64(value);
            if (index <= MaxIndexedValue)
            {
                length = Math.Max(length, (int)index + 1);
            }
        }

        var names = new byte[]?[length];
        foreach (var value in values)
        {
            var index = ToUInt64(value);
            if (index <= MaxIndexedValue)
            {
                names[index] = Encoding.UTF8.GetBytes(value.ToString());
            }
        }

        return names;
    }

    /// <summary>The value's bits as an unsigned number: one index per value, whatever the underlying type.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ToUInt64(TEnum value) => Unsafe.SizeOf<TEnum>() switch
    {
        1 => Unsafe.As<TEnum, byte>(ref value),
        2 => Unsafe.As<TEnum, ushort>(ref value),
        4 => Unsafe.As<TEnum, uint>(ref value),
        _ => Unsafe.As<TEnum, ulong>(ref value),
    };
}
