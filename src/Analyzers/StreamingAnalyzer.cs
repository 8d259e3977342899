using Microsoft.CodeAnalysis.Diagnostics;

namespace Streaming.Analyzers;

/// <summary>
/// What every Streaming analyzer does the same way: run concurrently, skip generated code, resolve the symbols it
/// needs once per compilation, and do nothing at all in a compilation that does not reference Streaming.Generators.
/// </summary>
public abstract class StreamingAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (KnownSymbols.TryCreate(start.Compilation) is { } symbols)
            {
                OnCompilationStart(start, symbols);
            }
        });
    }

    /// <summary>Registers the analyzer's actions for a compilation that uses <c>[Stream]</c>.</summary>
    private protected abstract void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols);

    /// <summary>Registers <paramref name="action"/> for the operations of each <c>[Stream]</c> method that <paramref name="isTarget"/> accepts.</summary>
    private protected static void RegisterInStreamMethods(
        CompilationStartAnalysisContext context,
        System.Func<Microsoft.CodeAnalysis.ISymbol, bool> isTarget,
        System.Action<OperationAnalysisContext> action,
        params Microsoft.CodeAnalysis.OperationKind[] kinds)
        => context.RegisterOperationBlockStartAction(block =>
        {
            if (isTarget(block.OwningSymbol))
            {
                block.RegisterOperationAction(action, kinds);
            }
        });
}
