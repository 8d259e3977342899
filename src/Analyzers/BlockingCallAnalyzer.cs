using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Streaming.Analyzers;

/// <summary>STRM005: a call that blocks a thread inside an <c>async</c> <c>[Stream]</c> method.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BlockingCallAnalyzer : StreamingAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.BlockingCall);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols)
        => RegisterInStreamMethods(context, symbols.IsAsyncStreamMethod, c => Analyze(c, symbols), OperationKind.Invocation, OperationKind.PropertyReference);

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
}
