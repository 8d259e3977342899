using System.Linq;
using Microsoft.CodeAnalysis;

namespace Streaming.Generators.Parsing;

/// <summary>Where generated writers live and what they are called.</summary>
internal static class GeneratedNames
{
    /// <summary>
    /// Writers live in <c>Streaming.Generated.&lt;the type's namespace&gt;</c>, named after the type (outer types
    /// and type arguments joined by <c>_</c>) and <paramref name="suffix"/>: <c>OrderJsonWriter</c>, <c>OrderCsvWriter</c>.
    /// </summary>
    public static (string Namespace, string Name) Writer(INamedTypeSymbol type, string suffix)
    {
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } containing
            ? "Streaming.Generated." + containing.ToDisplayString()
            : "Streaming.Generated";

        var name = type.Name;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            name = outer.Name + "_" + name;
        }

        foreach (var argument in type.TypeArguments)
        {
            name += "_" + Identifier(argument.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
        }

        return (ns, name + suffix);
    }

    private static string Identifier(string text)
        => new(text.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());
}
