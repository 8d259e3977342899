using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Streaming.Analyzers;

/// <summary>
/// Follows a buffered result through the method body to decide whether it is what gets streamed: iterated by a
/// <c>foreach</c>, returned, or handed to a helper, directly or through a local. A buffer used only for lookups
/// (<c>ids.Contains(x)</c>, <c>byId[key]</c>, <c>rows.Count</c>) is a deliberate choice and is left alone.
/// </summary>
internal static class BufferedResultFlow
{
    private const int MaxLocalHops = 4;

    public static bool IsStreamed(Materialization materialization, KnownSymbols symbols)
        => materialization.Kind == MaterializationKind.Load
           || IsStreamed(materialization.Invocation, materialization.Kind, symbols, MaxLocalHops);

    private static bool IsStreamed(IOperation value, MaterializationKind kind, KnownSymbols symbols, int hops)
    {
        var current = value;
        while (current.Parent is { } parent)
        {
            switch (parent)
            {
                case IConversionOperation or IParenthesizedOperation or IAwaitOperation:
                    current = parent;
                    continue;
                case IInvocationOperation configured when configured.Instance == current && symbols.IsConfigureAwait(configured):
                    current = parent;
                    continue;
                case IForEachLoopOperation loop:
                    return loop.Collection == current;
                case IReturnOperation { Kind: OperationKind.Return } returned:
                    return !returned.IsInNestedFunction();
                case IArgumentOperation { Parent: IInvocationOperation invocation } argument:
                    if (!symbols.IsLinqType(invocation.TargetMethod.ContainingType))
                    {
                        // A helper that takes the whole buffer: the shape "Write(q.ToArray())".
                        return true;
                    }

                    if (argument.Parameter?.Ordinal == 0 && ReturnsSequence(invocation, symbols))
                    {
                        // A LINQ operator over the buffer (rows.Where(...)) carries it on.
                        current = invocation;
                        continue;
                    }

                    return false;
                case IArgumentOperation:
                    return true;
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    return hops > 0 && IsLocalStreamed(declarator.Symbol, current, kind, symbols, hops - 1);
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment when assignment.Value == current:
                    return hops > 0 && IsLocalStreamed(local.Local, current, kind, symbols, hops - 1);
                case IInvocationOperation { TargetMethod.Name: "ForEach" or "GetEnumerator" } call when call.Instance == current:
                    return true;
                case IPropertyReferenceOperation { Property.IsIndexer: false } view when view.Instance == current && IsSequence(view.Type, symbols):
                    // dictionary.Values: still the buffer's rows (an indexer, lookup[key], is a lookup).
                    current = view;
                    continue;
                default:
                    return false;
            }
        }

        return false;
    }

    private static bool IsLocalStreamed(ILocalSymbol local, IOperation from, MaterializationKind kind, KnownSymbols symbols, int hops)
    {
        foreach (var reference in from.Root().Descendants().OfType<ILocalReferenceOperation>())
        {
            if (!SymbolEqualityComparer.Default.Equals(reference.Local, local) || IsAssignmentTarget(reference))
            {
                continue;
            }

            if (IsStreamed(reference, kind, symbols, hops)
                || (kind == MaterializationKind.Sequence && IsIndexedInLoop(reference)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAssignmentTarget(ILocalReferenceOperation reference)
        => reference.Parent is IAssignmentOperation assignment && assignment.Target == reference;

    /// <summary><c>for (var i = 0; i &lt; rows.Count; i++) yield return rows[i];</c> walks the buffer by position.</summary>
    private static bool IsIndexedInLoop(ILocalReferenceOperation reference)
    {
        var indexed = reference.Parent switch
        {
            IArrayElementReferenceOperation element when element.ArrayReference == reference => true,
            IPropertyReferenceOperation { Property.IsIndexer: true } indexer when indexer.Instance == reference => true,
            _ => false,
        };

        if (!indexed)
        {
            return false;
        }

        for (var current = reference.Parent; current is not null; current = current.Parent)
        {
            if (current is ILoopOperation)
            {
                return true;
            }
        }

        return false;
    }

    private static bool ReturnsSequence(IInvocationOperation invocation, KnownSymbols symbols) => IsSequence(invocation.TargetMethod.ReturnType, symbols);

    /// <summary>A sequence of items (not a string): <c>IEnumerable&lt;T&gt;</c> or <c>IAsyncEnumerable&lt;T&gt;</c>.</summary>
    private static bool IsSequence(ITypeSymbol? type, KnownSymbols symbols)
        => type is INamedTypeSymbol returnType
           && returnType.SpecialType != SpecialType.System_String
           && (returnType.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
               || returnType.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
               || symbols.IsAsyncEnumerable(returnType));
}
