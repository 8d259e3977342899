using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Streaming.Analyzers;

/// <summary>The ASP.NET Core types that make a method an endpoint, resolved once per compilation.</summary>
internal sealed class AspNetCoreSymbols
{
    private AspNetCoreSymbols(Compilation compilation)
    {
        EndpointRouteBuilderExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions");
        ControllerBase = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerBase");
        ControllerAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerAttribute");
        NonActionAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.NonActionAttribute");
        ResultFactories = new[]
            {
                "Microsoft.AspNetCore.Mvc.ControllerBase",
                "Microsoft.AspNetCore.Mvc.Controller",
                "Microsoft.AspNetCore.Http.Results",
                "Microsoft.AspNetCore.Http.TypedResults",
            }
            .Select(compilation.GetTypeByMetadataName)
            .OfType<INamedTypeSymbol>()
            .ToImmutableArray();
        ObjectResult = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ObjectResult");
        JsonResult = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.JsonResult");
    }

    /// <summary><c>MapGet</c>, <c>MapPost</c>… on <c>IEndpointRouteBuilder</c>.</summary>
    public INamedTypeSymbol? EndpointRouteBuilderExtensions { get; }

    public INamedTypeSymbol? ControllerBase { get; }

    public INamedTypeSymbol? ControllerAttribute { get; }

    public INamedTypeSymbol? NonActionAttribute { get; }

    /// <summary>Types whose methods wrap a value into a response: <c>Ok(x)</c>, <c>Results.Json(x)</c>, <c>TypedResults.Ok(x)</c>.</summary>
    public ImmutableArray<INamedTypeSymbol> ResultFactories { get; }

    public INamedTypeSymbol? ObjectResult { get; }

    public INamedTypeSymbol? JsonResult { get; }

    public static AspNetCoreSymbols? TryCreate(Compilation compilation)
    {
        var symbols = new AspNetCoreSymbols(compilation);
        return symbols.EndpointRouteBuilderExtensions is null && symbols.ControllerBase is null ? null : symbols;
    }

    /// <summary>A public instance method of a controller (a type deriving from <c>ControllerBase</c> or marked
    /// <c>[Controller]</c>), as MVC discovers actions.</summary>
    public bool IsControllerAction(IMethodSymbol method)
    {
        if (method.MethodKind != MethodKind.Ordinary || method.IsStatic || method.DeclaredAccessibility != Accessibility.Public
            || method.ContainingType is not { IsAbstract: false, DeclaredAccessibility: Accessibility.Public } type
            || method.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, NonActionAttribute)))
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, ControllerBase)
                || current.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, ControllerAttribute)))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsMapCall(IMethodSymbol method)
        => SymbolEqualityComparer.Default.Equals(method.ContainingType, EndpointRouteBuilderExtensions)
           && method.Name.StartsWith("Map", System.StringComparison.Ordinal);

    public bool IsResultFactory(INamedTypeSymbol? type)
        => type is not null && ResultFactories.Contains(type, SymbolEqualityComparer.Default);

    public bool IsObjectResult(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, ObjectResult) || SymbolEqualityComparer.Default.Equals(current, JsonResult))
            {
                return true;
            }
        }

        return false;
    }
}
