using System.Linq;
using Microsoft.CodeAnalysis;

namespace Streaming.Generators.Parsing;

/// <summary>Where generated writers of a user type live and what they are called, whatever the format.</summary>
internal static class GeneratedNames
{
    public const string Root = "Streaming.Generated";

    /// <summary>
    /// Writers live in <c>Streaming.Generated.&lt;the type's namespace&gt;</c>, named after the type (outer types
    /// and type arguments joined by <c>_</c>) and <paramref name="suffix"/>: <c>OrderJsonWriter</c>, <c>OrderCsvWriter</c>.
    /// </summary>
    public static (string Namespace, string Name) Writer(INamedTypeSymbol type, string suffix)
    {
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } containing
            ? Root + "." + containing.ToDisplayString()
            : Root;

        var name = OuterPath(type);
        foreach (var argument in type.TypeArguments)
        {
            name += "_" + Identifier(argument.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
        }

        return (ns, name + suffix);
    }

    /// <summary>The type's name after its outer types': <c>Outer_Inner</c>.</summary>
    public static string OuterPath(INamedTypeSymbol type)
    {
        var name = type.Name;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            name = outer.Name + "_" + name;
        }

        return name;
    }

    /// <summary><paramref name="text"/> with every character that cannot be in an identifier turned into <c>_</c>.</summary>
    public static string Identifier(string text)
        => new(text.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());
}
