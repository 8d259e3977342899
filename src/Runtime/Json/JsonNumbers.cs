using System;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace Streaming;

/// <summary>
/// Numbers under <c>[JsonNumberHandling]</c>, written as System.Text.Json's number converters write them:
/// <c>WriteAsString</c> puts the number's own text in quotes (<c>"42"</c>, <c>"1E+300"</c>, <c>"NaN"</c>), unescaped;
/// <c>AllowNamedFloatingPointLiterals</c> writes NaN and the infinities as <c>"NaN"</c>, <c>"Infinity"</c> and
/// <c>"-Infinity"</c> and any other value as a number. Called by generated code; nothing here allocates.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonNumbers
{
    // Long enough for every number below in quotes: a UInt128 has 39 digits, a double at most 24 characters.
    private const int MaxQuotedLength = 48;

    /// <summary>Writes <paramref name="value"/> as a JSON string of its number text (<c>WriteAsString</c>).</summary>
    public static void WriteAsString(Utf8JsonWriter writer, int value) => WriteQuoted(writer, value);

    /// <summary>Writes <paramref name="value"/> as a JSON string of its number text (<c>WriteAsString</c>).</summary>
    public static void WriteAsString(Utf8JsonWriter writer, uint value) => WriteQuoted(writer, value);

    /// <summary>Writes <paramref name="value"/> as a JSON string of its number text (<c>WriteAsString</c>).</summary>
    public static void WriteAsString(Utf8JsonWriter writer, long value) => WriteQuoted(writer, value);

    /// <summary>Writes <paramref name="value"/> as a JSON string of its number text (<c>WriteAsString</c>).</summary>
    public static void WriteAsString(Utf8JsonWriter writer, ulong value) => WriteQuoted(writer, value);

    /// <summary>Writes <paramref name="value"/> as a JSON string of its number text (<c>WriteAsString</c>).</summary>
    public static void WriteAsString(Utf8JsonWriter writer, float value) => WriteQuoted(writer, value);

    /// <summary>Writes <paramref name="value"/> as a JSON string of its number text (<c>WriteAsString</c>).</summary>
    public static void WriteAsString(Utf8JsonWriter writer, double value) => WriteQuoted(writer, value);

    /// <summary>Writes <paramref name="value"/> as a JSON string of its number text (<c>WriteAsString</c>).</summary>
    public static void WriteAsString(Utf8JsonWriter writer, decimal value) => WriteQuoted(writer, value);

    /// <summary>Writes <paramref name="value"/> as a JSON string of its number text (<c>WriteAsString</c>).</summary>
    public static void WriteAsString(Utf8JsonWriter writer, Half value) => WriteQuoted(writer, value);

    /// <summary>Writes <paramref name="value"/> as a JSON string of its number text (<c>WriteAsString</c>).</summary>
    public static void WriteAsString(Utf8JsonWriter writer, Int128 value) => WriteQuoted(writer, value);

    /// <summary>Writes <paramref name="value"/> as a JSON string of its number text (<c>WriteAsString</c>).</summary>
    public static void WriteAsString(Utf8JsonWriter writer, UInt128 value) => WriteQuoted(writer, value);

    /// <summary>Writes NaN and the infinities as their names, any other <paramref name="value"/> as a number (<c>AllowNamedFloatingPointLiterals</c>).</summary>
    public static void WriteAllowingNamedLiterals(Utf8JsonWriter writer, double value)
    {
        if (!TryWriteNamedLiteral(writer, double.IsNaN(value), double.IsPositiveInfinity(value), double.IsNegativeInfinity(value)))
        {
            writer.WriteNumberValue(value);
        }
    }

    /// <summary>Writes NaN and the infinities as their names, any other <paramref name="value"/> as a number (<c>AllowNamedFloatingPointLiterals</c>).</summary>
    public static void WriteAllowingNamedLiterals(Utf8JsonWriter writer, float value)
    {
        if (!TryWriteNamedLiteral(writer, float.IsNaN(value), float.IsPositiveInfinity(value), float.IsNegativeInfinity(value)))
        {
            writer.WriteNumberValue(value);
        }
    }

    /// <summary>Writes NaN and the infinities as their names, any other <paramref name="value"/> as a number (<c>AllowNamedFloatingPointLiterals</c>).</summary>
    public static void WriteAllowingNamedLiterals(Utf8JsonWriter writer, Half value)
    {
        if (!TryWriteNamedLiteral(writer, Half.IsNaN(value), Half.IsPositiveInfinity(value), Half.IsNegativeInfinity(value)))
        {
            JsonValues.WriteHalf(writer, value);
        }
    }

    private static bool TryWriteNamedLiteral(Utf8JsonWriter writer, bool nan, bool positiveInfinity, bool negativeInfinity)
    {
        var literal = nan ? "NaN"u8 : positiveInfinity ? "Infinity"u8 : negativeInfinity ? "-Infinity"u8 : default;
        if (literal.IsEmpty)
        {
            return false;
        }

        writer.WriteStringValue(literal);
        return true;
    }

    private static void WriteQuoted<T>(Utf8JsonWriter writer, T value)
        where T : IUtf8SpanFormattable
    {
        Span<byte> text = stackalloc byte[MaxQuotedLength];
        text[0] = (byte)'"';
        value.TryFormat(text[1..], out var written, default, CultureInfo.InvariantCulture);
        text[written + 1] = (byte)'"';

        // Digits, signs, '.', 'E' and the invariant names of NaN and the infinities: nothing to escape.
        writer.WriteRawValue(text[..(written + 2)], skipInputValidation: true);
    }
}
