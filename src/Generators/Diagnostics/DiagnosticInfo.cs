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

    public Diagnostic ToDiagnostic()
    {
        var location = FilePath is null ? Location.None : Location.Create(FilePath, Span, LineSpan);
        return Diagnostic.Create(DiagnosticDescriptors.ById(DescriptorId), location, MessageArgs.Cast<object>().ToArray());
    }
}
