using Microsoft.CodeAnalysis;

namespace Streaming.Generators.Parsing;

/// <summary>How the System.Text.Json attributes the writers honour are read (the attribute types are in <see cref="KnownSymbols"/>).</summary>
internal static class JsonAttributes
{
    public static bool Has(ISymbol symbol, INamedTypeSymbol? attribute) => KnownSymbols.Attribute(symbol, attribute) is not null;

    /// <summary>The string argument of an attribute such as <c>[JsonPropertyName("id")]</c>.</summary>
    public static string? StringArgument(AttributeData? attribute)
        => attribute is { ConstructorArguments.Length: 1 } && attribute.ConstructorArguments[0].Value is string text ? text : null;

    /// <summary>The <c>Order</c> of <c>[JsonPropertyOrder]</c>, 0 without one.</summary>
    public static int Order(ISymbol member, KnownSymbols symbols)
        => KnownSymbols.Attribute(member, symbols.JsonPropertyOrderAttribute) is { ConstructorArguments.Length: 1 } attribute
           && attribute.ConstructorArguments[0].Value is int order ? order : 0;

    /// <summary>The <c>JsonNumberHandling</c> flags of <c>[JsonNumberHandling]</c> on <paramref name="symbol"/>, or <see langword="null"/> without one.</summary>
    public static int? NumberHandling(ISymbol symbol, KnownSymbols symbols)
        => KnownSymbols.Attribute(symbol, symbols.JsonNumberHandlingAttribute) is { ConstructorArguments.Length: 1 } attribute
           && attribute.ConstructorArguments[0].Value is int handling ? handling : null;

    /// <summary>The converter type named by <c>[JsonConverter(typeof(X))]</c>, or <see langword="null"/>.</summary>
    /// <param name="symbol">The member or type.</param>
    /// <param name="symbols">The compilation's known types.</param>
    /// <param name="present">Whether the attribute is there at all (it may name no type, as a derived attribute does).</param>
    public static INamedTypeSymbol? ConverterType(ISymbol symbol, KnownSymbols symbols, out bool present)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (KnownSymbols.IsOrInherits(attribute.AttributeClass, symbols.JsonConverterAttribute))
            {
                present = true;
                return attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as INamedTypeSymbol : null;
            }
        }

        present = false;
        return null;
    }

    /// <summary>Whether <paramref name="converter"/> is <c>JsonStringEnumConverter</c> or <c>JsonStringEnumConverter&lt;T&gt;</c> itself.</summary>
    public static bool IsStringEnumConverter(INamedTypeSymbol converter, KnownSymbols symbols)
        => KnownSymbols.Is(converter, symbols.JsonStringEnumConverter) || KnownSymbols.Is(converter, symbols.JsonStringEnumConverterOfT);

    /// <summary>Whether <paramref name="converter"/> is a <c>JsonConverter&lt;T&gt;</c> of exactly <paramref name="type"/>.</summary>
    public static bool ConvertsExactly(INamedTypeSymbol? converter, ITypeSymbol type, KnownSymbols symbols)
    {
        for (var current = converter; current is not null; current = current.BaseType)
        {
            if (KnownSymbols.Is(current, symbols.JsonConverterOfT))
            {
                return SymbolEqualityComparer.Default.Equals(current.TypeArguments[0], type);
            }
        }

        return false;
    }
}
