using System;
using System.Buffers;
using System.Text;

namespace Streaming;

/// <summary>
/// The escaping <see cref="System.Text.Json.Utf8JsonWriter"/> applies with its default encoder, reproduced for
/// text written straight to UTF-8: printable ASCII is copied, except <c>" &amp; ' + &lt; &gt; \ `</c>; control
/// characters use the short escapes <c>\b \t \n \f \r</c> where JSON has one and <c>\u00XX</c> otherwise;
/// <c>\</c> becomes <c>\\</c>; every other character, non-ASCII included, becomes <c>\uXXXX</c> in upper-case
/// hex (a surrogate pair as two, a lone surrogate as <c>\uFFFD</c>, as the encoder replaces it).
/// </summary>
internal static class JsonEscaping
{
    // One UTF-16 unit never becomes more than "\uXXXX".
    private const int MaxEscapedCharLength = 6;

    private static readonly SearchValues<char> s_asIs = SearchValues.Create(
        " !#$%()*,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_abcdefghijklmnopqrstuvwxyz{|}~");

    /// <summary>The index of the first character that is not copied as it is, or -1 when there is none.</summary>
    public static int IndexOfFirstToEscape(ReadOnlySpan<char> value) => value.IndexOfAnyExcept(s_asIs);

    /// <summary>The most bytes a string of <paramref name="length"/> characters can take once escaped from <paramref name="first"/> on.</summary>
    public static int MaxEscapedLength(int length, int first) => first + (MaxEscapedCharLength * (length - first));

    /// <summary>
    /// Writes <paramref name="value"/> escaped into <paramref name="destination"/> (at least
    /// <see cref="MaxEscapedLength"/> long), given that nothing before <paramref name="first"/> needs escaping;
    /// returns the bytes written.
    /// </summary>
    public static int Escape(ReadOnlySpan<char> value, int first, Span<byte> destination)
    {
        var written = 0;
        var rest = value;
        var run = first;
        while (true)
        {
            // Copy the run that needs nothing, then escape the character after it.
            Ascii.FromUtf16(rest[..run], destination[written..], out _);
            written += run;
            rest = rest[run..];
            if (rest.IsEmpty)
            {
                return written;
            }

            var c = rest[0];
            var consumed = 1;
            if (c < 0x80)
            {
                written += EscapeAscii(c, destination[written..]);
            }
            else if (char.IsHighSurrogate(c) && rest.Length > 1 && char.IsLowSurrogate(rest[1]))
            {
                written += WriteHexEscape(c, destination[written..]);
                written += WriteHexEscape(rest[1], destination[written..]);
                consumed = 2;
            }
            else
            {
                written += WriteHexEscape(char.IsSurrogate(c) ? '\uFFFD' : c, destination[written..]);
            }

            rest = rest[consumed..];
            run = rest.IndexOfAnyExcept(s_asIs);
            if (run < 0)
            {
                run = rest.Length;
            }
        }
    }

    private static int EscapeAscii(char c, Span<byte> destination)
    {
        var shortEscape = c switch
        {
            '\b' => (byte)'b',
            '\t' => (byte)'t',
            '\n' => (byte)'n',
            '\f' => (byte)'f',
            '\r' => (byte)'r',
            '\\' => (byte)'\\',
            _ => (byte)0,
        };

        if (shortEscape == 0)
        {
            return WriteHexEscape(c, destination);
        }

        destination[0] = (byte)'\\';
        destination[1] = shortEscape;
        return 2;
    }

    private static int WriteHexEscape(char c, Span<byte> destination)
    {
        const string Hex = "0123456789ABCDEF";
        destination[0] = (byte)'\\';
        destination[1] = (byte)'u';
        destination[2] = (byte)Hex[c >> 12];
        destination[3] = (byte)Hex[(c >> 8) & 0xF];
        destination[4] = (byte)Hex[(c >> 4) & 0xF];
        destination[5] = (byte)Hex[c & 0xF];
        return MaxEscapedCharLength;
    }
}
