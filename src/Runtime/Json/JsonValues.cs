using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Streaming;

/// <summary>
/// Writes the values whose text System.Text.Json produces in its own converters rather than in
/// <see cref="Utf8JsonWriter"/>: the same formats, so generated writers match the serializer byte for byte. Called
/// by generated code; every method writes one complete JSON value and allocates nothing.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonValues
{
    /// <summary>A one-character string; a lone surrogate is replaced as the encoder replaces it in any string.</summary>
    public static void WriteChar(ref JsonOutput output, char value) => output.WriteString(new ReadOnlySpan<char>(in value));

    /// <summary><c>yyyy-MM-dd</c>.</summary>
    public static void WriteDateOnly(ref JsonOutput output, DateOnly value) => output.WriteQuoted(value, "O");

    /// <summary>The time of day in the TimeSpan constant format: <c>hh:mm:ss</c>, with <c>.fffffff</c> when it has a fraction.</summary>
    public static void WriteTimeOnly(ref JsonOutput output, TimeOnly value) => WriteTimeSpan(ref output, value.ToTimeSpan());

    /// <summary>The constant format <c>[-][d.]hh:mm:ss[.fffffff]</c>.</summary>
    public static void WriteTimeSpan(ref JsonOutput output, TimeSpan value) => output.WriteQuoted(value, "c");

    /// <summary><c>Version.ToString()</c> as a string, or <c>null</c>.</summary>
    public static void WriteVersion(ref JsonOutput output, Version? value)
    {
        if (value is null)
        {
            output.WriteNull();
            return;
        }

        output.WriteQuoted(value, default);
    }

    /// <summary>The URI as it was given (<see cref="Uri.OriginalString"/>), or <c>null</c>.</summary>
    public static void WriteUri(ref JsonOutput output, Uri? value) => output.WriteString(value?.OriginalString);

    /// <summary>The shortest round-trip number; NaN and the infinities fail as the serializer's do (not valid JSON).</summary>
    public static void WriteHalf(ref JsonOutput output, Half value)
    {
        if (!Half.IsFinite(value))
        {
            // The serializer's converter fails here too: its text for NaN and the infinities is not a JSON number.
            throw new JsonException($"'{value}' is not a finite number and cannot be written as valid JSON.");
        }

        output.WriteFormattedNumber(value);
    }

    /// <summary>All the digits, as a JSON number.</summary>
    public static void WriteInt128(ref JsonOutput output, Int128 value) => output.WriteFormattedNumber(value);

    /// <summary>All the digits, as a JSON number.</summary>
    public static void WriteUInt128(ref JsonOutput output, UInt128 value) => output.WriteFormattedNumber(value);

    /// <summary>The element as it is.</summary>
    public static void WriteJson(ref JsonOutput output, JsonElement value)
    {
        var writer = output.StartUtf8JsonWriter();
        value.WriteTo(writer);
        output.EndUtf8JsonWriter(writer);
    }

    /// <summary>The document's root as it is, or <c>null</c>.</summary>
    public static void WriteJson(ref JsonOutput output, JsonDocument? value)
    {
        if (value is null)
        {
            output.WriteNull();
            return;
        }

        WriteJson(ref output, value.RootElement);
    }

    /// <summary>The node, its values written with the serializer's options as its converter does, or <c>null</c>.</summary>
    public static void WriteJson(ref JsonOutput output, JsonNode? value)
    {
        if (value is null)
        {
            output.WriteNull();
            return;
        }

        var writer = output.StartUtf8JsonWriter();
        value.WriteTo(writer, JsonFallback.Options);
        output.EndUtf8JsonWriter(writer);
    }
}
