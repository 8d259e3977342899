using System;
using System.Buffers.Text;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace Streaming;

/// <summary>
/// Writes the values whose text System.Text.Json produces in its own converters rather than in
/// <see cref="Utf8JsonWriter"/>: the same format strings, so generated writers match the serializer byte for byte.
/// Called by generated code; every method writes one complete JSON value and allocates nothing.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonValues
{
    // Long enough for every value below: a TimeSpan in the constant format is at most 26 bytes, a UInt128 39 digits.
    private const int MaxScalarLength = 48;

    /// <summary>A one-character string; a lone surrogate is replaced as the encoder replaces it in any string.</summary>
    public static void WriteChar(Utf8JsonWriter writer, char value) => writer.WriteStringValue(new ReadOnlySpan<char>(in value));

    /// <summary><c>yyyy-MM-dd</c>.</summary>
    public static void WriteDateOnly(Utf8JsonWriter writer, DateOnly value)
    {
        Span<byte> text = stackalloc byte[MaxScalarLength];
        value.TryFormat(text, out var written, "O", CultureInfo.InvariantCulture);
        writer.WriteStringValue(text[..written]);
    }

    /// <summary>The time of day in the TimeSpan constant format: <c>hh:mm:ss</c>, with <c>.fffffff</c> when it has a fraction.</summary>
    public static void WriteTimeOnly(Utf8JsonWriter writer, TimeOnly value) => WriteTimeSpan(writer, value.ToTimeSpan());

    /// <summary>The constant format <c>[-][d.]hh:mm:ss[.fffffff]</c>.</summary>
    public static void WriteTimeSpan(Utf8JsonWriter writer, TimeSpan value)
    {
        Span<byte> text = stackalloc byte[MaxScalarLength];
        Utf8Formatter.TryFormat(value, text, out var written, 'c');
        writer.WriteStringValue(text[..written]);
    }

    /// <summary><c>Version.ToString()</c> as a string, or <c>null</c>.</summary>
    public static void WriteVersion(Utf8JsonWriter writer, Version? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        Span<char> text = stackalloc char[MaxScalarLength];
        value.TryFormat(text, out var written);
        writer.WriteStringValue(text[..written]);
    }

    /// <summary>The URI as it was given (<see cref="Uri.OriginalString"/>), or <c>null</c>.</summary>
    public static void WriteUri(Utf8JsonWriter writer, Uri? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStringValue(value.OriginalString);
    }

    /// <summary>The shortest round-trip number; NaN and the infinities fail as the serializer's do (not valid JSON).</summary>
    public static void WriteHalf(Utf8JsonWriter writer, Half value)
    {
        Span<byte> text = stackalloc byte[MaxScalarLength];
        value.TryFormat(text, out var written, provider: CultureInfo.InvariantCulture);
        writer.WriteRawValue(text[..written]);
    }

    /// <summary>All the digits, as a JSON number.</summary>
    public static void WriteInt128(Utf8JsonWriter writer, Int128 value)
    {
        Span<byte> text = stackalloc byte[MaxScalarLength];
        value.TryFormat(text, out var written, provider: CultureInfo.InvariantCulture);
        writer.WriteRawValue(text[..written]);
    }

    /// <summary>All the digits, as a JSON number.</summary>
    public static void WriteUInt128(Utf8JsonWriter writer, UInt128 value)
    {
        Span<byte> text = stackalloc byte[MaxScalarLength];
        value.TryFormat(text, out var written, provider: CultureInfo.InvariantCulture);
        writer.WriteRawValue(text[..written]);
    }
}
