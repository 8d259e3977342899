using Microsoft.CodeAnalysis;
using Streaming.Generators.Model;

namespace Streaming.Generators.Parsing;

/// <summary>
/// The types System.Text.Json writes as a single JSON value with a built-in converter, and how ours write them:
/// the ones <c>Utf8JsonWriter</c> formats itself go to the same method of <c>Streaming.JsonOutput</c>, the others to a <c>Streaming.JsonValues</c>
/// method that uses the converter's format.
/// </summary>
internal static class JsonScalars
{
    /// <summary>How a value of <paramref name="type"/> is written, or <see langword="null"/> when it is not a scalar.</summary>
    public static JsonValueSpec? Find(ITypeSymbol type, KnownSymbols symbols)
    {
        var name = KnownTypes.Name(type);
        switch (type.SpecialType)
        {
            case SpecialType.System_String:
                return new JsonValueSpec(JsonValueKind.String, name, false, IsReference: true);
            case SpecialType.System_Boolean:
                return new JsonValueSpec(JsonValueKind.Boolean, name, false, false);
            case SpecialType.System_DateTime:
                return new JsonValueSpec(JsonValueKind.String, name, false, false);
            case SpecialType.System_Char:
                return Formatted(name, "WriteChar", isReference: false);
            case SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_UInt16:
                return new JsonValueSpec(JsonValueKind.Number, name, false, false, Detail: "int");
            case SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_UInt32 or SpecialType.System_UInt64
                or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal:
                return new JsonValueSpec(JsonValueKind.Number, name, false, false);
        }

        if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte })
        {
            return new JsonValueSpec(JsonValueKind.Base64, name, false, IsReference: true);
        }

        if (KnownSymbols.Is(type, symbols.ReadOnlyMemoryOfT, SpecialType.System_Byte) || KnownSymbols.Is(type, symbols.MemoryOfT, SpecialType.System_Byte))
        {
            return new JsonValueSpec(JsonValueKind.Base64, name, false, false);
        }

        if (KnownSymbols.Is(type, symbols.DateTimeOffset) || KnownSymbols.Is(type, symbols.Guid))
        {
            return new JsonValueSpec(JsonValueKind.String, name, false, false);
        }

        return Formatted(type, name, symbols)
            ?? (KnownSymbols.Is(type, symbols.JsonElement) ? new JsonValueSpec(JsonValueKind.Json, name, false, false)
                : KnownSymbols.Is(type, symbols.JsonDocument) || KnownSymbols.IsOrInherits(type, symbols.JsonNode) ? new JsonValueSpec(JsonValueKind.Json, name, false, IsReference: true)
                : null);
    }

    /// <summary>Whether a formatted value is a number (<c>Half</c>, <c>Int128</c>, <c>UInt128</c>), which <c>[JsonNumberHandling]</c> reaches.</summary>
    public static bool IsFormattedNumber(JsonValueSpec value)
        => value.Kind == JsonValueKind.Formatted && value.Detail is "WriteHalf" or "WriteInt128" or "WriteUInt128";

    /// <summary>
    /// A dictionary key the serializer writes as a property name, as it writes the key's value (<c>1</c>,
    /// <c>00000000-0000-0000-0000-000000000000</c>, <c>True</c>), or <see langword="null"/> for keys left to it.
    /// </summary>
    public static JsonValueSpec? PropertyNameKey(ITypeSymbol key, KnownSymbols symbols)
    {
        var name = KnownTypes.Name(key);
        return key.SpecialType switch
        {
            SpecialType.System_String => new JsonValueSpec(JsonValueKind.String, name, false, IsReference: true),
            SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_UInt16
                or SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_UInt32 or SpecialType.System_UInt64
                or SpecialType.System_Boolean or SpecialType.System_Char
                => new JsonValueSpec(JsonValueKind.Formatted, name, false, false),
            _ when KnownSymbols.Is(key, symbols.Guid) => new JsonValueSpec(JsonValueKind.Formatted, name, false, false),
            _ => null,
        };
    }

    /// <summary>Why System.Text.Json cannot write <paramref name="type"/> at all, or <see langword="null"/>.</summary>
    public static string? Unsupported(ITypeSymbol type, KnownSymbols symbols)
    {
        if (type.IsRefLikeType)
        {
            return "is a ref struct, which cannot be read into a JSON value";
        }

        if (type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer or TypeKind.Delegate || type.SpecialType is SpecialType.System_IntPtr or SpecialType.System_UIntPtr)
        {
            return "is not supported by System.Text.Json";
        }

        if (type is IArrayTypeSymbol { Rank: > 1 })
        {
            return "is a multi-dimensional array, which System.Text.Json does not support";
        }

        var ns = type.ContainingNamespace?.ToDisplayString();
        if (KnownSymbols.IsOrInherits(type, symbols.Type) || KnownSymbols.Is(type, symbols.IAsyncEnumerableOfT)
            || (KnownTypes.IsFrameworkType(type) && ns is not null
                && (ns.StartsWith("System.Reflection", System.StringComparison.Ordinal) || ns == "System.Threading.Tasks")))
        {
            return "is not supported by this writer";
        }

        return null;
    }

    private static JsonValueSpec? Formatted(ITypeSymbol type, string name, KnownSymbols symbols)
        => KnownSymbols.Is(type, symbols.DateOnly) ? Formatted(name, "WriteDateOnly", isReference: false)
            : KnownSymbols.Is(type, symbols.TimeOnly) ? Formatted(name, "WriteTimeOnly", isReference: false)
            : KnownSymbols.Is(type, symbols.TimeSpan) ? Formatted(name, "WriteTimeSpan", isReference: false)
            : KnownSymbols.Is(type, symbols.Half) ? Formatted(name, "WriteHalf", isReference: false)
            : KnownSymbols.Is(type, symbols.Int128) ? Formatted(name, "WriteInt128", isReference: false)
            : KnownSymbols.Is(type, symbols.UInt128) ? Formatted(name, "WriteUInt128", isReference: false)
            : KnownSymbols.Is(type, symbols.Uri) ? Formatted(name, "WriteUri", isReference: true)
            : KnownSymbols.Is(type, symbols.Version) ? Formatted(name, "WriteVersion", isReference: true)
            : null;

    private static JsonValueSpec Formatted(string name, string method, bool isReference)
        => new(JsonValueKind.Formatted, name, false, isReference, Detail: method);
}
