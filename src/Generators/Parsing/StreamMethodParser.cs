using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Streaming.Generators.Diagnostics;
using Streaming.Generators.Model;

namespace Streaming.Generators.Parsing;

/// <summary>Reads one <c>[Stream]</c> method into a <see cref="MethodParseResult"/>. Never throws on broken code.</summary>
internal static class StreamMethodParser
{
    public static MethodParseResult Parse(StreamMethod target, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        try
        {
            return ParseMethod(target, symbols, cancellationToken);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            // Half-typed code is the normal state of an IDE: a bug of ours must not break the user's build.
            var location = target.Syntax.Identifier.GetLocation();
            return new MethodParseResult(
                null,
                EquatableArray<JsonTypeSpec>.Empty,
                EquatableArray<CsvTypeSpec>.Empty,
                new[] { DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, location, exception.GetType().Name, exception.Message) }.ToEquatableArray());
        }
    }

    private static MethodParseResult ParseMethod(StreamMethod target, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var (method, attribute) = (target.Symbol, target.Attribute);
        var location = target.Syntax.Identifier.GetLocation();
        var displayName = $"{method.ContainingType?.Name}.{method.Name}";
        var (format, route, httpMethod, flush) = ReadAttribute(attribute);

        if (!TryGetElementType(method.ReturnType, symbols, out var elementType, out var isAsync))
        {
            // A type still being typed is not a mistake yet.
            if (!ContainsErrorType(method.ReturnType))
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.NotASequence,
                    location,
                    displayName,
                    method.ReturnType.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)));
            }

            return Empty(diagnostics);
        }

        if (CallError(method) is { } callError)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotCallable, location, displayName, callError));
            return Empty(diagnostics);
        }

        IReadOnlyList<string> routeParameters = [];
        if (route is not null)
        {
            var (names, routeError) = RouteTemplate.Parse(route);
            if (routeError is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BadRoute, location, route, displayName, routeError));
                return Empty(diagnostics);
            }

            routeParameters = names;
        }

        var parameters = new List<ParameterSpec>();
        foreach (var parameter in method.Parameters)
        {
            var parameterSpec = ParameterParser.Parse(parameter, routeParameters, symbols, out var bindingError);
            if (bindingError is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotCallable, parameter.Locations.FirstOrDefault() ?? location, displayName, bindingError));
            }

            parameters.Add(parameterSpec);
        }

        if (route is not null)
        {
            foreach (var unbound in routeParameters.Where(r => !parameters.Any(p => p.Source == BindingSource.Route && p.RequestName == r)))
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.BadRoute,
                    location,
                    route,
                    displayName,
                    $"the route parameter '{unbound}' has no matching method parameter"));
            }
        }

        foreach (var orphan in parameters.Where(p => p.Source == BindingSource.Route && !routeParameters.Contains(p.RequestName)))
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.BadRoute,
                location,
                route ?? "(none)",
                displayName,
                $"the parameter '{orphan.Name}' is bound from the route but the route has no '{{{orphan.RequestName}}}'"));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var options = FormatOptionsParser.Read(attribute, format, location, diagnostics);
        var cache = ElementTypeCache.For(symbols.Compilation);
        var reading = cache.Find(elementType, format);
        if (reading is null)
        {
            var elements = new ElementTypeParser(location, format, symbols, cancellationToken);
            var encoding = elements.Parse(elementType);
            var found = elements.Diagnostics.ToList();
            diagnostics.AddRange(found);
            if (encoding is { } parsed)
            {
                reading = new ElementTypeCache.Reading(parsed, elements.JsonTypes.ToEquatableArray(), elements.CsvTypes.ToEquatableArray());
                if (found.Count == 0)
                {
                    cache.Keep(elementType, format, reading);
                }
            }
        }

        if (reading is null || diagnostics.Any(d => DiagnosticDescriptors.ById(d.DescriptorId).DefaultSeverity == DiagnosticSeverity.Error))
        {
            return Empty(diagnostics);
        }

        var element = reading.Encoding;

        var containing = method.ContainingType!;
        var spec = new StreamMethodSpec(
            KnownTypes.Name(containing),
            containing.Name,
            method.Name,
            method.IsStatic,
            method.IsStatic ? Disposal.None : DisposalOf(containing, symbols),
            isAsync,
            format,
            route,
            httpMethod.ToUpperInvariant(),
            KnownTypes.Name(elementType),
            element.Writer,
            parameters.ToEquatableArray(),
            flush)
        {
            Encoding = new ItemEncodingSpec(element.Payload, element.SseItemData, options, HasNullableAnnotation(elementType)),
            Suppressions = ObsoleteIds(method, elementType, symbols),
            Lifetime = ReadLifetime(attribute),
        };

        return new MethodParseResult(spec, reading.JsonTypes, reading.CsvTypes, diagnostics.ToEquatableArray());
    }

    private static MethodParseResult Empty(List<DiagnosticInfo> diagnostics)
        => new(null, EquatableArray<JsonTypeSpec>.Empty, EquatableArray<CsvTypeSpec>.Empty, diagnostics.ToEquatableArray());

    private static (StreamFormat Format, string? Route, string HttpMethod, FlushSpec Flush) ReadAttribute(AttributeData attribute)
    {
        var format = attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is int value
            ? (StreamFormat)value
            : StreamFormat.NdJson;
        var route = attribute.ConstructorArguments.Length > 1 ? attribute.ConstructorArguments[1].Value as string : null;
        var httpMethod = Named(attribute, "Method") as string;

        // Only what the attribute sets overrides the application's options; a threshold that is not positive sets nothing.
        var flush = new FlushSpec(
            Named(attribute, "FlushEveryItem") as bool?,
            Named(attribute, "FlushThresholdBytes") is int threshold && threshold > 0 ? threshold : null);
        return (format, route, string.IsNullOrWhiteSpace(httpMethod) ? "GET" : httpMethod!, flush);
    }

    /// <summary>When the stream ends besides its producer's end; only what the attribute sets overrides the application's options.</summary>
    private static LifetimeSpec ReadLifetime(AttributeData attribute)
        => new(Named(attribute, "SseEndOnShutdown") as bool?, Named(attribute, "CloseOnAuthenticationExpiration") as bool?);

    private static object? Named(AttributeData attribute, string name)
        => attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value;

    /// <summary>What the endpoint names that the user may have marked [Obsolete]: the method, its type, its parameters' types, the element type.</summary>
    private static EquatableArray<string> ObsoleteIds(IMethodSymbol method, ITypeSymbol elementType, KnownSymbols symbols)
    {
        var uses = new ObsoleteUses(symbols).Note(method).Note(elementType);
        foreach (var parameter in method.Parameters)
        {
            uses.Note(parameter.Type);
        }

        return uses.Ids;
    }

    private static bool TryGetElementType(ITypeSymbol returnType, KnownSymbols symbols, out ITypeSymbol elementType, out bool isAsync)
    {
        elementType = returnType;
        isAsync = false;
        if (returnType is not INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named)
        {
            return false;
        }

        isAsync = KnownSymbols.Is(named, symbols.IAsyncEnumerableOfT);
        if (!isAsync && named.OriginalDefinition.SpecialType != SpecialType.System_Collections_Generic_IEnumerable_T)
        {
            return false;
        }

        elementType = named.TypeArguments[0];
        return elementType.TypeKind != TypeKind.Error;
    }

    private static bool HasNullableAnnotation(ITypeSymbol type)
        => type.NullableAnnotation == NullableAnnotation.Annotated
           || (type is INamedTypeSymbol named && named.TypeArguments.Any(HasNullableAnnotation));

    private static bool ContainsErrorType(ITypeSymbol type)
        => type.TypeKind == TypeKind.Error
           || (type is INamedTypeSymbol named && named.TypeArguments.Any(ContainsErrorType));

    /// <summary>Why generated code in the same assembly cannot call <paramref name="method"/>, or <see langword="null"/>.</summary>
    private static string? CallError(IMethodSymbol method)
    {
        if (method.IsGenericMethod)
        {
            return "it is generic; give it concrete types";
        }

        if (!IsReachable(method.DeclaredAccessibility))
        {
            return "it is private or protected; make it public or internal";
        }

        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (!IsReachable(type.DeclaredAccessibility))
            {
                return $"its type '{type.Name}' is private or protected; make it public or internal";
            }

            if (type.IsGenericType)
            {
                return $"its type '{type.Name}' is generic";
            }
        }

        if (!method.IsStatic && method.ContainingType is { } containing
            && (containing.IsAbstract || containing.IsStatic || containing.TypeKind != TypeKind.Class))
        {
            return "it is an instance method of a type the endpoint cannot create per request; make it static or put it in a non-abstract class";
        }

        return null;
    }

    private static bool IsReachable(Accessibility accessibility)
        => accessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;

    private static Disposal DisposalOf(INamedTypeSymbol type, KnownSymbols symbols)
        => KnownSymbols.IsOrInherits(type, symbols.IAsyncDisposable) ? Disposal.DisposeAsync
            : KnownSymbols.IsOrInherits(type, symbols.IDisposable) ? Disposal.Dispose
            : Disposal.None;
}
