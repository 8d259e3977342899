using System.Text;

namespace Streaming.Generators.Emit;

/// <summary>
/// JSON text known at build time (property names, enum names), escaped here exactly as <c>Utf8JsonWriter</c>
/// escapes at run time with the default encoder — printable ASCII as it is except <c>" &amp; ' + &lt; &gt; \ `</c>,
/// the short escapes <c>\b \t \n \f \r \\</c>, <c>\uXXXX</c> in upper-case hex for everything else (a surrogate pair
/// as two, a lone surrogate as <c>\uFFFD</c>) — and written into generated code as a UTF-8 literal.
/// </summary>
internal static class JsonLiteral
{
    private const string AsIs = " !#$%()*,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_abcdefghijklmnopqrstuvwxyz{|}~";

    /// <summary><paramref name="text"/> as a JSON string, quotes included.</summary>
    public static string String(string text)
    {
        var json = new StringBuilder(text.Length + 2).Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (AsIs.IndexOf(c) >= 0)
            {
                json.Append(c);
            }
            else if (c is '\b' or '\t' or '\n' or '\f' or '\r' or '\\')
            {
                json.Append('\\').Append(c switch { '\b' => 'b', '\t' => 't', '\n' => 'n', '\f' => 'f', '\r' => 'r', _ => '\\' });
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                Hex(json, c);
                Hex(json, text[++i]);
            }
            else
            {
                Hex(json, char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return json.Append('"').ToString();
    }

    /// <summary>A C# UTF-8 literal of <paramref name="json"/> (ASCII, as escaped JSON always is): <c>"{\"id\":"u8</c>.</summary>
    public static string Utf8(string json) => Code.Literal(json) + "u8";

    private static void Hex(StringBuilder json, char c) => json.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
}
