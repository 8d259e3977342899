using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Streaming.Analyzers;

/// <summary>
/// STRM005: a call that blocks a thread inside an <c>async</c> <c>[Stream]</c> method; and, in a synchronous
/// <c>[Stream]</c> method, a wait that an async iterator could await instead (a call with an async twin, an
/// EF Core query enumerated synchronously).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BlockingCallAnalyzer : StreamingAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }
        = ImmutableArray.Create(DiagnosticDescriptors.BlockingCall, DiagnosticDescriptors.BlockingCallInSynchronousStream);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        RegisterInStreamMethods(context, symbols.IsAsyncStreamMethod, c => Analyze(c, symbols), OperationKind.Invocation, OperationKind.PropertyReference);
        RegisterInStreamMethods(
            context,
            symbol => symbol is IMethodSymbol { IsAsync: false } && symbols.IsStreamMethod(symbol) && !symbols.IsAsyncEnumerable((symbol as IMethodSymbol)?.ReturnType),
            c => AnalyzeSynchronous(c, symbols),
            OperationKind.Invocation,
            OperationKind.PropertyReference,
            OperationKind.Loop);
    }

    private static void Analyze(OperationAnalysisContext context, KnownSymbols symbols)
    {
        // A lambda or local function is not the async method: it may not be able to await.
        if (context.Operation.IsInNestedFunction() || BlockingCall.TryMatch(context.Operation, symbols) is not { } call)
        {
            return;
        }

        // task.GetAwaiter().GetResult() is one idiom: underline it from GetAwaiter on.
        var location = call.Kind == BlockingKind.GetResult && context.Operation is IInvocationOperation { Instance: { } awaiter }
            ? context.Operation.NameLocation(startingAt: awaiter)
            : context.Operation.NameLocation();
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.BlockingCall,
            location,
            call.Properties,
            call.Display,
            context.ContainingSymbol.Name,
            call.Advice));
    }

    /// <summary>
    /// A synchronous <c>[Stream]</c> method can only be fixed by making it an async iterator, which no code fix
    /// does for the user: these diagnostics carry no properties, so the await-rewriting fix stays away.
    /// </summary>
    private static void AnalyzeSynchronous(OperationAnalysisContext context, KnownSymbols symbols)
    {
        var operation = context.Operation;
        if (operation.IsInNestedFunction())
        {
            return;
        }

        const string GoAsync = "return IAsyncEnumerable<T> from an async iterator and ";
        switch (operation)
        {
            case IForEachLoopOperation loop when IsEntityFrameworkQuery(loop.Collection, symbols):
                Report(context, loop.Collection.Syntax.GetLocation(), "foreach", GoAsync + "'await foreach' over the query's AsAsyncEnumerable() instead");
                break;

            // A query returned as it is, not enumerated here, is not reported: the runtime reads a sequence that is
            // also an IAsyncEnumerable<T> (as EF Core's are) asynchronously.
            case IInvocationOperation or IPropertyReferenceOperation when BlockingCall.TryMatch(operation, symbols) is { } call:
                var location = call.Kind == BlockingKind.GetResult && operation is IInvocationOperation { Instance: { } awaiter }
                    ? operation.NameLocation(startingAt: awaiter)
                    : operation.NameLocation();
                Report(context, location, call.Display, GoAsync + call.Advice);
                break;
        }
    }

    private static void Report(OperationAnalysisContext context, Location location, string display, string advice)
        => context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.BlockingCallInSynchronousStream, location, display, context.ContainingSymbol.Name, advice));

    /// <summary>A <c>DbSet&lt;T&gt;</c>, or a query built on one with <c>Queryable</c> and EF Core operators (<c>Where</c>, <c>AsNoTracking</c> …).</summary>
    private static bool IsEntityFrameworkQuery(IOperation operation, KnownSymbols symbols)
    {
        for (var current = operation.WithoutConversions(); current is not null;)
        {
            if (symbols.DbSetOfT is { } dbSet && DerivesFrom(current.Type, dbSet))
            {
                return true;
            }

            if (current is not IInvocationOperation invocation
                || !symbols.IsQueryable(invocation.TargetMethod.ReturnType)
                || !(symbols.IsLinqType(invocation.TargetMethod.ContainingType) || symbols.IsEntityFrameworkQueryableExtensions(invocation.TargetMethod.ContainingType)))
            {
                return false;
            }

            current = invocation.ExtensionReceiver();
        }

        return false;
    }

    private static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol baseDefinition)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseDefinition))
            {
                return true;
            }
        }

        return false;
    }
}
