using System;
using System.Buffers;
using System.Buffers.Text;
using System.Globalization;

namespace Streaming;

/// <summary>
/// Writes the fields of one CSV record (RFC 4180) straight into UTF-8 spans: the delimiter between fields,
/// quotes only around a field that holds the delimiter, <c>"</c>, CR or LF, <c>"</c> doubled inside them.
/// Values are formatted with the invariant culture and no string is created per field.
/// </summary>
/// <remarks>
/// With the formula-injection guard on, a text field that begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>,
/// tab or CR gets a leading <c>'</c>, so that a spreadsheet shows it as text instead of evaluating it (OWASP
/// "CSV injection"). Numbers, dates and enums are never prefixed.
/// </remarks>
public ref struct CsvFieldWriter
{
    private const int StackFormatBytes = 128;

    private readonly IBufferWriter<byte> _output;
    private readonly char _delimiter;
    private readonly bool _injectionGuard;
    private int _fieldCount;
    private bool _firstFieldEmpty;

    /// <summary>Starts a record in <paramref name="output"/>.</summary>
    /// <param name="output">Where the record is written.</param>
    /// <param name="delimiter">The field separator: an ASCII character other than <c>"</c>, CR and LF.</param>
    /// <param name="injectionGuard">Whether text fields that a spreadsheet would evaluate get a leading <c>'</c>.</param>
    public CsvFieldWriter(IBufferWriter<byte> output, char delimiter = ',', bool injectionGuard = true)
    {
        ArgumentNullException.ThrowIfNull(output);
        ThrowIfInvalidDelimiter(delimiter);
        _output = output;
        _delimiter = delimiter;
        _injectionGuard = injectionGuard;
    }

    /// <summary>Throws when <paramref name="delimiter"/> cannot separate CSV fields.</summary>
    public static void ThrowIfInvalidDelimiter(char delimiter)
    {
        if (!IsValidDelimiter(delimiter))
        {
            throw new ArgumentOutOfRangeException(nameof(delimiter), delimiter, "A CSV delimiter must be an ASCII character other than '\"', CR and LF.");
        }
    }

    /// <summary>Whether <paramref name="delimiter"/> can separate CSV fields.</summary>
    public static bool IsValidDelimiter(char delimiter) => char.IsAscii(delimiter) && delimiter is not ('"' or '\r' or '\n');

    /// <summary>Writes a header field: the column name, quoted where needed, never prefixed.</summary>
    public void WriteName(scoped ReadOnlySpan<byte> utf8Name) => WriteUtf8(utf8Name);

    /// <summary>Writes text; <see langword="null"/> is an empty field.</summary>
    public void WriteString(string? value) => WriteText(value, _injectionGuard);

    /// <summary>Writes a URI as System.Text.Json does, as it was given (<see cref="Uri.OriginalString"/>); <see langword="null"/> is an empty field.</summary>
    public void WriteUri(Uri? value) => WriteText(value?.OriginalString, _injectionGuard);

    /// <summary>Writes a version (<c>1.2.3</c>); <see langword="null"/> is an empty field.</summary>
    public void WriteVersion(Version? value)
    {
        if (value is null)
        {
            WriteEmpty();
            return;
        }

        WriteValue(value);
    }

    /// <summary>Writes bytes as base64, as System.Text.Json does; <see langword="null"/> is an empty field.</summary>
    public void WriteBase64(byte[]? value)
    {
        if (value is null)
        {
            WriteEmpty();
            return;
        }

        WriteBase64(new ReadOnlySpan<byte>(value));
    }

    /// <summary>Writes bytes as base64, as System.Text.Json does.</summary>
    public void WriteBase64(scoped ReadOnlySpan<byte> value)
    {
        // Base64 needs no quoting, but may begin with '+', which a spreadsheet would evaluate: it is text like any other.
        var length = ((value.Length + 2) / 3) * 4;
        char[]? rented = null;
        var chars = length <= StackFormatBytes ? stackalloc char[StackFormatBytes] : (rented = ArrayPool<char>.Shared.Rent(length));
        try
        {
            Convert.TryToBase64Chars(value, chars, out var written);
            WriteText(chars[..written], _injectionGuard);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Writes one character as text.</summary>
    public void WriteChar(char value) => WriteText(new ReadOnlySpan<char>(in value), _injectionGuard);

    /// <summary>Writes <c>true</c> or <c>false</c>.</summary>
    public void WriteBoolean(bool value) => WriteUtf8(value ? "true"u8 : "false"u8);

    /// <summary>Writes a number, Guid or other formattable value as System.Text.Json writes it (invariant, round-trip).</summary>
    public void WriteValue<T>(T value)
        where T : IUtf8SpanFormattable
        => WriteFormatted(value, default);

    /// <summary>Writes <paramref name="value"/> with a .NET <paramref name="format"/> and the invariant culture.</summary>
    public void WriteFormatted<T>(T value, scoped ReadOnlySpan<char> format)
        where T : IUtf8SpanFormattable
    {
        Span<byte> buffer = stackalloc byte[StackFormatBytes];
        if (value.TryFormat(buffer, out var written, format, CultureInfo.InvariantCulture))
        {
            WriteUtf8(buffer[..written]);
            return;
        }

        // Only a custom format makes a value this long.
        for (var size = StackFormatBytes * 4; ; size *= 2)
        {
            var rented = ArrayPool<byte>.Shared.Rent(size);
            try
            {
                if (value.TryFormat(rented, out written, format, CultureInfo.InvariantCulture))
                {
                    WriteUtf8(rented.AsSpan(0, written));
                    return;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Writes a <see cref="DateTime"/> as System.Text.Json does: ISO 8601, trailing zeros of the fraction trimmed.</summary>
    public void WriteDateTime(DateTime value)
    {
        Span<byte> buffer = stackalloc byte[StackFormatBytes];
        Utf8Formatter.TryFormat(value, buffer, out var written, new StandardFormat('O'));
        WriteUtf8(buffer[..TrimFraction(buffer[..written])]);
    }

    /// <summary>Writes a <see cref="DateTimeOffset"/> as System.Text.Json does: ISO 8601, trailing zeros of the fraction trimmed.</summary>
    public void WriteDateTimeOffset(DateTimeOffset value)
    {
        Span<byte> buffer = stackalloc byte[StackFormatBytes];
        Utf8Formatter.TryFormat(value, buffer, out var written, new StandardFormat('O'));
        WriteUtf8(buffer[..TrimFraction(buffer[..written])]);
    }

    /// <summary>Writes an enum value by name (<c>A, B</c> for a combination of flags, the number when it has no name).</summary>
    public void WriteEnum<TEnum>(TEnum value)
        where TEnum : struct, Enum
        => WriteEnum(value, default);

    /// <summary>Writes an enum value with an enum <paramref name="format"/> (<c>G</c>, <c>D</c>, <c>X</c>, <c>F</c>).</summary>
    public void WriteEnum<TEnum>(TEnum value, scoped ReadOnlySpan<char> format)
        where TEnum : struct, Enum
    {
        Span<char> buffer = stackalloc char[StackFormatBytes];
        if (Enum.TryFormat(value, buffer, out var written, format))
        {
            WriteText(buffer[..written], guard: false);
            return;
        }

        for (var size = StackFormatBytes * 4; ; size *= 2)
        {
            var rented = ArrayPool<char>.Shared.Rent(size);
            try
            {
                if (Enum.TryFormat(value, rented, out written, format))
                {
                    WriteText(rented.AsSpan(0, written), guard: false);
                    return;
                }
            }
            finally
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Writes an empty field, as for <see langword="null"/>.</summary>
    public void WriteEmpty()
    {
        if (StartField())
        {
            _firstFieldEmpty = true;
        }
    }

    /// <summary>Writes <paramref name="count"/> empty fields, as for the columns of a <see langword="null"/> object.</summary>
    public void WriteEmpty(int count)
    {
        for (var i = 0; i < count; i++)
        {
            WriteEmpty();
        }
    }

    /// <summary>Ends the record with CRLF; the next field starts a new record.</summary>
    public void EndRecord()
    {
        if (_fieldCount == 1 && _firstFieldEmpty)
        {
            // A lone empty field would be a blank line, which readers skip: quote it so the record survives.
            _output.Write("\"\""u8);
        }

        _output.Write("\r\n"u8);
        _fieldCount = 0;
        _firstFieldEmpty = false;
    }

    private void WriteText(scoped ReadOnlySpan<char> text, bool guard)
    {
        if (text.IsEmpty)
        {
            WriteEmpty();
            return;
        }

        StartField();
        var prefix = guard && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
        if (!NeedsQuotes(text))
        {
            if (prefix)
            {
                _output.Write("'"u8);
            }

            Utf8Text.Write(_output, text);
            return;
        }

        _output.Write(prefix ? "\"'"u8 : "\""u8);
        for (var quote = text.IndexOf('"'); quote >= 0; quote = text.IndexOf('"'))
        {
            Utf8Text.Write(_output, text[..(quote + 1)]);
            _output.Write("\""u8);
            text = text[(quote + 1)..];
        }

        Utf8Text.Write(_output, text);
        _output.Write("\""u8);
    }

    private void WriteUtf8(scoped ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            WriteEmpty();
            return;
        }

        StartField();
        if (!NeedsQuotes(utf8))
        {
            _output.Write(utf8);
            return;
        }

        _output.Write("\""u8);
        for (var quote = utf8.IndexOf((byte)'"'); quote >= 0; quote = utf8.IndexOf((byte)'"'))
        {
            _output.Write(utf8[..(quote + 1)]);
            _output.Write("\""u8);
            utf8 = utf8[(quote + 1)..];
        }

        _output.Write(utf8);
        _output.Write("\""u8);
    }

    private readonly bool NeedsQuotes(ReadOnlySpan<char> text)
        => text.IndexOfAny(_delimiter, '"', '\r') >= 0 || text.Contains('\n');

    private readonly bool NeedsQuotes(ReadOnlySpan<byte> utf8)
        => utf8.IndexOfAny((byte)_delimiter, (byte)'"', (byte)'\r') >= 0 || utf8.Contains((byte)'\n');

    /// <summary>Writes the delimiter before every field but the first; <see langword="true"/> for the first.</summary>
    private bool StartField()
    {
        if (_fieldCount++ == 0)
        {
            return true;
        }

        Span<byte> delimiter = [(byte)_delimiter];
        _output.Write(delimiter);
        return false;
    }

    /// <summary>
    /// The length of ISO 8601 text once trailing zeros of its seven-digit fraction are removed (and the
    /// <c>.</c> with them when all are zeros), the offset moved up: <c>…:03.5000000Z</c> → <c>…:03.5Z</c>.
    /// </summary>
    private static int TrimFraction(Span<byte> iso)
    {
        const int Dot = 19;
        const int Digits = 7;
        if (iso.Length < Dot + 1 + Digits || iso[Dot] != (byte)'.')
        {
            return iso.Length;
        }

        var keep = Digits;
        while (keep > 0 && iso[Dot + keep] == (byte)'0')
        {
            keep--;
        }

        var end = keep == 0 ? Dot : Dot + 1 + keep;
        var offset = iso[(Dot + 1 + Digits)..];
        offset.CopyTo(iso[end..]);
        return end + offset.Length;
    }
}
