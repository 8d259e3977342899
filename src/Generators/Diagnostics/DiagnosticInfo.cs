using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Streaming.Generators.Incremental;
using Streaming.Generators.Model;

namespace Streaming.Generators.Diagnostics;

/// <summary>
/// A diagnostic carried through the incremental pipeline: equatable, and free of the <see cref="Location"/>
/// and syntax tree that would keep a whole compilation alive between runs. Its place is the file and the
/// <see cref="DeclarationTokens"/> it spans, which an edit inside a method body does not move.
/// </summary>
internal sealed record DiagnosticInfo(
    string DescriptorId,
    string? FilePath,
    int FirstToken,
    int LastToken,
    EquatableArray<string> MessageArgs)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] messageArgs)
    {
        var anchor = location?.SourceTree is { } tree ? DeclarationTokens.Of(tree).Anchor(location.SourceSpan) : null;
        return new DiagnosticInfo(
            descriptor.Id,
            location?.SourceTree?.FilePath,
            anchor?.First ?? -1,
            anchor?.Last ?? -1,
            messageArgs.ToEquatableArray());
    }

    /// <param name="trees">The compilation's syntax trees by path: a location in one of them is a source location,
    /// which <c>#pragma warning disable</c> and <c>.editorconfig</c> severities apply to.</param>
    public Diagnostic ToDiagnostic(IReadOnlyDictionary<string, SyntaxTree> trees)
    {
        var location = FilePath is null ? Location.None
            : trees.TryGetValue(FilePath, out var tree) && DeclarationTokens.Of(tree).Span(FirstToken, LastToken) is { } span ? Location.Create(tree, span)
            : Location.Create(FilePath, default, default(LinePositionSpan));
        return Diagnostic.Create(DiagnosticDescriptors.ById(DescriptorId), location, MessageArgs.Cast<object>().ToArray());
    }
}
