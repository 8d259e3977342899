using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Streaming.Analyzers;

/// <summary>STRM004: an async <c>[Stream]</c> iterator that never looks at a cancellation token.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnobservedCancellationAnalyzer : StreamingAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.UnobservedCancellation);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols)
        => context.RegisterOperationBlockAction(block =>
        {
            if (block.OwningSymbol is IMethodSymbol method && IsAsyncStreamIterator(method, block.OperationBlocks, symbols))
            {
                Analyze(block, method, symbols);
            }
        });

    private static void Analyze(OperationBlockAnalysisContext context, IMethodSymbol method, KnownSymbols symbols)
    {
        var operations = context.OperationBlocks.SelectMany(b => b.DescendantsAndSelf());
        if (operations.Any(o => CancellationObservation.Observes(o, symbols)))
        {
            return;
        }

        var tokenParameter = method.Parameters.FirstOrDefault(p => symbols.IsCancellationToken(p.Type));
        var advice = tokenParameter is null
            ? "add an [EnumeratorCancellation] CancellationToken parameter and pass it to the calls that accept one"
            : $"pass '{tokenParameter.Name}' to the calls that accept a token, or call {tokenParameter.Name}.ThrowIfCancellationRequested() in the loop";
        var location = (tokenParameter ?? (ISymbol)method).Locations.FirstOrDefault() ?? Location.None;
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnobservedCancellation, location, method.Name, advice));
    }

    private static bool IsAsyncStreamIterator(IMethodSymbol method, ImmutableArray<IOperation> blocks, KnownSymbols symbols)
        => method.IsAsync
           && SymbolEqualityComparer.Default.Equals(method.ReturnType.OriginalDefinition, symbols.IAsyncEnumerableOfT)
           && symbols.IsStreamMethod(method)
           && blocks.SelectMany(b => b.Descendants())
               .Any(o => o is IReturnOperation { Kind: OperationKind.YieldReturn or OperationKind.YieldBreak } && !o.IsInNestedFunction());
}
