using System;
using System.Text;

namespace Streaming;

public ref partial struct JsonOutput
{
    // Utf8JsonWriter refuses longer strings; the limit also keeps the worst-case escaped length an int.
    private const int MaxStringLength = 166_666_666;

    /// <summary>A string in quotes, escaped as <see cref="System.Text.Json.Utf8JsonWriter"/> escapes it; <c>null</c> for null.</summary>
    public void WriteString(string? value)
    {
        if (value is null)
        {
            WriteNull();
            return;
        }

        WriteString(value.AsSpan());
    }

    /// <summary>A string in quotes, escaped as <see cref="System.Text.Json.Utf8JsonWriter"/> escapes it.</summary>
    public void WriteString(scoped ReadOnlySpan<char> value)
    {
        if (value.Length > MaxStringLength)
        {
            ThrowTooLong(value.Length);
        }

        // Most text needs no escaping: it is printable ASCII, copied byte for byte.
        var first = JsonEscaping.IndexOfFirstToEscape(value);
        if (first < 0)
        {
            var free = Free(value.Length + 2);
            free[0] = (byte)'"';
            Ascii.FromUtf16(value, free[1..], out _);
            free[value.Length + 1] = (byte)'"';
            _position += value.Length + 2;
            return;
        }

        var escaped = Free(JsonEscaping.MaxEscapedLength(value.Length, first) + 2);
        escaped[0] = (byte)'"';
        var written = JsonEscaping.Escape(value, first, escaped[1..]);
        escaped[written + 1] = (byte)'"';
        _position += written + 2;
    }

    /// <summary>A property name known only at run time (a dictionary key), escaped, and its <c>:</c>.</summary>
    public void WritePropertyName(scoped ReadOnlySpan<char> name)
    {
        WriteString(name);
        WriteRaw((byte)':');
    }

    private static void ThrowTooLong(int length)
        => throw new ArgumentException($"The JSON value of length {length} is too large and not supported.");
}
