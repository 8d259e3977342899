using System;
using System.Text;

namespace Streaming.Analyzers.Tests.Harness;

/// <summary>A line-by-line comparison good enough to read a failed code-fix test.</summary>
internal static class TextDiff
{
    public static string Lines(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var diff = new StringBuilder();
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : null;
            var a = i < actualLines.Length ? actualLines[i] : null;
            if (e == a)
            {
                diff.Append("   ").AppendLine(e);
                continue;
            }

            if (e is not null)
            {
                diff.Append("-  ").AppendLine(Visible(e));
            }

            if (a is not null)
            {
                diff.Append("+  ").AppendLine(Visible(a));
            }
        }

        return diff.ToString();
    }

    private static string Visible(string line) => line.Replace("\r", "\\r").Replace("\t", "\\t");
}
