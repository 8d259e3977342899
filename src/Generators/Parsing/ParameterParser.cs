using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Streaming.Generators.Model;

namespace Streaming.Generators.Parsing;

/// <summary>
/// Decides where each parameter of a <c>[Stream]</c> method comes from, with the inference rules of a minimal
/// API: special types, then <c>[From…]</c> attributes, then route names, then text-parsable types from the
/// query string, then services. Unlike a minimal API, a complex type is never inferred to be the body; say
/// <c>[FromBody]</c>.
/// </summary>
internal static class ParameterParser
{
    public static ParameterSpec Parse(IParameterSymbol parameter, IReadOnlyList<string> routeParameters, KnownSymbols symbols, out string? error)
    {
        error = null;
        var type = parameter.Type;
        var typeName = KnownTypes.NameWithNullability(type);
        var runtimeType = KnownTypes.Name(type);
        var name = parameter.Name;

        var special = SpecialSource(type, symbols);
        if (special is { } specialSource)
        {
            return new ParameterSpec(name, typeName, null, specialSource, name, ParseKind.None, false, null, runtimeType);
        }

        var (explicitSource, explicitName) = ExplicitSource(parameter, symbols);
        var source = explicitSource
            ?? (routeParameters.Any(r => string.Equals(r, name, StringComparison.OrdinalIgnoreCase)) ? BindingSource.Route
                : Classify(type, symbols).Kind is { } ? BindingSource.Query
                : BindingSource.Service);

        var requestName = explicitName ?? name;
        if (source == BindingSource.Route)
        {
            requestName = routeParameters.FirstOrDefault(r => string.Equals(r, requestName, StringComparison.OrdinalIgnoreCase)) ?? requestName;
        }

        var optional = IsNullable(type) || parameter.HasExplicitDefaultValue;
        var defaultValue = parameter.HasExplicitDefaultValue ? DefaultLiteral(parameter) : optional ? "default" : null;

        if (source is BindingSource.Route or BindingSource.Query or BindingSource.Header)
        {
            var (kind, parsedType) = Classify(type, symbols);
            if (kind is null)
            {
                error = $"'{name}' is bound from the {source.ToString().ToLowerInvariant()} but its type '{type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)}' cannot be parsed from text (it needs to be a string, an enum or implement IParsable<T>)";
            }

            return new ParameterSpec(name, typeName, parsedType, source, requestName, kind ?? ParseKind.None, !optional, defaultValue, runtimeType);
        }

        return new ParameterSpec(name, typeName, null, source, requestName, ParseKind.None, !optional, defaultValue, runtimeType);
    }

    private static BindingSource? SpecialSource(ITypeSymbol type, KnownSymbols symbols)
        => KnownSymbols.Is(type, symbols.HttpContext) ? BindingSource.HttpContext
            : KnownSymbols.Is(type, symbols.HttpRequest) ? BindingSource.HttpRequest
            : KnownSymbols.Is(type, symbols.HttpResponse) ? BindingSource.HttpResponse
            : KnownSymbols.Is(type, symbols.ClaimsPrincipal) ? BindingSource.User
            : KnownSymbols.Is(type, symbols.CancellationToken) ? BindingSource.CancellationToken
            : null;

    /// <summary>A <c>[FromRoute]</c>, <c>[FromQuery]</c>, <c>[FromHeader]</c>, <c>[FromBody]</c> or <c>[FromServices]</c>
    /// attribute, recognised by the ASP.NET metadata interface it implements, and its <c>Name</c>.</summary>
    private static (BindingSource? Source, string? Name) ExplicitSource(IParameterSymbol parameter, KnownSymbols symbols)
    {
        foreach (var attribute in parameter.GetAttributes())
        {
            if (attribute.AttributeClass is not { } attributeClass)
            {
                continue;
            }

            BindingSource? source =
                KnownSymbols.IsOrInherits(attributeClass, symbols.FromRouteMetadata) ? BindingSource.Route
                : KnownSymbols.IsOrInherits(attributeClass, symbols.FromQueryMetadata) ? BindingSource.Query
                : KnownSymbols.IsOrInherits(attributeClass, symbols.FromHeaderMetadata) ? BindingSource.Header
                : KnownSymbols.IsOrInherits(attributeClass, symbols.FromBodyMetadata) ? BindingSource.Body
                : KnownSymbols.IsOrInherits(attributeClass, symbols.FromServiceMetadata) ? BindingSource.Service
                : null;
            if (source is null)
            {
                continue;
            }

            var name = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Name").Value.Value as string;
            return (source, string.IsNullOrEmpty(name) ? null : name);
        }

        return (null, null);
    }

    /// <summary>How a value of <paramref name="type"/> is parsed from text, or a null kind when it cannot be.</summary>
    private static (ParseKind? Kind, string? ParsedType) Classify(ITypeSymbol type, KnownSymbols symbols)
    {
        var target = KnownTypes.NullableUnderlying(type) ?? type;
        if (target.SpecialType == SpecialType.System_String)
        {
            return (ParseKind.None, null);
        }

        if (target.TypeKind == TypeKind.Enum)
        {
            return (ParseKind.Enum, KnownTypes.Name(target));
        }

        return KnownTypes.IsParsable(target, symbols) ? (ParseKind.Parsable, KnownTypes.Name(target)) : (null, null);
    }

    private static bool IsNullable(ITypeSymbol type)
        => KnownTypes.NullableUnderlying(type) is not null
           || (type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated);

    private static string DefaultLiteral(IParameterSymbol parameter)
    {
        var value = parameter.ExplicitDefaultValue;
        if (value is null)
        {
            return "default";
        }

        var target = KnownTypes.NullableUnderlying(parameter.Type) ?? parameter.Type;
        var literal = value switch
        {
            string text => SymbolDisplay.FormatLiteral(text, quote: true),
            char c => SymbolDisplay.FormatLiteral(c, quote: true),
            bool b => b ? "true" : "false",
            float f => FloatingLiteral(f, float.IsNaN(f), float.IsPositiveInfinity(f), float.IsNegativeInfinity(f), "float", "F"),
            double d => FloatingLiteral(d, double.IsNaN(d), double.IsPositiveInfinity(d), double.IsNegativeInfinity(d), "double", "D"),
            decimal m => m.ToString(CultureInfo.InvariantCulture) + "M",
            long l => l.ToString(CultureInfo.InvariantCulture) + "L",
            uint u => u.ToString(CultureInfo.InvariantCulture) + "U",
            ulong u => u.ToString(CultureInfo.InvariantCulture) + "UL",
            int i => i.ToString(CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };

        // Enums and the small integer types have no literal of their own.
        return target.TypeKind == TypeKind.Enum || value is byte or sbyte or short or ushort
            ? $"({KnownTypes.Name(target)})" + (literal.StartsWith("-", StringComparison.Ordinal) ? $"({literal})" : literal)
            : literal;
    }

    private static string FloatingLiteral(IFormattable value, bool nan, bool positiveInfinity, bool negativeInfinity, string type, string suffix)
        => nan ? type + ".NaN"
            : positiveInfinity ? type + ".PositiveInfinity"
            : negativeInfinity ? type + ".NegativeInfinity"
            : value.ToString("R", CultureInfo.InvariantCulture) + suffix;
}
