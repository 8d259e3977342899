using System;
using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.Unicode;

namespace Streaming;

/// <summary>
/// Writes the fields of one CSV record (RFC 4180) straight into UTF-8 spans: the delimiter between fields,
/// quotes only around a field that holds the delimiter, <c>"</c>, CR or LF, <c>"</c> doubled inside them.
/// Values are formatted with the invariant culture and no string is created per field.
/// </summary>
/// <remarks>
/// <para>
/// With the formula-injection guard on, a text field that begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>,
/// tab or CR gets a leading <c>'</c>, so that a spreadsheet shows it as text instead of evaluating it (OWASP
/// "CSV injection"). Numbers, dates and enums are never prefixed.
/// </para>
/// <para>
/// The writer fills one span of the output and hands it over in <see cref="EndRecord"/>: a record is
/// committed whole, and the output must not be written to by anything else between the first field and
/// <see cref="EndRecord"/>.
/// </para>
/// </remarks>
public ref struct CsvFieldWriter
{
    // Every value the formatters below write in their own formats fits; a longer one only comes from a custom format.
    private const int FormattedBytes = 64;

    // Large texts go out in pieces, so that a long string never asks the output for one huge span.
    private const int MaxChunkBytes = 16 * 1024;

    private const int MinimumSpan = 256;

    private readonly IBufferWriter<byte> _output;
    private readonly CsvDelimiter _delimiter;
    private readonly bool _injectionGuard;
    private Span<byte> _span;
    private int _position;
    private int _fieldCount;
    private bool _firstFieldEmpty;

    /// <summary>Starts a record in <paramref name="output"/>.</summary>
    /// <param name="output">Where the record is written.</param>
    /// <param name="delimiter">The field separator: an ASCII character other than <c>"</c>, CR and LF.</param>
    /// <param name="injectionGuard">Whether text fields that a spreadsheet would evaluate get a leading <c>'</c>.</param>
    public CsvFieldWriter(IBufferWriter<byte> output, char delimiter = ',', bool injectionGuard = true)
        : this(output, CsvDelimiter.For(delimiter), injectionGuard)
    {
        ArgumentNullException.ThrowIfNull(output);
    }

    internal CsvFieldWriter(IBufferWriter<byte> output, CsvDelimiter delimiter, bool injectionGuard)
    {
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
        var chars = length <= FormattedBytes ? stackalloc char[FormattedBytes] : (rented = ArrayPool<char>.Shared.Rent(length));
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
    public void WriteBoolean(bool value)
    {
        // Two calls with constant spans: each copy is a fixed-length store.
        if (value)
        {
            WritePlain("true"u8);
        }
        else
        {
            WritePlain("false"u8);
        }
    }

    /// <summary>Writes a number, Guid or other formattable value as System.Text.Json writes it (invariant, round-trip).</summary>
    public void WriteValue<T>(T value)
        where T : IUtf8SpanFormattable
    {
        var start = StartField(FormattedBytes);
        ref var field = ref At(start);

        // The common types are written here, the rest by their own formatter; 0 means "not here".
        var written = typeof(T) == typeof(long) ? Utf8Scalars.WriteInt64(ref field, Unsafe.As<T, long>(ref value))
            : typeof(T) == typeof(int) ? Utf8Scalars.WriteInt64(ref field, Unsafe.As<T, int>(ref value))
            : typeof(T) == typeof(short) ? Utf8Scalars.WriteInt64(ref field, Unsafe.As<T, short>(ref value))
            : typeof(T) == typeof(sbyte) ? Utf8Scalars.WriteInt64(ref field, Unsafe.As<T, sbyte>(ref value))
            : typeof(T) == typeof(ulong) ? Utf8Scalars.WriteUInt64(ref field, Unsafe.As<T, ulong>(ref value))
            : typeof(T) == typeof(uint) ? Utf8Scalars.WriteUInt64(ref field, Unsafe.As<T, uint>(ref value))
            : typeof(T) == typeof(ushort) ? Utf8Scalars.WriteUInt64(ref field, Unsafe.As<T, ushort>(ref value))
            : typeof(T) == typeof(byte) ? Utf8Scalars.WriteUInt64(ref field, Unsafe.As<T, byte>(ref value))
            : typeof(T) == typeof(Guid) ? Utf8Scalars.WriteGuid(ref field, Unsafe.As<T, Guid>(ref value))
            : typeof(T) == typeof(decimal) ? WriteDecimal(start, Unsafe.As<T, decimal>(ref value))
            : typeof(T) == typeof(double) ? WriteShortDouble(start, Unsafe.As<T, double>(ref value))
            : 0;
        if (written > 0)
        {
            _position = start + written;
        }
        else
        {
            written = FormatOther(value);
        }

        if (!PlainText<T>.Always || !_delimiter.IsPlain)
        {
            QuoteIfNeeded(written);
        }
    }

    /// <summary>Writes <paramref name="value"/> with a .NET <paramref name="format"/> and the invariant culture.</summary>
    public void WriteFormatted<T>(T value, scoped ReadOnlySpan<char> format)
        where T : IUtf8SpanFormattable
    {
        // A custom format can produce anything, the delimiter and quotes included.
        StartField(FormattedBytes);
        QuoteIfNeeded(FormatAt(value, format));
    }

    /// <summary>Writes a <see cref="DateTime"/> as System.Text.Json does: ISO 8601, trailing zeros of the fraction trimmed.</summary>
    public void WriteDateTime(DateTime value)
    {
        var start = StartField(FormattedBytes);
        _position = start + JsonDates.Format(value, _span[start..]);
        QuoteIfNotPlain(start);
    }

    /// <summary>Writes a <see cref="DateTimeOffset"/> as System.Text.Json does: ISO 8601, trailing zeros of the fraction trimmed.</summary>
    public void WriteDateTimeOffset(DateTimeOffset value)
    {
        var start = StartField(FormattedBytes);
        _position = start + JsonDates.Format(value, _span[start..]);
        QuoteIfNotPlain(start);
    }

    /// <summary>Writes a <see cref="DateOnly"/> as System.Text.Json does: <c>yyyy-MM-dd</c>.</summary>
    public void WriteDate(DateOnly value)
    {
        var start = StartField(FormattedBytes);
        value.TryFormat(_span[start..], out var written, "O", CultureInfo.InvariantCulture);
        _position = start + written;
        QuoteIfNotPlain(start);
    }

    /// <summary>Writes a <see cref="TimeSpan"/> as System.Text.Json does: the constant format, <c>[-][d.]hh:mm:ss[.fffffff]</c>.</summary>
    public void WriteTimeSpan(TimeSpan value)
    {
        var start = StartField(FormattedBytes);
        value.TryFormat(_span[start..], out var written, "c", CultureInfo.InvariantCulture);
        _position = start + written;
        QuoteIfNotPlain(start);
    }

    /// <summary>Writes a <see cref="TimeOnly"/> as System.Text.Json does: <c>hh:mm:ss[.fffffff]</c>.</summary>
    public void WriteTime(TimeOnly value) => WriteTimeSpan(value.ToTimeSpan());

    /// <summary>Writes an enum value by name (<c>A, B</c> for a combination of flags, the number when it has no name).</summary>
    public void WriteEnum<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        if (CsvEnumNames<TEnum>.Find(value) is { } name)
        {
            // A single member's name is an identifier: it needs quotes only when the delimiter is a letter or digit.
            WritePlain(name);
            return;
        }

        WriteEnum(value, default);
    }

    /// <summary>Writes an enum value with an enum <paramref name="format"/> (<c>G</c>, <c>D</c>, <c>X</c>, <c>F</c>).</summary>
    public void WriteEnum<TEnum>(TEnum value, scoped ReadOnlySpan<char> format)
        where TEnum : struct, Enum
    {
        Span<char> buffer = stackalloc char[FormattedBytes * 2];
        if (Enum.TryFormat(value, buffer, out var written, format))
        {
            WriteText(buffer[..written], guard: false);
            return;
        }

        for (var size = buffer.Length * 4; ; size *= 2)
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
        if (_fieldCount == 0)
        {
            _firstFieldEmpty = true;
        }

        StartField(0);
    }

    /// <summary>Writes <paramref name="count"/> empty fields, as for the columns of a <see langword="null"/> object.</summary>
    public void WriteEmpty(int count)
    {
        for (var i = 0; i < count; i++)
        {
            WriteEmpty();
        }
    }

    /// <summary>Ends the record with CRLF and hands it to the output; the next field starts a new record.</summary>
    public void EndRecord()
    {
        Reserve(4);
        var end = _position;
        if (_fieldCount == 1 && _firstFieldEmpty)
        {
            // A lone empty field would be a blank line, which readers skip: quote it so the record survives.
            At(end++) = (byte)'"';
            At(end++) = (byte)'"';
        }

        Unsafe.WriteUnaligned(ref At(end), (ushort)('\r' | ('\n' << 8)));
        _output.Advance(end + 2);
        _span = default;
        _position = 0;
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

        var prefix = guard && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
        if (text.Length > MaxChunkBytes / 3)
        {
            WriteLongText(text, prefix);
            return;
        }

        // Room for three bytes a character, the quotes and the prefix: the text is written in one go.
        var start = StartField((text.Length * 3) + 3);
        ref var field = ref At(start);
        var length = 0;
        if (prefix)
        {
            field = (byte)'\'';
            length = 1;
        }

        var read = WriteRun(text, ref Unsafe.Add(ref field, length), quoted: false, out var written);
        length += written;
        if (read < text.Length)
        {
            // A character beyond the two-byte range (or a surrogate) stopped the run: if nothing further on needs
            // quotes, the rest is transcoded as it is.
            var rest = text[read..];
            if (rest.IndexOfAny(_delimiter.SpecialChars) >= 0)
            {
                WriteQuotedText(start, text, prefix);
                return;
            }

            Utf8.FromUtf16(rest, _span[(start + length)..], out _, out written, replaceInvalidSequences: true, isFinalBlock: true);
            length += written;
        }

        _position = start + length;
    }

    /// <summary>Writes text in quotes, its <c>"</c> doubled, from <paramref name="start"/>, into the room <see cref="WriteText"/> made for it.</summary>
    private void WriteQuotedText(int start, scoped ReadOnlySpan<char> text, bool prefix)
    {
        ref var field = ref At(start);
        field = (byte)'"';
        var length = 1;
        if (prefix)
        {
            Unsafe.Add(ref field, length++) = (byte)'\'';
        }

        while (true)
        {
            text = text[WriteRun(text, ref Unsafe.Add(ref field, length), quoted: true, out var written)..];
            length += written;
            if (text.IsEmpty)
            {
                break;
            }

            if (text[0] == '"')
            {
                Unsafe.Add(ref field, length++) = (byte)'"';
                Unsafe.Add(ref field, length++) = (byte)'"';
                text = text[1..];
                continue;
            }

            // A character beyond the two-byte range or a surrogate: the transcoder takes the text up to the next quote.
            var next = text.IndexOf('"');
            var piece = next < 0 ? text : text[..next];
            Utf8.FromUtf16(piece, _span[(start + length)..], out _, out written, replaceInvalidSequences: true, isFinalBlock: true);
            length += written;
            text = text[piece.Length..];
        }

        Unsafe.Add(ref field, length++) = (byte)'"';
        _position = start + length;
    }

    /// <summary>A text too long for one span: scanned first, then written in pieces.</summary>
    private void WriteLongText(scoped ReadOnlySpan<char> text, bool prefix)
    {
        StartField(0);
        if (text.IndexOfAny(_delimiter.SpecialChars) >= 0)
        {
            WriteQuoted(text, prefix);
            return;
        }

        if (prefix)
        {
            WriteAscii((byte)'\'');
        }

        WriteUtf16(text);
    }

    /// <summary>
    /// Writes the leading characters of <paramref name="text"/> that the writer encodes itself as UTF-8 to
    /// <paramref name="destination"/> (which has room for three bytes a character): ASCII, eight at a time, and
    /// the two-byte range (accented Latin, Greek, Cyrillic, Hebrew, Arabic). Stops at a character beyond those
    /// and at one that needs quotes or, in a <paramref name="quoted"/> field, at <c>"</c>.
    /// Returns how many characters were written, and <paramref name="written"/> the bytes.
    /// </summary>
    private readonly int WriteRun(scoped ReadOnlySpan<char> text, ref byte destination, bool quoted, out int written)
    {
        ref var source = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        ref var needsQuotes = ref MemoryMarshal.GetArrayDataReference(_delimiter.SpecialAscii);
        var read = 0;
        written = 0;
        while (read < text.Length)
        {
            if (Vector128.IsHardwareAccelerated && read <= text.Length - Vector128<ushort>.Count)
            {
                // Eight characters narrowed and stored whatever they are: the bytes of those not plain ASCII are
                // written over below.
                var block = Vector128.LoadUnsafe(ref source, (nuint)read);
                Vector128.Narrow(block, block).GetLower().StoreUnsafe(ref destination, (nuint)written);
                var stop = Vector128.GreaterThan(block, Vector128.Create((ushort)0x7F)) | Vector128.Equals(block, Vector128.Create((ushort)'"'));
                if (!quoted)
                {
                    stop |= Vector128.Equals(block, Vector128.Create((ushort)_delimiter.Byte))
                        | Vector128.Equals(block, Vector128.Create((ushort)'\r'))
                        | Vector128.Equals(block, Vector128.Create((ushort)'\n'));
                }

                var plain = stop == Vector128<ushort>.Zero ? Vector128<ushort>.Count : BitOperations.TrailingZeroCount(stop.ExtractMostSignificantBits());
                read += plain;
                written += plain;
                if (plain == Vector128<ushort>.Count)
                {
                    continue;
                }
            }

            var c = Unsafe.Add(ref source, read);
            if (c <= 0x7F)
            {
                if (quoted ? c == '"' : Unsafe.Add(ref needsQuotes, c))
                {
                    break;
                }

                Unsafe.Add(ref destination, written++) = (byte)c;
            }
            else if (c <= 0x7FF)
            {
                Unsafe.Add(ref destination, written++) = (byte)(0xC0 | (c >> 6));
                Unsafe.Add(ref destination, written++) = (byte)(0x80 | (c & 0x3F));
            }
            else
            {
                break;
            }

            read++;
        }

        return read;
    }

    /// <summary>Writes text in quotes, its <c>"</c> doubled, in pieces; the field has been started.</summary>
    private void WriteQuoted(scoped ReadOnlySpan<char> text, bool prefix)
    {
        Reserve(2);
        _span[_position++] = (byte)'"';
        if (prefix)
        {
            _span[_position++] = (byte)'\'';
        }

        for (var quote = text.IndexOf('"'); quote >= 0; quote = text.IndexOf('"'))
        {
            WriteUtf16(text[..(quote + 1)]);
            WriteAscii((byte)'"');
            text = text[(quote + 1)..];
        }

        WriteUtf16(text);
        WriteAscii((byte)'"');
    }

    /// <summary>Writes UTF-8 that may need quotes (a column name).</summary>
    private void WriteUtf8(scoped ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            WriteEmpty();
            return;
        }

        if (utf8.IndexOfAny(_delimiter.SpecialBytes) < 0)
        {
            WritePlain(utf8, checkDelimiter: false);
            return;
        }

        StartField(0);
        WriteQuoted(utf8);
    }

    private void WriteQuoted(scoped ReadOnlySpan<byte> utf8)
    {
        WriteAscii((byte)'"');
        for (var quote = utf8.IndexOf((byte)'"'); quote >= 0; quote = utf8.IndexOf((byte)'"'))
        {
            WriteBytes(utf8[..(quote + 1)]);
            WriteAscii((byte)'"');
            utf8 = utf8[(quote + 1)..];
        }

        WriteBytes(utf8);
        WriteAscii((byte)'"');
    }

    /// <summary>Writes a short non-empty value of letters, digits, <c>-+.:</c> (a name, a literal), quoted if the delimiter is one of those.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WritePlain(scoped ReadOnlySpan<byte> utf8, bool checkDelimiter = true)
    {
        if (checkDelimiter && !_delimiter.IsPlain)
        {
            WriteUtf8(utf8);
            return;
        }

        var start = StartField(utf8.Length);
        utf8.CopyTo(_span[start..]);
        _position = start + utf8.Length;
    }

    /// <summary>Formats a value <see cref="WriteValue"/> does not write itself; kept out of line, so that the callers of the common types stay small.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int FormatOther<T>(T value)
        where T : IUtf8SpanFormattable
        => FormatAt(value, default);

    /// <summary>Formats <paramref name="value"/> at the current position; returns its length.</summary>
    private int FormatAt<T>(T value, scoped ReadOnlySpan<char> format)
        where T : IUtf8SpanFormattable
    {
        int written;
        for (var size = FormattedBytes * 4; !value.TryFormat(_span[_position..], out written, format, CultureInfo.InvariantCulture); size *= 2)
        {
            // Only a custom format makes a value this long. What is before this field is complete: hand it over.
            Reserve(size);
        }

        _position += written;
        if (written == 0 && _fieldCount == 1)
        {
            _firstFieldEmpty = true;
        }

        return written;
    }

    private void QuoteIfNotPlain(int start)
    {
        if (!_delimiter.IsPlain)
        {
            QuoteIfNeeded(_position - start);
        }
    }

    /// <summary>Quotes the <paramref name="length"/> bytes just written if they hold a character that needs it.</summary>
    private void QuoteIfNeeded(int length)
    {
        var start = _position - length;
        var field = _span.Slice(start, length);
        if (field.IndexOfAny(_delimiter.SpecialBytes) < 0)
        {
            return;
        }

        // Rare: a custom format, or a letter or digit for a delimiter. Copy the field aside and write it again, quoted.
        var rented = ArrayPool<byte>.Shared.Rent(length);
        field.CopyTo(rented);
        _position = start;
        WriteQuoted(rented.AsSpan(0, length));
        ArrayPool<byte>.Shared.Return(rented);
    }

    /// <summary>
    /// The byte at <paramref name="position"/> of the span, unchecked: callers stay within what they reserved.
    /// Field writers keep their start in a local rather than reading <see cref="_position"/> back, which every
    /// byte they store might have changed as far as the compiler can tell.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly ref byte At(int position) => ref Unsafe.Add(ref MemoryMarshal.GetReference(_span), position);

    /// <summary>Writes the delimiter before every field but the first and makes room for <paramref name="bytes"/> more; returns where the field starts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int StartField(int bytes)
    {
        Reserve(bytes + 1);
        var start = _position;
        if (_fieldCount++ != 0)
        {
            At(start++) = _delimiter.Byte;
            _position = start;
        }

        return start;
    }

    private void WriteUtf16(scoped ReadOnlySpan<char> text)
    {
        while (true)
        {
            Reserve(text.Length <= MaxChunkBytes / 3 ? text.Length * 3 : MaxChunkBytes);
            Utf8.FromUtf16(text, _span[_position..], out var read, out var written, replaceInvalidSequences: true, isFinalBlock: true);
            _position += written;
            if (read == text.Length)
            {
                return;
            }

            text = text[read..];
        }
    }

    private void WriteBytes(scoped ReadOnlySpan<byte> utf8)
    {
        while (true)
        {
            Reserve(Math.Min(utf8.Length, MaxChunkBytes));
            var count = Math.Min(utf8.Length, _span.Length - _position);
            utf8[..count].CopyTo(_span[_position..]);
            _position += count;
            if (count == utf8.Length)
            {
                return;
            }

            utf8 = utf8[count..];
        }
    }

    private void WriteAscii(byte value)
    {
        Reserve(1);
        _span[_position++] = value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Reserve(int bytes)
    {
        if ((uint)(_span.Length - _position) < (uint)bytes)
        {
            Grow(bytes);
        }
    }

    /// <summary>Hands what is written over and takes a new span of at least <paramref name="bytes"/>.</summary>
    private void Grow(int bytes)
    {
        if (_position > 0)
        {
            _output.Advance(_position);
        }

        _span = _output.GetSpan(Math.Max(bytes, MinimumSpan));
        _position = 0;
    }

    /// <summary>
    /// Writes a decimal whose digits fit in 64 bits as its general format does: every digit of its scale, never
    /// an exponent (<c>1.50</c>, <c>-0.05</c>); returns the length. Larger ones and zero are left to the
    /// formatter: 0 is returned and nothing written.
    /// </summary>
    private readonly int WriteDecimal(int start, decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var mantissa = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        return bits[2] != 0 || mantissa == 0 ? 0 : DecimalText.WriteScaled(mantissa, (bits[3] >> 16) & 0xFF, bits[3] < 0, _span[start..]);
    }

    /// <summary>Writes a double that is a short decimal from its digits (see <see cref="DecimalText.WriteShortDouble"/>); 0 for any other.</summary>
    private readonly int WriteShortDouble(int start, double value) => DecimalText.WriteShortDouble(value, _span[start..]);

    /// <summary>
    /// Whether the invariant text of every value of <typeparamref name="T"/> in its default format is made of
    /// digits, letters and <c>-+.:</c> only (numbers, including <c>NaN</c> and <c>-Infinity</c>, and Guids).
    /// </summary>
    private static class PlainText<T>
    {
        public static readonly bool Always =
            typeof(T) == typeof(int) || typeof(T) == typeof(long) || typeof(T) == typeof(short) || typeof(T) == typeof(sbyte)
            || typeof(T) == typeof(uint) || typeof(T) == typeof(ulong) || typeof(T) == typeof(ushort) || typeof(T) == typeof(byte)
            || typeof(T) == typeof(nint) || typeof(T) == typeof(nuint) || typeof(T) == typeof(Int128) || typeof(T) == typeof(UInt128)
            || typeof(T) == typeof(double) || typeof(T) == typeof(float) || typeof(T) == typeof(Half) || typeof(T) == typeof(decimal)
            || typeof(T) == typeof(Guid);
    }
}
