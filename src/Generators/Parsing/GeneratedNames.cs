using System.Linq;
using Microsoft.CodeAnalysis;

namespace Streaming.Generators.Parsing;

/// <summary>
/// Where every generated writer lives and what it is called, whatever the format. A user type's writers sit in
/// <c>Streaming.Generated.&lt;its namespace&gt;</c>, named after it: <c>OrderJsonWriter</c>, <c>OrderCsvWriter</c>,
/// <c>StatusJsonNames</c>; a generic type adds its type arguments, each with its namespace unless it shares the
/// type's or is the framework's (<c>PageOfItemJsonWriter</c>, <c>PageOfShop_Admin_ItemJsonWriter</c>). Writers for
/// other root element types (<c>string</c>, <c>List&lt;Order&gt;</c> …) sit in <c>Streaming.Generated</c>, named after
/// the whole type (<c>StringJsonWriter</c>, <c>ListOfShop_OrderJsonWriter</c>). Distinct types get distinct names;
/// the generator reports the rare clash that is left (two spellings that read alike) rather than emit it.
/// </summary>
internal static class GeneratedNames
{
    public const string Root = "Streaming.Generated";

    /// <summary>The JSON writer of a class, record or struct written as an object.</summary>
    public static (string Namespace, string Name) JsonObjectWriter(INamedTypeSymbol type) => ForType(type, "JsonWriter");

    /// <summary>The class that writes an enum by member name.</summary>
    public static (string Namespace, string Name) JsonEnumNames(INamedTypeSymbol type) => ForType(type, "JsonNames");

    /// <summary>The CSV writer of a class, record or struct.</summary>
    public static (string Namespace, string Name) CsvWriter(INamedTypeSymbol type) => ForType(type, "CsvWriter");

    /// <summary>The JSON writer of a root element type that is not written as an object of ours.</summary>
    public static (string Namespace, string Name) JsonRootValueWriter(ITypeSymbol type)
        => type is INamedTypeSymbol { TypeKind: TypeKind.Enum } named
            ? ForType(named, "JsonWriter")
            : (Root, Mangle(type, relativeTo: null) + "JsonWriter");

    private static (string Namespace, string Name) ForType(INamedTypeSymbol type, string suffix)
    {
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } containing
            ? Root + "." + containing.ToDisplayString()
            : Root;
        return (ns, Mangle(type, type.ContainingNamespace) + suffix);
    }

    /// <summary>
    /// An identifier for a whole type: <c>Int32</c>, <c>NullableOfInt32</c>, <c>ArrayOfString</c>,
    /// <c>DictionaryOfStringAndShop_Order</c>. A type keeps its namespace unless it is in
    /// <paramref name="relativeTo"/> or in the framework, so <c>List&lt;A.Item&gt;</c> and <c>List&lt;B.Item&gt;</c> differ.
    /// </summary>
    private static string Mangle(ITypeSymbol type, INamespaceSymbol? relativeTo)
    {
        if (type is IArrayTypeSymbol array)
        {
            return "ArrayOf" + Mangle(array.ElementType, relativeTo);
        }

        if (type is not INamedTypeSymbol named)
        {
            return Identifier(type.Name);
        }

        var name = OuterPath(named);
        if (named.ContainingNamespace is { IsGlobalNamespace: false } containing
            && !SymbolEqualityComparer.Default.Equals(containing, relativeTo)
            && !KnownTypes.IsFrameworkType(named))
        {
            name = Identifier(containing.ToDisplayString()) + "_" + name;
        }

        return named.TypeArguments.Length == 0
            ? name
            : name + "Of" + string.Join("And", named.TypeArguments.Select(argument => Mangle(argument, relativeTo)));
    }

    /// <summary>The type's name after its outer types': <c>Outer_Inner</c>.</summary>
    private static string OuterPath(INamedTypeSymbol type)
    {
        var name = type.Name;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            name = outer.Name + "_" + name;
        }

        return name;
    }

    /// <summary><paramref name="text"/> with every character that cannot be in an identifier turned into <c>_</c>.</summary>
    private static string Identifier(string text)
        => new(text.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());
}
