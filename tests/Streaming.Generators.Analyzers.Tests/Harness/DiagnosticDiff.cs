using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit.Sdk;

namespace Streaming.Analyzers.Tests.Harness;

/// <summary>Compares expected and reported diagnostics exactly: a missing one and an extra one both fail, with a readable list.</summary>
internal static class DiagnosticDiff
{
    public static void AssertMatch(string source, ImmutableArray<ExpectedDiagnostic> expected, IEnumerable<Diagnostic> actual)
    {
        var text = SourceText.From(source);
        var actualList = actual.ToList();
        var reported = actualList
            .Where(d => d.Location.SourceTree?.FilePath == TestProject.TestFileName)
            .Select(d => (d.Id, d.Location.SourceSpan))
            .ToList();
        var elsewhere = actualList.Where(d => d.Location.SourceTree?.FilePath != TestProject.TestFileName).ToList();

        var missing = expected.Where(e => !reported.Remove((e.Id, e.Span))).ToList();
        var extra = actualList
            .Where(d => d.Location.SourceTree?.FilePath == TestProject.TestFileName && reported.Contains((d.Id, d.Location.SourceSpan)))
            .ToList();

        if (missing.Count == 0 && extra.Count == 0 && elsewhere.Count == 0)
        {
            return;
        }

        var message = new StringBuilder("Diagnostics do not match the markup.");
        foreach (var m in missing)
        {
            message.Append("\n  missing:    ").Append(Describe(text, m.Id, m.Span, null));
        }

        foreach (var d in extra)
        {
            message.Append("\n  unexpected: ").Append(Describe(text, d.Id, d.Location.SourceSpan, d.GetMessage()));
        }

        foreach (var d in elsewhere)
        {
            message.Append("\n  unexpected outside the test file: ").Append(d);
        }

        throw new XunitException(message.ToString());
    }

    public static string Describe(SourceText text, string id, TextSpan span, string? message)
    {
        var lines = text.Lines.GetLinePositionSpan(span);
        var described = $"{id} at {lines.Start.Line + 1}:{lines.Start.Character + 1}-{lines.End.Line + 1}:{lines.End.Character + 1} {{|{id}:{text.ToString(span)}|}}";
        return message is null ? described : $"{described} — {message}";
    }
}
