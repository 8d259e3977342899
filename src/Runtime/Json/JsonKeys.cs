using System;
using System.ComponentModel;

namespace Streaming;

/// <summary>
/// Dictionary keys that are not strings, written as property names the way System.Text.Json's converters write
/// them: numbers in invariant digits (<c>"42"</c>), Guids in the <c>D</c> format, booleans as <c>"True"</c> and
/// <c>"False"</c> (<c>bool.ToString()</c>), a <c>char</c> as a one-character name. Called by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonKeys
{
    /// <summary>Writes <paramref name="key"/> as a property name.</summary>
    public static void WritePropertyName(ref JsonOutput output, sbyte key) => WriteFormatted(ref output, key);

    /// <summary>Writes <paramref name="key"/> as a property name.</summary>
    public static void WritePropertyName(ref JsonOutput output, byte key) => WriteFormatted(ref output, key);

    /// <summary>Writes <paramref name="key"/> as a property name.</summary>
    public static void WritePropertyName(ref JsonOutput output, short key) => WriteFormatted(ref output, key);

    /// <summary>Writes <paramref name="key"/> as a property name.</summary>
    public static void WritePropertyName(ref JsonOutput output, ushort key) => WriteFormatted(ref output, key);

    /// <summary>Writes <paramref name="key"/> as a property name.</summary>
    public static void WritePropertyName(ref JsonOutput output, int key) => WriteFormatted(ref output, key);

    /// <summary>Writes <paramref name="key"/> as a property name.</summary>
    public static void WritePropertyName(ref JsonOutput output, uint key) => WriteFormatted(ref output, key);

    /// <summary>Writes <paramref name="key"/> as a property name.</summary>
    public static void WritePropertyName(ref JsonOutput output, long key) => WriteFormatted(ref output, key);

    /// <summary>Writes <paramref name="key"/> as a property name.</summary>
    public static void WritePropertyName(ref JsonOutput output, ulong key) => WriteFormatted(ref output, key);

    /// <summary>Writes <paramref name="key"/> as a property name.</summary>
    public static void WritePropertyName(ref JsonOutput output, Guid key) => WriteFormatted(ref output, key);

    /// <summary>Writes <paramref name="key"/> as a property name.</summary>
    public static void WritePropertyName(ref JsonOutput output, bool key) => output.WriteRaw(key ? "\"True\":"u8 : "\"False\":"u8);

    /// <summary>Writes <paramref name="key"/> as a property name.</summary>
    public static void WritePropertyName(ref JsonOutput output, char key) => output.WritePropertyName(new ReadOnlySpan<char>(in key));

    private static void WriteFormatted<T>(ref JsonOutput output, T key)
        where T : IUtf8SpanFormattable
    {
        // Digits, '-' and a Guid's hex: nothing to escape.
        output.WriteQuoted(key, default);
        output.WriteRaw(":"u8);
    }
}
