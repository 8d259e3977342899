using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Streaming.Generators.Model;

namespace Streaming.Generators.Diagnostics;

/// <summary>
/// A diagnostic carried through the incremental pipeline: equatable, and free of the <see cref="Location"/>
/// and syntax tree that would keep a whole compilation alive between runs.
/// </summary>
internal sealed record DiagnosticInfo(
    string DescriptorId,
    string? FilePath,
    TextSpan Span,
    LinePositionSpan LineSpan,
    EquatableArray<string> MessageArgs)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] messageArgs)
    {
        var lineSpan = location?.GetLineSpan() ?? default;
        return new DiagnosticInfo(
            descriptor.Id,
            location?.SourceTree?.FilePath,
            location?.SourceSpan ?? default,
            lineSpan.Span,
            messageArgs.ToEquatableArray());
    }

    /// <param name="trees">The compilation's syntax trees by path: a location in one of them is a source location,
    /// which <c>#pragma warning disable</c> and <c>.editorconfig</c> severities apply to.</param>
    public Diagnostic ToDiagnostic(IReadOnlyDictionary<string, SyntaxTree> trees)
    {
        var location = FilePath is null ? Location.None
            : trees.TryGetValue(FilePath, out var tree) && Span.End <= tree.Length ? Location.Create(tree, Span)
            : Location.Create(FilePath, Span, LineSpan);
        return Diagnostic.Create(DiagnosticDescriptors.ById(DescriptorId), location, MessageArgs.Cast<object>().ToArray());
    }
}
