using Microsoft.CodeAnalysis;

namespace Streaming.Generators.Parsing;

/// <summary>Symbol display formats and metadata names the parser compares against.</summary>
internal static class KnownTypes
{
    public const string StreamAttribute = "Streaming.StreamAttribute";

    /// <summary><c>global::</c>-qualified names, with <c>?</c> on nullable reference types.</summary>
    public static readonly SymbolDisplayFormat FullyQualified = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary><c>global::</c>-qualified names without nullable annotations.</summary>
    public static readonly SymbolDisplayFormat FullyQualifiedNoNullability = SymbolDisplayFormat.FullyQualifiedFormat;

    public static string Name(ITypeSymbol type) => type.ToDisplayString(FullyQualifiedNoNullability);

    public static string NameWithNullability(ITypeSymbol type) => type.ToDisplayString(FullyQualified);

    public static string MetadataName(ITypeSymbol type)
        => type is INamedTypeSymbol { IsGenericType: true } named
            ? named.ConstructedFrom.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)
            : type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);

    /// <summary>Whether <paramref name="type"/> is the named type <paramref name="fullName"/> (<c>Namespace.Type</c>).</summary>
    public static bool Is(ITypeSymbol? type, string fullName)
        => type is not null && type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat) == fullName;

    /// <summary>The <c>T</c> of <c>Nullable&lt;T&gt;</c>, or <see langword="null"/>.</summary>
    public static ITypeSymbol? NullableUnderlying(ITypeSymbol type)
        => type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            ? nullable.TypeArguments[0]
            : null;

    /// <summary>Whether <paramref name="type"/> implements <c>System.IParsable&lt;TSelf&gt;</c> for itself.</summary>
    public static bool IsParsable(ITypeSymbol type)
    {
        foreach (var candidate in type.AllInterfaces)
        {
            if (candidate.OriginalDefinition.ToDisplayString() == "System.IParsable<TSelf>"
                && SymbolEqualityComparer.Default.Equals(candidate.TypeArguments[0], type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="type"/> or one of its bases implements the interface <paramref name="interfaceName"/>.</summary>
    public static bool Implements(ITypeSymbol type, string interfaceName)
    {
        foreach (var candidate in type.AllInterfaces)
        {
            if (candidate.ToDisplayString() == interfaceName)
            {
                return true;
            }
        }

        return false;
    }
}
