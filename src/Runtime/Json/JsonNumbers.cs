using System;
using System.ComponentModel;

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
    /// <summary>Writes <paramref name="value"/> as a JSON string of its number text (<c>WriteAsString</c>).</summary>
    public static void WriteAsString(ref JsonOutput output, int value) => output.WriteQuoted(value, default);

    /// <summary>Writes <paramref name="value"/> as a JSON string of its number text (<c>WriteAsString</c>).</summary>
    public static void WriteAsString(ref JsonOutput output, uint value) => output.WriteQuoted(value, default);

    /// <summary>Writes <paramref name="value"/> as a JSON string of its number text (<c>WriteAsString</c>).</summary>
    public static void WriteAsString(ref JsonOutput output, long value) => output.WriteQuoted(value, default);

    /// <summary>Writes <paramref name="value"/> as a JSON string of its number text (<c>WriteAsString</c>).</summary>
    public static void WriteAsString(ref JsonOutput output, ulong value) => output.WriteQuoted(value, default);

    /// <summary>Writes <paramref name="value"/> as a JSON string of its number text (<c>WriteAsString</c>).</summary>
    public static void WriteAsString(ref JsonOutput output, float value) => output.WriteQuoted(value, default);

    /// <summary>Writes <paramref name="value"/> as a JSON string of its number text (<c>WriteAsString</c>).</summary>
    public static void WriteAsString(ref JsonOutput output, double value) => output.WriteQuoted(value, default);

    /// <summary>Writes <paramref name="value"/> as a JSON string of its number text (<c>WriteAsString</c>).</summary>
    public static void WriteAsString(ref JsonOutput output, decimal value) => output.WriteQuoted(value, default);

    /// <summary>Writes <paramref name="value"/> as a JSON string of its number text (<c>WriteAsString</c>).</summary>
    public static void WriteAsString(ref JsonOutput output, Half value) => output.WriteQuoted(value, default);

    /// <summary>Writes <paramref name="value"/> as a JSON string of its number text (<c>WriteAsString</c>).</summary>
    public static void WriteAsString(ref JsonOutput output, Int128 value) => output.WriteQuoted(value, default);

    /// <summary>Writes <paramref name="value"/> as a JSON string of its number text (<c>WriteAsString</c>).</summary>
    public static void WriteAsString(ref JsonOutput output, UInt128 value) => output.WriteQuoted(value, default);

    /// <summary>Writes NaN and the infinities as their names, any other <paramref name="value"/> as a number (<c>AllowNamedFloatingPointLiterals</c>).</summary>
    public static void WriteAllowingNamedLiterals(ref JsonOutput output, double value)
    {
        if (!TryWriteNamedLiteral(ref output, double.IsNaN(value), double.IsPositiveInfinity(value), double.IsNegativeInfinity(value)))
        {
            output.WriteNumber(value);
        }
    }

    /// <summary>Writes NaN and the infinities as their names, any other <paramref name="value"/> as a number (<c>AllowNamedFloatingPointLiterals</c>).</summary>
    public static void WriteAllowingNamedLiterals(ref JsonOutput output, float value)
    {
        if (!TryWriteNamedLiteral(ref output, float.IsNaN(value), float.IsPositiveInfinity(value), float.IsNegativeInfinity(value)))
        {
            output.WriteNumber(value);
        }
    }

    /// <summary>Writes NaN and the infinities as their names, any other <paramref name="value"/> as a number (<c>AllowNamedFloatingPointLiterals</c>).</summary>
    public static void WriteAllowingNamedLiterals(ref JsonOutput output, Half value)
    {
        if (!TryWriteNamedLiteral(ref output, Half.IsNaN(value), Half.IsPositiveInfinity(value), Half.IsNegativeInfinity(value)))
        {
            JsonValues.WriteHalf(ref output, value);
        }
    }

    private static bool TryWriteNamedLiteral(ref JsonOutput output, bool nan, bool positiveInfinity, bool negativeInfinity)
    {
        var literal = nan ? "\"NaN\""u8 : positiveInfinity ? "\"Infinity\""u8 : negativeInfinity ? "\"-Infinity\""u8 : default;
        if (literal.IsEmpty)
        {
            return false;
        }

        output.WriteRaw(literal);
        return true;
    }
}
