using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace Streaming.Analyzers.Tests.Harness;

/// <summary>A diagnostic a test expects: its ID and the span of source it underlines.</summary>
internal sealed record ExpectedDiagnostic(string Id, TextSpan Span);

/// <summary>
/// Test sources with the expected diagnostics written inline: <c>{|STRM001:q.ToList()|}</c> expects STRM001
/// on exactly <c>q.ToList()</c>. Spans may nest.
/// </summary>
internal static class Markup
{
    private const string CloseMarker = "|}";

    public static (string Source, ImmutableArray<ExpectedDiagnostic> Expected) Parse(string markup)
    {
        var source = new StringBuilder(markup.Length);
        var expected = ImmutableArray.CreateBuilder<ExpectedDiagnostic>();
        var open = new Stack<(string Id, int Start)>();
        var i = 0;
        while (i < markup.Length)
        {
            if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|')
            {
                var colon = markup.IndexOf(':', i + 2);
                if (colon < 0)
                {
                    throw new FormatException($"Markup '{{|' at offset {i} has no ':' after its diagnostic ID.");
                }

                open.Push((markup.Substring(i + 2, colon - i - 2), source.Length));
                i = colon + 1;
                continue;
            }

            if (open.Count > 0 && string.CompareOrdinal(markup, i, CloseMarker, 0, CloseMarker.Length) == 0)
            {
                var (id, start) = open.Pop();
                expected.Add(new ExpectedDiagnostic(id, TextSpan.FromBounds(start, source.Length)));
                i += CloseMarker.Length;
                continue;
            }

            source.Append(markup[i]);
            i++;
        }

        if (open.Count > 0)
        {
            throw new FormatException($"Markup '{{|{open.Peek().Id}:' is never closed.");
        }

        return (source.ToString(), expected.ToImmutable());
    }
}
