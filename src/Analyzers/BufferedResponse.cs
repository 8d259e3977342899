using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Streaming.Analyzers;

/// <summary>
/// Reads what an endpoint returns and finds a whole query buffered into it: <c>await db.Orders.ToListAsync()</c>,
/// directly, wrapped in <c>Ok(…)</c>/<c>Results.Ok(…)</c>, or through a local. Only an unbounded query counts:
/// a chain with <c>Take</c> is paged, and a query whose origin cannot be seen (a parameter, a helper's result)
/// is given the benefit of the doubt.
/// </summary>
internal static class BufferedResponse
{
    private const int MaxDepth = 16;

    /// <summary>Operators after which a query returns a bounded number of rows.</summary>
    private static readonly ImmutableHashSet<string> s_boundingOperators = ImmutableHashSet.Create("Take", "TakeLast", "TakeWhile", "GroupBy");

    public static Materialization? Find(IOperation returned, KnownSymbols symbols, AspNetCoreSymbols aspNetCore)
    {
        var value = Unwrap(returned, symbols, aspNetCore, MaxDepth);
        return value is IInvocationOperation invocation
               && Materialization.TryMatch(invocation, symbols) is { Kind: MaterializationKind.Sequence } materialization
               && symbols.IsQueryable(materialization.Source.Type)
               && IsUnbounded(materialization.Source, symbols, MaxDepth)
            ? materialization
            : null;
    }

    /// <summary>The value under awaits, conversions, response wrappers and single-assignment locals.</summary>
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

    /// <summary><c>Where(x =&gt; ids.Contains(x.Id))</c>: rows picked by a list of keys the request supplied, at most as many as keys.</summary>
    private static bool IsKeyFilter(IInvocationOperation invocation, KnownSymbols symbols)
        => invocation.TargetMethod.Name == "Where"
           && invocation.Arguments.Skip(1).Any(a => a.Value.Descendants().Any(o =>
               o is IInvocationOperation { TargetMethod.Name: "Contains" } contains
               && contains.ExtensionReceiver() is { Type: var keys }
               && !symbols.IsQueryable(keys)));

    /// <summary>Whether a query starts at a <c>DbSet</c> (or another member) and no operator bounds its row count.</summary>
    private static bool IsUnbounded(IOperation query, KnownSymbols symbols, int depth)
    {
        var current = query.WithoutConversions();
        while (depth-- > 0)
        {
            switch (current)
            {
                case IInvocationOperation invocation
                    when invocation.TargetMethod.IsExtensionMethod
                         && (symbols.IsLinqType(invocation.TargetMethod.ContainingType) || symbols.IsEntityFrameworkQueryableExtensions(invocation.TargetMethod.ContainingType)):
                    if (s_boundingOperators.Contains(invocation.TargetMethod.Name) || IsKeyFilter(invocation, symbols)
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
