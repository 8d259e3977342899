using System.Linq;
using Microsoft.CodeAnalysis;

namespace Streaming.Generators.Parsing;

/// <summary>The System.Text.Json attributes the writers honour, and how to read them.</summary>
internal static class JsonAttributes
{
    public const string PropertyName = "System.Text.Json.Serialization.JsonPropertyNameAttribute";
    public const string Ignore = "System.Text.Json.Serialization.JsonIgnoreAttribute";
    public const string Include = "System.Text.Json.Serialization.JsonIncludeAttribute";
    public const string PropertyOrder = "System.Text.Json.Serialization.JsonPropertyOrderAttribute";
    public const string Converter = "System.Text.Json.Serialization.JsonConverterAttribute";
    public const string ExtensionData = "System.Text.Json.Serialization.JsonExtensionDataAttribute";
    public const string NumberHandling = "System.Text.Json.Serialization.JsonNumberHandlingAttribute";
    public const string Polymorphic = "System.Text.Json.Serialization.JsonPolymorphicAttribute";
    public const string DerivedType = "System.Text.Json.Serialization.JsonDerivedTypeAttribute";
    public const string StringEnumMemberName = "System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute";
    public const string StringEnumConverter = "System.Text.Json.Serialization.JsonStringEnumConverter";
    public const string StringEnumConverterOfT = "System.Text.Json.Serialization.JsonStringEnumConverter<TEnum>";

    /// <summary>The first attribute of <paramref name="symbol"/> whose class is <paramref name="name"/>, or <see langword="null"/>.</summary>
    public static AttributeData? Find(ISymbol symbol, string name)
        => symbol.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, name));

    public static bool Has(ISymbol symbol, string name) => Find(symbol, name) is not null;

    /// <summary>The string argument of an attribute such as <c>[JsonPropertyName("id")]</c>.</summary>
    public static string? StringArgument(AttributeData? attribute)
        => attribute is { ConstructorArguments.Length: 1 } && attribute.ConstructorArguments[0].Value is string text ? text : null;

    /// <summary>The <c>Order</c> of <c>[JsonPropertyOrder]</c>, 0 without one.</summary>
    public static int Order(ISymbol member)
        => Find(member, PropertyOrder) is { ConstructorArguments.Length: 1 } attribute && attribute.ConstructorArguments[0].Value is int order ? order : 0;

    /// <summary>The converter type named by <c>[JsonConverter(typeof(X))]</c>, or <see langword="null"/>.</summary>
    /// <param name="symbol">The member or type.</param>
    /// <param name="present">Whether the attribute is there at all (it may name no type, as a derived attribute does).</param>
    public static INamedTypeSymbol? ConverterType(ISymbol symbol, out bool present)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { } attributeClass && InheritsFrom(attributeClass, Converter))
            {
                present = true;
                return attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as INamedTypeSymbol : null;
            }
        }

        present = false;
        return null;
    }

    /// <summary>Whether <paramref name="converter"/> is <c>JsonStringEnumConverter</c> or <c>JsonStringEnumConverter&lt;T&gt;</c> itself.</summary>
    public static bool IsStringEnumConverter(INamedTypeSymbol converter)
        => KnownTypes.Is(converter, StringEnumConverter) || KnownTypes.Is(converter.OriginalDefinition, StringEnumConverterOfT);

    /// <summary>Whether <paramref name="converter"/> is a <c>JsonConverter&lt;T&gt;</c> of exactly <paramref name="type"/>.</summary>
    public static bool ConvertsExactly(INamedTypeSymbol? converter, ITypeSymbol type)
    {
        for (var current = converter; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && KnownTypes.Is(current.OriginalDefinition, "System.Text.Json.Serialization.JsonConverter<T>"))
            {
                return SymbolEqualityComparer.Default.Equals(current.TypeArguments[0], type);
            }
        }

        return false;
    }

    public static bool InheritsFrom(ITypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (KnownTypes.Is(current, name))
            {
                return true;
            }
        }

        return false;
    }
}
