using System;
using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Streaming;

/// <summary>
/// Where generated writers put JSON: UTF-8 written straight into the span of an <see cref="IBufferWriter{T}"/>,
/// asked for once and handed back once per item (more often only when a value does not fit). Generated code
/// writes the structure itself as pre-encoded literals (<c>{"id":</c>, <c>,"name":</c>, <c>]</c>) and each value
/// with one of these methods, whose text is byte for byte what <see cref="Utf8JsonWriter"/> writes for it with
/// the default options: strings escaped by the default encoder's rules, numbers and dates in its formats.
/// Objects and arrays are opened and closed through it, so it knows how deep it is for the serializer's depth limit.
/// </summary>
/// <remarks>
/// Nothing here validates structure; the generated code is the structure. Values the writer cannot write itself
/// (a custom converter, <see cref="object"/>, a <see cref="JsonElement"/>) go through a <see cref="Utf8JsonWriter"/>
/// lent by <see cref="StartUtf8JsonWriter"/>.
/// </remarks>
public ref partial struct JsonOutput
{
    // Enough for any number, date, Guid, time or version written below, with its quotes.
    private const int MaxScalarLength = 64;

    // Utf8JsonWriter refuses more; the limit also keeps the encoded length an int.
    private const int MaxBase64Length = 125_000_000;

    private readonly IBufferWriter<byte> _output;
    private Span<byte> _buffer;
    private int _position;

    /// <summary>Starts writing into <paramref name="output"/>; <see cref="Commit"/> hands the bytes over.</summary>
    /// <param name="output">Where the bytes go.</param>
    /// <param name="depth">How many objects or arrays the value written is already inside (1 for the items of a JSON array response).</param>
    public JsonOutput(IBufferWriter<byte> output, int depth = 0)
    {
        _output = output;
        _buffer = output.GetSpan(MaxScalarLength * 4);
        _position = 0;
        Depth = depth;
    }

    /// <summary>How many objects and arrays are open: what the serializer's depth limit counts.</summary>
    public int Depth { get; private set; }

    /// <summary>Advances the underlying writer past everything written. Writing on asks it for a new span.</summary>
    public void Commit()
    {
        _output.Advance(_position);
        _buffer = default;
        _position = 0;
    }

    /// <summary>Writes bytes as they are: pre-encoded JSON such as <c>,"name":</c> or <c>[</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteRaw(scoped ReadOnlySpan<byte> utf8)
    {
        var free = _buffer[_position..];
        if (utf8.Length > free.Length)
        {
            free = Grow(utf8.Length);
        }

        utf8.CopyTo(free);
        _position += utf8.Length;
    }

    /// <summary>Writes one byte, such as the <c>,</c> between array items.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteRaw(byte utf8)
    {
        if (_position >= _buffer.Length)
        {
            Grow(1);
        }

        _buffer[_position++] = utf8;
    }

    /// <summary><c>{</c>, one level deeper.</summary>
    public void WriteStartObject()
    {
        Depth++;
        WriteRaw((byte)'{');
    }

    /// <summary><c>}</c>, one level up.</summary>
    public void WriteEndObject()
    {
        Depth--;
        WriteRaw((byte)'}');
    }

    /// <summary><c>[</c>, one level deeper.</summary>
    public void WriteStartArray()
    {
        Depth++;
        WriteRaw((byte)'[');
    }

    /// <summary><c>]</c>, one level up.</summary>
    public void WriteEndArray()
    {
        Depth--;
        WriteRaw((byte)']');
    }

    /// <summary>
    /// Writes the <c>,</c> that goes before every item or property but the first, where which comes first is known
    /// only at run time: <paramref name="separator"/> starts <see langword="false"/> and is the same for the whole list.
    /// </summary>
    public void WriteSeparator(ref bool separator)
    {
        if (separator)
        {
            WriteRaw((byte)',');
        }

        separator = true;
    }

    /// <summary><c>null</c>.</summary>
    public void WriteNull() => WriteRaw("null"u8);

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public void WriteBoolean(bool value) => WriteRaw(value ? "true"u8 : "false"u8);

    /// <summary>An integer.</summary>
    public void WriteNumber(int value) => WriteNumber((long)value);

    /// <summary>An integer.</summary>
    public void WriteNumber(uint value) => WriteNumber((ulong)value);

    /// <summary>An integer.</summary>
    public void WriteNumber(long value)
    {
        var free = Free(MaxScalarLength);
        _position += Utf8Scalars.WriteInt64(ref MemoryMarshal.GetReference(free), value);
    }

    /// <summary>An integer.</summary>
    public void WriteNumber(ulong value)
    {
        var free = Free(MaxScalarLength);
        _position += Utf8Scalars.WriteUInt64(ref MemoryMarshal.GetReference(free), value);
    }

    /// <summary>A decimal with its scale (<c>1.50</c> stays <c>1.50</c>), as <see cref="Utf8JsonWriter"/> formats it.</summary>
    public void WriteNumber(decimal value)
    {
        var free = Free(MaxScalarLength);
        _position += JsonDecimals.Format(value, free);
    }

    /// <summary>
    /// The shortest text that reads back as the same <see cref="double"/> (a short decimal such as a weight written
    /// from its digits); NaN and the infinities are refused as <see cref="Utf8JsonWriter"/> refuses them.
    /// </summary>
    public void WriteNumber(double value)
    {
        if (!double.IsFinite(value))
        {
            ThrowNotFinite(value.ToString(CultureInfo.InvariantCulture));
        }

        var free = Free(MaxScalarLength);
        var written = DecimalText.WriteShortDouble(value, free);
        if (written == 0)
        {
            value.TryFormat(free, out written, provider: CultureInfo.InvariantCulture);
        }

        _position += written;
    }

    /// <summary>The shortest text that reads back as the same <see cref="float"/>; NaN and the infinities are refused.</summary>
    public void WriteNumber(float value)
    {
        if (!float.IsFinite(value))
        {
            ThrowNotFinite(value.ToString(CultureInfo.InvariantCulture));
        }

        var free = Free(MaxScalarLength);
        value.TryFormat(free, out var written, provider: CultureInfo.InvariantCulture);
        _position += written;
    }

    /// <summary>A number already formatted as JSON (a <see cref="Half"/>, an <see cref="Int128"/>).</summary>
    public void WriteFormattedNumber<T>(T value)
        where T : IUtf8SpanFormattable
        => WriteFormatted(value);

    /// <summary>Bytes as a base64 string, as <see cref="Utf8JsonWriter.WriteBase64StringValue"/> writes them.</summary>
    public void WriteBase64(scoped ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxBase64Length)
        {
            ThrowTooLong(bytes.Length);
        }

        var length = Base64.GetMaxEncodedToUtf8Length(bytes.Length);
        var free = Free(length + 2);
        free[0] = (byte)'"';
        Base64.EncodeToUtf8(bytes, free[1..], out _, out var written);
        free[written + 1] = (byte)'"';
        _position += written + 2;
    }

    /// <summary>A Guid in its <c>D</c> format, lower-case, in quotes.</summary>
    public void WriteString(Guid value)
    {
        var free = Free(MaxScalarLength);
        free[0] = (byte)'"';
        var written = Utf8Scalars.WriteGuid(ref free[1], value);
        free[written + 1] = (byte)'"';
        _position += written + 2;
    }

    /// <summary>A date and time as <see cref="Utf8JsonWriter"/> writes it: ISO 8601 round trip, fraction trimmed.</summary>
    public void WriteString(DateTime value)
    {
        var free = Free(MaxScalarLength);
        free[0] = (byte)'"';
        var written = JsonDates.Format(value, free[1..]);
        free[written + 1] = (byte)'"';
        _position += written + 2;
    }

    /// <summary>A date, time and offset as <see cref="Utf8JsonWriter"/> writes it: ISO 8601 round trip, fraction trimmed.</summary>
    public void WriteString(DateTimeOffset value)
    {
        var free = Free(MaxScalarLength);
        free[0] = (byte)'"';
        var written = JsonDates.Format(value, free[1..]);
        free[written + 1] = (byte)'"';
        _position += written + 2;
    }

    /// <summary>
    /// Hands the bytes written so far over and lends a <see cref="Utf8JsonWriter"/> on the same output, for one
    /// value this writer cannot write itself; give it back with <see cref="EndUtf8JsonWriter"/>. The lent writer
    /// starts fresh, so it writes the value with no separator before it (and counts depth from zero).
    /// </summary>
    public Utf8JsonWriter StartUtf8JsonWriter()
    {
        Commit();
        return Utf8JsonWriterCache.Rent(_output);
    }

    /// <summary>Takes back the writer lent by <see cref="StartUtf8JsonWriter"/> and continues after what it wrote.</summary>
    public void EndUtf8JsonWriter(Utf8JsonWriter writer)
    {
        writer.Flush();
        Utf8JsonWriterCache.Return(writer);
        _buffer = _output.GetSpan(MaxScalarLength * 4);
        _position = 0;
    }

    /// <summary>A value whose text needs no escaping (digits, <c>-</c>, <c>:</c>, <c>.</c>), in quotes, in <paramref name="format"/>.</summary>
    internal void WriteQuoted<T>(T value, scoped ReadOnlySpan<char> format)
        where T : IUtf8SpanFormattable
    {
        var free = Free(MaxScalarLength);
        free[0] = (byte)'"';
        value.TryFormat(free[1..], out var written, format, CultureInfo.InvariantCulture);
        free[written + 1] = (byte)'"';
        _position += written + 2;
    }

    private void WriteFormatted<T>(T value)
        where T : IUtf8SpanFormattable
    {
        var free = Free(MaxScalarLength);
        value.TryFormat(free, out var written, default, CultureInfo.InvariantCulture);
        _position += written;
    }

    /// <summary>The free part of the buffer, at least <paramref name="length"/> bytes long.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<byte> Free(int length)
    {
        var free = _buffer[_position..];
        return free.Length >= length ? free : Grow(length);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Span<byte> Grow(int length)
    {
        _output.Advance(_position);
        _position = 0;
        _buffer = _output.GetSpan(Math.Max(length, MaxScalarLength * 4));
        return _buffer;
    }

    private static void ThrowNotFinite(string value)
        => throw new ArgumentException($".NET number values such as positive and negative infinity cannot be written as valid JSON. '{value}' is not a finite number.", nameof(value));
}
