using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Streaming.Generators.Diagnostics;
using Streaming.Generators.Model;

namespace Streaming.Generators.Parsing;

/// <summary>
/// Reads an element type into the <see cref="JsonTypeSpec"/>s its generated JSON writer needs, following the
/// rules System.Text.Json applies with <c>JsonSerializerOptions.Web</c>.
/// </summary>
internal sealed class JsonTypeParser
{
    private const string JsonPropertyNameAttribute = "System.Text.Json.Serialization.JsonPropertyNameAttribute";
    private const string JsonIgnoreAttribute = "System.Text.Json.Serialization.JsonIgnoreAttribute";

    private readonly Location? _location;
    private readonly string _formatName;
    private readonly CancellationToken _cancellationToken;
    private readonly List<JsonTypeSpec> _types = new();
    private readonly List<DiagnosticInfo> _diagnostics = new();

    public JsonTypeParser(Location? location, string formatName, CancellationToken cancellationToken)
    {
        _location = location;
        _formatName = formatName;
        _cancellationToken = cancellationToken;
    }

    public IReadOnlyList<JsonTypeSpec> Types => _types;

    public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics;

    /// <summary>Reads <paramref name="type"/> as a JSON object; <see langword="null"/> (with diagnostics) if it cannot be written.</summary>
    public JsonTypeSpec? ParseObject(ITypeSymbol type)
    {
        if (KnownTypes.NullableUnderlying(type) is not null)
        {
            Report(KnownTypes.MetadataName(type), "a nullable struct cannot be an element type; stream the struct itself");
            return null;
        }

        if (type is not INamedTypeSymbol named
            || named.TypeKind is not (TypeKind.Class or TypeKind.Struct)
            || named.SpecialType != SpecialType.None
            || named.IsAbstract)
        {
            Report(KnownTypes.MetadataName(type), $"it is not a class, record or struct with properties");
            return null;
        }

        var properties = new List<JsonPropertySpec>();
        var failed = false;
        foreach (var property in TypeMembers.PublicProperties(named))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (IsIgnored(property))
            {
                continue;
            }

            var value = ParseValue(property.Type, out var reason);
            if (value is null)
            {
                Report(
                    $"{named.Name}.{property.Name}",
                    $"its type '{property.Type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)}' {reason}; mark it [JsonIgnore] or stream a projection without it");
                failed = true;
                continue;
            }

            properties.Add(new JsonPropertySpec(property.Name, JsonName(property), value));
        }

        if (failed)
        {
            return null;
        }

        var (writerNamespace, writerName) = GeneratedNames.Writer(named, "JsonWriter");
        var spec = new JsonTypeSpec(
            KnownTypes.Name(named),
            named.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat),
            writerNamespace,
            writerName,
            named.IsValueType,
            properties.ToEquatableArray());
        _types.Add(spec);
        return spec;
    }

    private JsonValueSpec? ParseValue(ITypeSymbol type, out string reason)
    {
        reason = "";
        if (KnownTypes.NullableUnderlying(type) is { } underlying)
        {
            var inner = ParseValue(underlying, out reason);
            return inner is null ? null : inner with { IsNullableValueType = true };
        }

        var name = KnownTypes.Name(type);
        if (type.TypeKind == TypeKind.Enum && type is INamedTypeSymbol { EnumUnderlyingType: { } enumUnderlying })
        {
            return new JsonValueSpec(JsonValueKind.Number, name, NumberType(enumUnderlying.SpecialType) ?? "int", false, false);
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_String:
                return new JsonValueSpec(JsonValueKind.String, name, null, false, true);
            case SpecialType.System_Boolean:
                return new JsonValueSpec(JsonValueKind.Boolean, name, null, false, false);
            case SpecialType.System_DateTime:
                return new JsonValueSpec(JsonValueKind.DateTime, name, null, false, false);
            case SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_UInt16:
                return new JsonValueSpec(JsonValueKind.Number, name, NumberType(type.SpecialType), false, false);
            case SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_UInt32 or SpecialType.System_UInt64
                or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal:
                return new JsonValueSpec(JsonValueKind.Number, name, null, false, false);
        }

        if (KnownTypes.Is(type, "System.DateTimeOffset"))
        {
            return new JsonValueSpec(JsonValueKind.DateTimeOffset, name, null, false, false);
        }

        if (KnownTypes.Is(type, "System.Guid"))
        {
            return new JsonValueSpec(JsonValueKind.Guid, name, null, false, false);
        }

        reason = $"is not supported by the {_formatName} writer";
        return null;
    }

    /// <summary>The C# type <c>Utf8JsonWriter.WriteNumber</c> takes for an integer of this width.</summary>
    private static string? NumberType(SpecialType type) => type switch
    {
        SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32 => "int",
        SpecialType.System_UInt32 => "uint",
        SpecialType.System_Int64 => "long",
        SpecialType.System_UInt64 => "ulong",
        _ => null,
    };

    private static bool IsIgnored(IPropertySymbol property)
    {
        foreach (var attribute in property.GetAttributes())
        {
            if (KnownTypes.Is(attribute.AttributeClass, JsonIgnoreAttribute))
            {
                // Condition defaults to Always.
                var condition = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Condition").Value.Value;
                return condition is null or 1;
            }
        }

        return false;
    }

    private static string JsonName(IPropertySymbol property)
    {
        foreach (var attribute in property.GetAttributes())
        {
            if (KnownTypes.Is(attribute.AttributeClass, JsonPropertyNameAttribute)
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is string name)
            {
                return name;
            }
        }

        return JsonNaming.CamelCase(property.Name);
    }

    private void Report(string member, string reason)
        => _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnwritableElement, _location, member, _formatName, reason));
}
