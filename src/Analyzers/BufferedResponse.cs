using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Streaming.Analyzers;

/// <summary>A whole query buffered into what an endpoint returns: the buffering call, the method of the compilation
/// that makes it (<see langword="null"/> when the endpoint does so itself), and the endpoint's call that leads there.</summary>
internal sealed class BufferedResult(Materialization materialization, IMethodSymbol? madeIn, IOperation reportAt)
{
    public Materialization Materialization { get; } = materialization;

    public IMethodSymbol? MadeIn { get; } = madeIn;

    public IOperation ReportAt { get; } = reportAt;

    /// <summary>The same buffer, seen from a caller: reported at its call of <paramref name="callee"/>.</summary>
    public BufferedResult CalledThrough(IMethodSymbol callee, IOperation call) => new(Materialization, MadeIn ?? callee, call);
}

/// <summary>
/// Reads what an endpoint returns and finds a whole query buffered into it: <c>await db.Orders.ToListAsync()</c>,
/// directly, wrapped in <c>Ok(…)</c>/<c>Results.Ok(…)</c>, through a local, mapped in memory (<c>Select</c>,
/// <c>mapper.Map</c>) — or returned by a method of the same compilation that the endpoint awaits: a service, a
/// repository behind its interface, a MediatR-style handler the endpoint sends a request to. Only an unbounded query
/// counts: a chain with <c>Take</c> is paged, and a query whose origin cannot be seen (a parameter, a call into
/// another assembly) is given the benefit of the doubt. One instance per compilation: what each method returns is
/// worked out once.
/// </summary>
internal sealed class BufferedResponse(Compilation compilation, KnownSymbols symbols, AspNetCoreSymbols aspNetCore)
{
    private const int MaxDepth = 16;

    /// <summary>How many methods deep a buffer is followed: endpoint → service → repository.</summary>
    private const int MaxCalls = 3;

    /// <summary>Operators after which a query returns a bounded number of rows.</summary>
    private static readonly ImmutableHashSet<string> s_boundingOperators = ImmutableHashSet.Create("Take", "TakeLast", "TakeWhile", "GroupBy");

    /// <summary>What a query helper may call to bound the rows it returns.</summary>
    private static readonly ImmutableHashSet<string> s_pagingOperators = ImmutableHashSet.Create("Take", "TakeLast", "TakeWhile", "Skip", "GroupBy");

    /// <summary>Mapping libraries' projections of a query (AutoMapper, Mapster): still every row.</summary>
    private static readonly ImmutableHashSet<string> s_queryProjections = ImmutableHashSet.Create("ProjectTo", "ProjectToType");

    /// <summary>In-memory operators and mappers that carry every row of a buffer into a new one.</summary>
    private static readonly ImmutableHashSet<string> s_rowPreserving = ImmutableHashSet.Create(
        "Select", "ToList", "ToArray", "AsEnumerable", "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending", "Map", "Adapt");

    private readonly ConcurrentDictionary<IMethodSymbol, BufferedResult?> _methods = new(SymbolEqualityComparer.Default);
    private ImmutableArray<INamedTypeSymbol> _sourceTypes;

    /// <summary>What a returned value buffers, if anything.</summary>
    public BufferedResult? Find(IOperation returned, CancellationToken cancellationToken)
        => Find(returned, MaxCalls, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default), cancellationToken);

    /// <param name="returned">The value returned.</param>
    /// <param name="calls">How many more calls deep to follow.</param>
    /// <param name="reading">The methods being read on this chain of calls, so that recursion ends.</param>
    /// <param name="cancellationToken">The analysis's token.</param>
    private BufferedResult? Find(IOperation returned, int calls, HashSet<IMethodSymbol> reading, CancellationToken cancellationToken)
    {
        if (Unwrap(returned, symbols, aspNetCore, MaxDepth) is not IInvocationOperation invocation)
        {
            return null;
        }

        if (Materialization.TryMatch(invocation, symbols) is { } materialization)
        {
            return materialization.Kind == MaterializationKind.Sequence
                   && symbols.IsQueryable(materialization.Source.Type)
                   && IsUnbounded(materialization.Source, MaxDepth, cancellationToken)
                ? new BufferedResult(materialization, null, invocation)
                : null;
        }

        if (calls == 0)
        {
            return null;
        }

        foreach (var target in Targets(invocation, cancellationToken))
        {
            if (Returns(target, calls - 1, reading, cancellationToken) is { } result)
            {
                return result.CalledThrough(target, invocation);
            }
        }

        return null;
    }

    /// <summary>What a method of this compilation returns, worked out once.</summary>
    /// <remarks>
    /// Endpoints are analyzed concurrently, so a method being read on one chain of calls is marked on that chain
    /// only: a shared mark would tell another endpoint calling the same method, read at the same moment, that it
    /// buffers nothing.
    /// </remarks>
    private BufferedResult? Returns(IMethodSymbol method, int calls, HashSet<IMethodSymbol> reading, CancellationToken cancellationToken)
    {
        if (_methods.TryGetValue(method, out var known))
        {
            return known;
        }

        if (!reading.Add(method))
        {
            // The method calls itself on this chain: the recursion adds nothing.
            return null;
        }

        var result = Body(method, cancellationToken) is { } body
            ? body.DescendantsAndSelf()
                .OfType<IReturnOperation>()
                .Where(r => r.Kind == OperationKind.Return && r.ReturnedValue is not null && !r.IsInNestedFunction())
                .Select(r => Find(r.ReturnedValue!, calls, reading, cancellationToken))
                .FirstOrDefault(r => r is not null)
            : null;
        reading.Remove(method);
        return _methods.GetOrAdd(method, result);
    }

    /// <summary>The method body of a method declared in this compilation.</summary>
    private IOperation? Body(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var declaration = method.DeclaringSyntaxReferences.FirstOrDefault();
        if (declaration is null || !compilation.ContainsSyntaxTree(declaration.SyntaxTree))
        {
            return null;
        }

        // Another file's model: the buffer is usually made in a service or repository next door, not in the endpoint's file.
#pragma warning disable RS1030 // Reading a callee's body needs its tree's model; each method is read once per compilation.
        var model = compilation.GetSemanticModel(declaration.SyntaxTree);
#pragma warning restore RS1030
        return model.GetOperation(declaration.GetSyntax(cancellationToken), cancellationToken);
    }

    /// <summary>The methods of this compilation a call runs: the method itself, the one implementation of an interface
    /// or abstract method, or the <c>Handle</c> method of the request sent to a mediator.</summary>
    private ImmutableArray<IMethodSymbol> Targets(IInvocationOperation invocation, CancellationToken cancellationToken)
    {
        var method = invocation.TargetMethod.OriginalDefinition;
        if (method.IsExtensionMethod && (symbols.IsLinqType(method.ContainingType) || symbols.IsEntityFrameworkQueryableExtensions(method.ContainingType)))
        {
            return ImmutableArray<IMethodSymbol>.Empty;
        }

        if (!method.IsAbstract && method.DeclaringSyntaxReferences.Length > 0)
        {
            return ImmutableArray.Create(method);
        }

        if (method.Name is "Send" or "SendAsync"
            && invocation.Arguments.FirstOrDefault(a => a.Value.WithoutConversions().Type is INamedTypeSymbol { DeclaringSyntaxReferences.Length: > 0 })
                ?.Value.WithoutConversions().Type is INamedTypeSymbol request)
        {
            return Handlers(request, cancellationToken);
        }

        if (method.IsAbstract || method.ContainingType.TypeKind == TypeKind.Interface)
        {
            var implementations = SourceTypes(cancellationToken)
                .Select(t => t.FindImplementationForInterfaceMember(method) as IMethodSymbol ?? Override(t, method))
                .OfType<IMethodSymbol>()
                .Where(m => !m.IsAbstract && m.DeclaringSyntaxReferences.Length > 0)
                .Distinct<IMethodSymbol>(SymbolEqualityComparer.Default)
                .ToImmutableArray();

            // Several implementations: which one runs is the container's choice, not the code's.
            return implementations.Length == 1 ? implementations : ImmutableArray<IMethodSymbol>.Empty;
        }

        return ImmutableArray<IMethodSymbol>.Empty;
    }

    private static IMethodSymbol? Override(INamedTypeSymbol type, IMethodSymbol method)
        => type.GetMembers(method.Name).OfType<IMethodSymbol>()
            .FirstOrDefault(m => SymbolEqualityComparer.Default.Equals(m.OverriddenMethod?.OriginalDefinition, method));

    /// <summary>The <c>Handle(TRequest, …)</c> methods of this compilation for <paramref name="request"/>, as MediatR-style handlers declare them.</summary>
    private ImmutableArray<IMethodSymbol> Handlers(INamedTypeSymbol request, CancellationToken cancellationToken)
    {
        var handlers = SourceTypes(cancellationToken)
            .SelectMany(t => t.GetMembers("Handle").Concat(t.GetMembers("HandleAsync")))
            .OfType<IMethodSymbol>()
            .Where(m => m.Parameters.Length > 0 && SymbolEqualityComparer.Default.Equals(m.Parameters[0].Type, request))
            .ToImmutableArray();
        return handlers.Length == 1 ? handlers : ImmutableArray<IMethodSymbol>.Empty;
    }

    /// <summary>The classes declared in this compilation, listed once.</summary>
    private ImmutableArray<INamedTypeSymbol> SourceTypes(CancellationToken cancellationToken)
    {
        if (_sourceTypes.IsDefault)
        {
            var types = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            Collect(compilation.Assembly.GlobalNamespace, types, cancellationToken);
            ImmutableInterlocked.InterlockedInitialize(ref _sourceTypes, types.ToImmutable());
        }

        return _sourceTypes;
    }

    private static void Collect(INamespaceOrTypeSymbol container, ImmutableArray<INamedTypeSymbol>.Builder types, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var member in container.GetMembers())
        {
            if (member is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } type)
            {
                types.Add(type);
            }

            if (member is INamespaceOrTypeSymbol nested)
            {
                Collect(nested, types, cancellationToken);
            }
        }
    }

    /// <summary>The value under awaits, conversions, response wrappers and envelopes, single-assignment locals, null checks
    /// and in-memory mappings.</summary>
    private static IOperation? Unwrap(IOperation operation, KnownSymbols symbols, AspNetCoreSymbols aspNetCore, int depth)
    {
        var current = operation;
        while (depth-- > 0)
        {
            switch (current)
            {
                case IConversionOperation conversion:
                    current = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    current = parenthesized.Operand;
                    continue;
                case IAwaitOperation awaited:
                    current = awaited.Operation;
                    continue;
                case IInvocationOperation configured when symbols.IsConfigureAwait(configured):
                    current = configured.Instance!;
                    continue;
                case IInvocationOperation invocation when aspNetCore.IsResultFactory(invocation.TargetMethod.ContainingType):
                    if (Payload(invocation.Arguments) is not { } payload)
                    {
                        return null;
                    }

                    current = payload;
                    continue;
                case IObjectCreationOperation creation when aspNetCore.IsObjectResult(creation.Type):
                    if (Payload(creation.Arguments) is not { } createdPayload)
                    {
                        return null;
                    }

                    current = createdPayload;
                    continue;
                case IInvocationOperation mapped when MappedBuffer(mapped, symbols) is { } buffer:
                    current = buffer;
                    continue;
                case ICoalesceOperation coalesce:
                    // rows ?? new List<T>()
                    current = coalesce.Value;
                    continue;
                case IConditionalAccessOperation conditional:
                    // rows?.Select(Map).ToList()
                    current = conditional.WhenNotNull;
                    continue;
                case IConditionalAccessInstanceOperation instance:
                    if (EnclosingConditionalAccess(instance) is not { } access)
                    {
                        return null;
                    }

                    current = access.Operation;
                    continue;
                case IObjectCreationOperation envelope when !aspNetCore.IsObjectResult(envelope.Type):
                    // new OrdersEnvelope { Orders = rows }, new Page<T>(rows): the list the response carries.
                    if (EnvelopedSequence(envelope, symbols) is not { } enveloped)
                    {
                        return null;
                    }

                    current = enveloped;
                    continue;
                case ILocalReferenceOperation local:
                    if (SingleAssignedValue(local) is not { } assigned)
                    {
                        return null;
                    }

                    current = assigned;
                    continue;
                default:
                    return current;
            }
        }

        return null;
    }

    /// <summary>The buffer under an in-memory mapping of all its rows: <c>rows.Select(Map).ToList()</c>,
    /// <c>mapper.Map&lt;List&lt;Dto&gt;&gt;(rows)</c>; <see langword="null"/> for anything else.</summary>
    private static IOperation? MappedBuffer(IInvocationOperation invocation, KnownSymbols symbols)
    {
        var method = invocation.TargetMethod;
        if (!s_rowPreserving.Contains(method.Name))
        {
            return null;
        }

        if (method.IsExtensionMethod && symbols.IsLinqType(method.ContainingType))
        {
            // Enumerable over a buffer: a query (Queryable) is the materialization's own business.
            return invocation.ExtensionReceiver() is { Type: { } type } receiver && !symbols.IsStreamedSource(type) ? receiver : null;
        }

        // A mapper into a collection: Map<List<Dto>>(rows), rows.Adapt<List<Dto>>() (Map<SettingsDto>(rows) folds rows into one object).
        return method.Name is "Map" or "Adapt" && invocation.Arguments.Length == 1 && IsCollection(invocation.Type, symbols)
            ? invocation.Arguments[0].Value.WithoutConversions()
            : null;
    }

    private static IConditionalAccessOperation? EnclosingConditionalAccess(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IConditionalAccessOperation access)
            {
                return access;
            }
        }

        return null;
    }

    /// <summary>The one sequence a response object is built around: a constructor argument or an initialized member that is a
    /// collection (not a string). <see langword="null"/> when there is none, or more than one.</summary>
    private static IOperation? EnvelopedSequence(IObjectCreationOperation creation, KnownSymbols symbols)
    {
        var values = creation.Arguments.Select(a => a.Value)
            .Concat(creation.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>().Select(a => a.Value) ?? [])
            .Where(v => IsCollection(v.WithoutConversions().Type ?? v.Type, symbols))
            .ToList();
        return values.Count == 1 ? values[0] : null;
    }

    private static bool IsCollection(ITypeSymbol? type, KnownSymbols symbols)
        => type is { SpecialType: not SpecialType.System_String }
           && (type is IArrayTypeSymbol
               || type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
               || type.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T))
           && !symbols.IsStreamedSource(type);

    /// <summary>The argument that carries the response body: the one typed <c>object</c> or <c>TValue</c>.</summary>
    private static IOperation? Payload(ImmutableArray<IArgumentOperation> arguments)
        => arguments.FirstOrDefault(a => a.Parameter?.OriginalDefinition.Type is { SpecialType: SpecialType.System_Object } or ITypeParameterSymbol)?.Value;

    /// <summary>The initializer of a local that is never assigned again, or <see langword="null"/>.</summary>
    private static IOperation? SingleAssignedValue(ILocalReferenceOperation reference)
    {
        IOperation? value = null;
        foreach (var operation in reference.Root().Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local):
                    value = declarator.Initializer?.Value;
                    break;
                case IAssignmentOperation { Target: ILocalReferenceOperation target } when SymbolEqualityComparer.Default.Equals(target.Local, reference.Local):
                    return null;
            }
        }

        return value;
    }

    /// <summary>
    /// A query helper of this compilation that only filters or orders, such as <c>WhereIf(condition, predicate)</c>: an
    /// extension method from <c>IQueryable&lt;T&gt;</c> to <c>IQueryable&lt;T&gt;</c> whose body calls no paging operator.
    /// </summary>
    private bool IsRowFilter(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var definition = method.ReducedFrom ?? method;
        return definition.Parameters.Length > 0
               && symbols.IsQueryable(definition.Parameters[0].Type)
               && symbols.IsQueryable(definition.ReturnType)
               && Body(definition.OriginalDefinition, cancellationToken) is { } body
               && !body.Descendants().Any(o => o is IInvocationOperation call && s_pagingOperators.Contains(call.TargetMethod.Name));
    }

    /// <summary><c>Select(x =&gt; x.Role).Distinct()</c> of an enum or a <c>bool</c>: at most as many rows as values.</summary>
    private static bool IsDistinctOfFewValues(IInvocationOperation invocation)
        => invocation.TargetMethod.Name == "Distinct"
           && invocation.Type is INamedTypeSymbol { TypeArguments.Length: 1 } sequence
           && sequence.TypeArguments[0] is { TypeKind: TypeKind.Enum } or { SpecialType: SpecialType.System_Boolean };

    /// <summary><c>Where(x =&gt; ids.Contains(x.Id))</c>: rows picked by a list of keys the request supplied, at most as many as keys.</summary>
    private static bool IsKeyFilter(IInvocationOperation invocation, KnownSymbols symbols)
        => invocation.TargetMethod.Name == "Where"
           && invocation.Arguments.Skip(1).Any(a => a.Value.Descendants().Any(o =>
               o is IInvocationOperation { TargetMethod.Name: "Contains" } contains
               && contains.ExtensionReceiver() is { Type: var keys }
               && !symbols.IsQueryable(keys)));

    /// <summary>Whether a query starts at a <c>DbSet</c> (or another member) and no operator bounds its row count.</summary>
    private bool IsUnbounded(IOperation query, int depth, CancellationToken cancellationToken)
    {
        var current = query.WithoutConversions();
        while (depth-- > 0)
        {
            switch (current)
            {
                case IInvocationOperation invocation
                    when invocation.TargetMethod.IsExtensionMethod
                         && (symbols.IsLinqType(invocation.TargetMethod.ContainingType)
                             || symbols.IsEntityFrameworkQueryableExtensions(invocation.TargetMethod.ContainingType)
                             || symbols.IsQuerySplitting(invocation.TargetMethod)
                             || s_queryProjections.Contains(invocation.TargetMethod.Name)
                             || IsRowFilter(invocation.TargetMethod, cancellationToken)):
                    if (s_boundingOperators.Contains(invocation.TargetMethod.Name) || IsKeyFilter(invocation, symbols) || IsDistinctOfFewValues(invocation)
                        || invocation.ExtensionReceiver() is not { } receiver)
                    {
                        return false;
                    }

                    current = receiver;
                    continue;
                case IPropertyReferenceOperation or IFieldReferenceOperation:
                    return true;
                case IInvocationOperation { TargetMethod.Name: "Set" } set:
                    // DbContext.Set<T>()
                    return symbols.DbSetOfT is not null && SymbolEqualityComparer.Default.Equals(set.Type?.OriginalDefinition, symbols.DbSetOfT);
                case ILocalReferenceOperation local:
                    if (SingleAssignedValue(local) is not { } assigned)
                    {
                        return false;
                    }

                    current = assigned.WithoutConversions();
                    continue;
                default:
                    return false;
            }
        }

        return false;
    }
}
