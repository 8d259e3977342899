using System.Linq;
using Microsoft.CodeAnalysis;

namespace Streaming.Generators.Parsing;

/// <summary>
/// Where generated writers live and what they are called. A user type's writers sit in
/// <c>Streaming.Generated.&lt;its namespace&gt;</c>, named after it (<c>OrderJsonWriter</c>, <c>StatusJsonNames</c>);
/// writers for other root element types (<c>string</c>, <c>List&lt;Order&gt;</c> …) sit in
/// <c>Streaming.Generated</c>, named after the whole type (<c>StringJsonWriter</c>, <c>ListOfShop_OrderJsonWriter</c>).
/// </summary>
internal static class JsonWriterNames
{
    /// <summary>The writer of a class, record or struct written as an object.</summary>
    public static (string Namespace, string Name) ForObject(INamedTypeSymbol type) => GeneratedNames.Writer(type, "JsonWriter");

    /// <summary>The class that writes an enum by member name.</summary>
    public static (string Namespace, string Name) ForEnumNames(INamedTypeSymbol type) => GeneratedNames.Writer(type, "JsonNames");

    /// <summary>The writer of a root element type that is not written as an object of ours.</summary>
    public static (string Namespace, string Name) ForRootValue(ITypeSymbol type)
        => type is INamedTypeSymbol { TypeKind: TypeKind.Enum } named
            ? GeneratedNames.Writer(named, "JsonWriter")
            : (GeneratedNames.Root, Mangle(type) + "JsonWriter");

    /// <summary>An identifier for a whole type: <c>Int32</c>, <c>NullableOfInt32</c>, <c>ArrayOfString</c>, <c>DictionaryOfStringAndShop_Order</c>.</summary>
    private static string Mangle(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol array)
        {
            return "ArrayOf" + Mangle(array.ElementType);
        }

        if (type is not INamedTypeSymbol named)
        {
            return GeneratedNames.Identifier(type.Name);
        }

        var name = GeneratedNames.OuterPath(named);

        // Types outside System keep their namespace, so List<A.Item> and List<B.Item> get different writers.
        if (named.ContainingNamespace is { IsGlobalNamespace: false } containing
            && containing.ToDisplayString() is var ns && ns != "System" && !ns.StartsWith("System.", System.StringComparison.Ordinal))
        {
            name = GeneratedNames.Identifier(ns) + "_" + name;
        }

        return named.TypeArguments.Length == 0 ? name : name + "Of" + string.Join("And", named.TypeArguments.Select(Mangle));
    }
}
