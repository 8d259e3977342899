using Microsoft.CodeAnalysis;
using Streaming.Generators.Model;

namespace Streaming.Generators.Parsing;

/// <summary>
/// The types System.Text.Json writes as a single JSON value with a built-in converter, and how ours write them:
/// the ones <c>Utf8JsonWriter</c> formats itself go straight to it, the others to a <c>Streaming.JsonValues</c>
/// method that uses the converter's format.
/// </summary>
internal static class JsonScalars
{
    /// <summary>How a value of <paramref name="type"/> is written, or <see langword="null"/> when it is not a scalar.</summary>
    public static JsonValueSpec? Find(ITypeSymbol type)
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

        return type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat) switch
        {
            "System.DateTimeOffset" or "System.Guid" => new JsonValueSpec(JsonValueKind.String, name, false, false),
            "System.DateOnly" => Formatted(name, "WriteDateOnly", isReference: false),
            "System.TimeOnly" => Formatted(name, "WriteTimeOnly", isReference: false),
            "System.TimeSpan" => Formatted(name, "WriteTimeSpan", isReference: false),
            "System.Half" => Formatted(name, "WriteHalf", isReference: false),
            "System.Int128" => Formatted(name, "WriteInt128", isReference: false),
            "System.UInt128" => Formatted(name, "WriteUInt128", isReference: false),
            "System.Uri" => Formatted(name, "WriteUri", isReference: true),
            "System.Version" => Formatted(name, "WriteVersion", isReference: true),
            "System.Text.Json.JsonElement" => new JsonValueSpec(JsonValueKind.Json, name, false, false),
            "System.Text.Json.JsonDocument" => new JsonValueSpec(JsonValueKind.Json, name, false, IsReference: true),
            _ when JsonAttributes.InheritsFrom(type, "System.Text.Json.Nodes.JsonNode") => new JsonValueSpec(JsonValueKind.Json, name, false, IsReference: true),
            _ => null,
        };
    }

    /// <summary>Why System.Text.Json cannot write <paramref name="type"/> at all, or <see langword="null"/>.</summary>
    public static string? Unsupported(ITypeSymbol type)
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

        var display = type.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
        if (display is "System.Type" or "System.Collections.Generic.IAsyncEnumerable<T>"
            || display.StartsWith("System.Reflection.", System.StringComparison.Ordinal)
            || display.StartsWith("System.Threading.Tasks.", System.StringComparison.Ordinal))
        {
            return "is not supported by this writer";
        }

        return null;
    }

    private static JsonValueSpec Formatted(string name, string method, bool isReference)
        => new(JsonValueKind.Formatted, name, false, isReference, Detail: method);
}
