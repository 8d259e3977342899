using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Streaming.Generators.Parsing;

/// <summary>How the parser names types in generated code and in messages. Types are recognised by symbol, in <see cref="KnownSymbols"/>.</summary>
internal static class KnownTypes
{
    public const string StreamAttribute = "Streaming.StreamAttribute";

    /// <summary><c>global::</c>-qualified names, with <c>?</c> on nullable reference types.</summary>
    public static readonly SymbolDisplayFormat FullyQualified = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary><c>global::</c>-qualified names without nullable annotations.</summary>
    public static readonly SymbolDisplayFormat FullyQualifiedNoNullability = SymbolDisplayFormat.FullyQualifiedFormat;

    /// <summary>
    /// Whether <paramref name="type"/> is public, in public types, with public type arguments: then code anywhere
    /// can name it. A quick answer for most member types; <see cref="Compilation.IsSymbolAccessibleWithin"/> gives
    /// the rest (it searches the compilation's references for the type's assembly).
    /// </summary>
    public static bool IsPublic(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol array)
        {
            return IsPublic(array.ElementType);
        }

        if (type is not INamedTypeSymbol named)
        {
            return false;
        }

        for (var current = named; current is not null; current = current.ContainingType)
        {
            if (current.DeclaredAccessibility != Accessibility.Public)
            {
                return false;
            }
        }

        foreach (var argument in named.TypeArguments)
        {
            if (!IsPublic(argument))
            {
                return false;
            }
        }

        return true;
    }

    public static string Name(ITypeSymbol type) => s_names.GetValue(type, static t => t.ToDisplayString(FullyQualifiedNoNullability));

    public static string NameWithNullability(ITypeSymbol type) => s_namesWithNullability.GetValue(type, static t => t.ToDisplayString(FullyQualified));

    // Names of the same types are asked for by every method and member that uses them; a symbol's name never
    // changes, and the entries go with the symbols (a compilation's own, or the metadata's shared by them all).
    private static readonly ConditionalWeakTable<ITypeSymbol, string> s_names = new();
    private static readonly ConditionalWeakTable<ITypeSymbol, string> s_namesWithNullability = new();

    /// <summary>The type as the compiler shows it in messages: <c>Shop.Order</c>, <c>List&lt;Shop.Order&gt;</c>.</summary>
    public static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);

    public static string MetadataName(ITypeSymbol type)
        => type is INamedTypeSymbol { IsGenericType: true } named ? Display(named.ConstructedFrom) : Display(type);

    /// <summary>The <c>T</c> of <c>Nullable&lt;T&gt;</c>, or <see langword="null"/>.</summary>
    public static ITypeSymbol? NullableUnderlying(ITypeSymbol type)
        => type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            ? nullable.TypeArguments[0]
            : null;

    /// <summary>Whether <paramref name="type"/> implements <c>System.IParsable&lt;TSelf&gt;</c> for itself.</summary>
    public static bool IsParsable(ITypeSymbol type, KnownSymbols symbols)
    {
        foreach (var candidate in type.AllInterfaces)
        {
            if (KnownSymbols.Is(candidate, symbols.IParsableOfT) && SymbolEqualityComparer.Default.Equals(candidate.TypeArguments[0], type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="type"/> belongs to the framework (<c>System.*</c>, <c>Microsoft.*</c>): its properties are not what a user means by a row.</summary>
    public static bool IsFrameworkType(ITypeSymbol type)
    {
        var ns = type.ContainingNamespace;
        while (ns is { ContainingNamespace.IsGlobalNamespace: false })
        {
            ns = ns.ContainingNamespace;
        }

        return ns is { IsGlobalNamespace: false, Name: "System" or "Microsoft" };
    }
}
