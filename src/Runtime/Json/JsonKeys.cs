using System;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace Streaming;

/// <summary>
/// Dictionary keys that are not strings, written as property names the way System.Text.Json's converters write
/// them: numbers in invariant digits (<c>"42"</c>), Guids in the <c>D</c> format, booleans as <c>"True"</c> and
/// <c>"False"</c> (<c>bool.ToString()</c>), a <c>char</c> as a one-character name. Called by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonKeys
{
    // Long enough for a Guid (36 characters) and every integer.
    private const int MaxKeyLength = 40;

    /// <summary>Writes <paramref name="key"/> as a property name.</summary>
    public static void WritePropertyName(Utf8JsonWriter writer, sbyte key) => WriteFormatted(writer, key);

    /// <summary>Writes <paramref name="key"/> as a property name.</summary>
    public static void WritePropertyName(Utf8JsonWriter writer, byte key) => WriteFormatted(writer, key);

    /// <summary>Writes <paramref name="key"/> as a property name.</summary>
    public static void WritePropertyName(Utf8JsonWriter writer, short key) => WriteFormatted(writer, key);

    /// <summary>Writes <paramref name="key"/> as a property name.</summary>
    public static void WritePropertyName(Utf8JsonWriter writer, ushort key) => WriteFormatted(writer, key);

    /// <summary>Writes <paramref name="key"/> as a property name.</summary>
    public static void WritePropertyName(Utf8JsonWriter writer, int key) => WriteFormatted(writer, key);

    /// <summary>Writes <paramref name="key"/> as a property name.</summary>
    public static void WritePropertyName(Utf8JsonWriter writer, uint key) => WriteFormatted(writer, key);

    /// <summary>Writes <paramref name="key"/> as a property name.</summary>
    public static void WritePropertyName(Utf8JsonWriter writer, long key) => WriteFormatted(writer, key);

    /// <summary>Writes <paramref name="key"/> as a property name.</summary>
    public static void WritePropertyName(Utf8JsonWriter writer, ulong key) => WriteFormatted(writer, key);

    /// <summary>Writes <paramref name="key"/> as a property name.</summary>
    public static void WritePropertyName(Utf8JsonWriter writer, Guid key) => WriteFormatted(writer, key);

    /// <summary>Writes <paramref name="key"/> as a property name.</summary>
    public static void WritePropertyName(Utf8JsonWriter writer, bool key) => writer.WritePropertyName(key ? "True"u8 : "False"u8);

    /// <summary>Writes <paramref name="key"/> as a property name.</summary>
    public static void WritePropertyName(Utf8JsonWriter writer, char key) => writer.WritePropertyName(new ReadOnlySpan<char>(in key));

    private static void WriteFormatted<T>(Utf8JsonWriter writer, T key)
        where T : IUtf8SpanFormattable
    {
        Span<byte> text = stackalloc byte[MaxKeyLength];
        key.TryFormat(text, out var written, default, CultureInfo.InvariantCulture);
        writer.WritePropertyName(text[..written]);
    }
}
