using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Streaming.Analyzers;

/// <summary>STRM001: a <c>[Stream]</c> method buffers the query or async sequence it is meant to stream.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MaterializedStreamAnalyzer : StreamingAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.MaterializedStream);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols)
        => RegisterInStreamMethods(context, symbols.IsStreamMethod, c => Analyze(c, symbols), OperationKind.Invocation);

    private static void Analyze(OperationAnalysisContext context, KnownSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;

        // Lambdas are left alone: inside an IQueryable projection a nested ToList() is translated to SQL, not run.
        if (invocation.IsInNestedFunction()
            || Materialization.TryMatch(invocation, symbols) is not { } materialization
            || !BufferedResultFlow.IsStreamed(materialization, symbols))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.MaterializedStream,
            invocation.NameLocation(),
            materialization.DisplayName,
            materialization.Source.Type!.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)));
    }
}
