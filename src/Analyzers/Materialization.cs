using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Streaming.Analyzers;

/// <summary>How a materializing call treats the rows it buffers.</summary>
internal enum MaterializationKind
{
    /// <summary><c>ToList</c>, <c>ToArray</c> and their async twins: the rows, in order.</summary>
    Sequence,

    /// <summary><c>ToDictionary</c>, <c>ToHashSet</c>, <c>ToLookup</c>: a structure usually built for lookups.</summary>
    Keyed,

    /// <summary>EF Core's <c>Load</c>/<c>LoadAsync</c>: every row into the change tracker.</summary>
    Load,
}

/// <summary>A call that buffers a streamed source, recognised by symbol.</summary>
internal sealed class Materialization
{
    private static readonly ImmutableDictionary<string, MaterializationKind> s_kinds = new[]
    {
        ("ToList", MaterializationKind.Sequence),
        ("ToArray", MaterializationKind.Sequence),
        ("ToListAsync", MaterializationKind.Sequence),
        ("ToArrayAsync", MaterializationKind.Sequence),
        ("ToDictionary", MaterializationKind.Keyed),
        ("ToDictionaryAsync", MaterializationKind.Keyed),
        ("ToHashSet", MaterializationKind.Keyed),
        ("ToHashSetAsync", MaterializationKind.Keyed),
        ("ToLookup", MaterializationKind.Keyed),
        ("ToLookupAsync", MaterializationKind.Keyed),
        ("Load", MaterializationKind.Load),
        ("LoadAsync", MaterializationKind.Load),
    }.ToImmutableDictionary(p => p.Item1, p => p.Item2);

    private Materialization(IInvocationOperation invocation, IOperation source, MaterializationKind kind)
    {
        Invocation = invocation;
        Source = source;
        Kind = kind;
    }

    public IInvocationOperation Invocation { get; }

    /// <summary>The streamed sequence being buffered, under its implicit conversion to the parameter type.</summary>
    public IOperation Source { get; }

    public MaterializationKind Kind { get; }

    /// <summary>The call as the user reads it, e.g. <c>ToListAsync()</c>.</summary>
    public string DisplayName => Invocation.TargetMethod.Name + "()";

    public static Materialization? TryMatch(IInvocationOperation invocation, KnownSymbols symbols)
    {
        var method = invocation.TargetMethod;
        if (!s_kinds.TryGetValue(method.Name, out var kind)
            || !method.IsExtensionMethod
            || !(symbols.IsLinqType(method.ContainingType) || symbols.IsEntityFrameworkQueryableExtensions(method.ContainingType))
            || invocation.ExtensionReceiver() is not { Type: { } sourceType } source
            || !symbols.IsStreamedSource(sourceType))
        {
            return null;
        }

        return new Materialization(invocation, source, kind);
    }
}
