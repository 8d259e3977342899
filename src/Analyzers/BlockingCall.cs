using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Streaming.Analyzers;

/// <summary>The shapes of blocking the code fix knows how to rewrite; passed to it in the diagnostic's properties.</summary>
internal enum BlockingKind
{
    /// <summary><c>task.Result</c>.</summary>
    Result,

    /// <summary><c>task.Wait()</c>, <c>Task.WaitAll(…)</c>, <c>Task.WaitAny(…)</c>.</summary>
    Wait,

    /// <summary><c>task.GetAwaiter().GetResult()</c>.</summary>
    GetResult,

    /// <summary><c>Thread.Sleep(…)</c>.</summary>
    Sleep,

    /// <summary>A synchronous I/O call whose <c>…Async</c> twin exists.</summary>
    SynchronousIo,
}

/// <summary>Recognises a call or property read that blocks the calling thread, by symbol.</summary>
internal sealed class BlockingCall
{
    public const string KindProperty = "Kind";
    public const string TwinProperty = "Twin";

    /// <summary>Synchronous members that are the right call even with an async twin (EF Core's <c>Add</c> only
    /// needs <c>AddAsync</c> for special value generators; <c>Dispose</c> runs at the end of a <c>using</c>).</summary>
    private static readonly ImmutableHashSet<string> s_preferredSynchronous = ImmutableHashSet.Create("Add", "AddRange", "Dispose");

    private BlockingCall(BlockingKind kind, string display, string advice, string? twin = null)
    {
        Kind = kind;
        Display = display;
        Advice = advice;
        Twin = twin;
    }

    public BlockingKind Kind { get; }

    /// <summary>The call as the user reads it, e.g. <c>.Result</c> or <c>ReadLine()</c>.</summary>
    public string Display { get; }

    public string Advice { get; }

    /// <summary>For <see cref="BlockingKind.SynchronousIo"/>, the name of the async twin.</summary>
    public string? Twin { get; }

    public ImmutableDictionary<string, string?> Properties
        => ImmutableDictionary<string, string?>.Empty.Add(KindProperty, Kind.ToString()).Add(TwinProperty, Twin);

    public static BlockingCall? TryMatch(IOperation operation, KnownSymbols symbols)
        => operation switch
        {
            IPropertyReferenceOperation property => TryMatchProperty(property, symbols),
            IInvocationOperation invocation => TryMatchInvocation(invocation, symbols),
            _ => null,
        };

    private static BlockingCall? TryMatchProperty(IPropertyReferenceOperation property, KnownSymbols symbols)
        => property.Property.Name == "Result" && property.Instance is not null && symbols.IsTaskLike(property.Property.ContainingType)
            ? new BlockingCall(BlockingKind.Result, ".Result", "await the task instead")
            : null;

    private static BlockingCall? TryMatchInvocation(IInvocationOperation invocation, KnownSymbols symbols)
    {
        var method = invocation.TargetMethod;
        var containing = method.ContainingType;
        if (containing is null)
        {
            return null;
        }

        if (SymbolEqualityComparer.Default.Equals(containing, symbols.Task) && method.Name is "Wait" or "WaitAll" or "WaitAny")
        {
            var advice = method.Name == "Wait" ? "await the task instead" : $"await Task.When{method.Name.Substring(4)}(…) instead";
            return new BlockingCall(BlockingKind.Wait, method.Name + "()", advice);
        }

        if (method.Name == "GetResult" && containing.Name.EndsWith("Awaiter", System.StringComparison.Ordinal)
            && containing.ContainingNamespace?.ToDisplayString() == "System.Runtime.CompilerServices")
        {
            return new BlockingCall(BlockingKind.GetResult, "GetAwaiter().GetResult()", "await the task instead");
        }

        if (SymbolEqualityComparer.Default.Equals(containing, symbols.Thread) && method.Name == "Sleep")
        {
            return new BlockingCall(BlockingKind.Sleep, "Thread.Sleep()", "use 'await Task.Delay(…)' instead");
        }

        return TryMatchSynchronousIo(invocation, symbols);
    }

    private static BlockingCall? TryMatchSynchronousIo(IInvocationOperation invocation, KnownSymbols symbols)
    {
        var method = invocation.TargetMethod;
        if (method.Name.EndsWith("Async", System.StringComparison.Ordinal)
            || s_preferredSynchronous.Contains(method.Name)
            || symbols.IsTaskLike(method.ReturnType)
            || Materialization.TryMatch(invocation, symbols) is not null)
        {
            return null;
        }

        var twinName = method.Name + "Async";

        // Queryable.First(q) runs the query synchronously; EF Core's FirstAsync(q) is its twin.
        if (SymbolEqualityComparer.Default.Equals(method.ContainingType.OriginalDefinition, symbols.Queryable))
        {
            return symbols.EntityFrameworkQueryableExtensions is { } ef && ef.GetMembers(twinName).Length > 0
                   && symbols.IsQueryable(invocation.ExtensionReceiver()?.Type)
                ? new BlockingCall(BlockingKind.SynchronousIo, method.Name + "()", $"use 'await {twinName}(…)' instead", twinName)
                : null;
        }

        var receiverType = method.IsStatic ? method.ContainingType : invocation.Instance?.Type;
        if (receiverType is null
            || !DerivesFromAny(receiverType, symbols.IoTypes)
            || DerivesFromAny(receiverType, symbols.InMemoryIoTypes)
            || !HasMember(receiverType, twinName))
        {
            return null;
        }

        return new BlockingCall(BlockingKind.SynchronousIo, method.Name + "()", $"use 'await {twinName}(…)' instead", twinName);
    }

    private static bool DerivesFromAny(ITypeSymbol type, ImmutableArray<INamedTypeSymbol> candidates)
    {
        foreach (var candidate in candidates)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, candidate))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool HasMember(ITypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.GetMembers(name).Any(m => m is IMethodSymbol))
            {
                return true;
            }
        }

        return false;
    }
}
