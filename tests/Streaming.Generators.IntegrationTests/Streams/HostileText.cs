using System.Text;

namespace Streaming.Generators.IntegrationTests.Streams;

/// <summary>
/// Deterministic random text made of the pieces that break naive CSV and SSE writers: separators, quotes,
/// every kind of line break, field names, formula prefixes, non-ASCII and surrogate pairs.
/// </summary>
public static class HostileText
{
    private static readonly string[] Pieces =
    [
        "a", "Zebra", "42", " ", ",", ";", "\"", "\"\"", "'", "\r", "\n", "\r\n", "\n\r", "\t",
        "=", "+", "-", "@", "=SUM(A1:A9)", "-1", "@cmd", "é", "漢字", "😀", "\u2028", "\0",
        "data:", "data: x", "event:", "event: error", "id:", "id: 7", "retry:", "retry: 1", ":", ": comment",
    ];

    /// <summary>A random seed for one item of one run, the same on the server and in the test.</summary>
    public static Random For(int seed, int index) => new(unchecked((seed * 100_003) + index));

    /// <summary>Up to <paramref name="maxPieces"/> random pieces; sometimes empty.</summary>
    public static string Next(Random random, int maxPieces = 12)
    {
        var text = new StringBuilder();
        var count = random.Next(maxPieces + 1);
        for (var i = 0; i < count; i++)
        {
            text.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return text.ToString();
    }

    /// <summary>Text without CR or LF (an SSE event type or id), still full of field names and colons.</summary>
    public static string NextSingleLine(Random random)
        => Next(random, 6).Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Replace("\0", "", StringComparison.Ordinal);

    /// <summary>Text longer than one transcoding chunk, with surrogate pairs wherever the chunks break.</summary>
    public static string Long(Random random) => string.Concat(Enumerable.Range(0, 9000).Select(_ => random.Next(3) == 0 ? "😀" : "ab,\"é"));
}
