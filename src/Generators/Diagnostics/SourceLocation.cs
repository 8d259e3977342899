using System.Linq;
using Microsoft.CodeAnalysis;

namespace Streaming.Generators.Diagnostics;

internal static class SourceLocation
{
    /// <summary>Where <paramref name="symbol"/> is declared in this compilation's source, or <see langword="null"/>
    /// (no symbol, or one from a referenced assembly): a diagnostic about a member is reported at the member, once.</summary>
    public static Location? Of(ISymbol? symbol) => symbol?.Locations.FirstOrDefault(l => l.IsInSource);
}
