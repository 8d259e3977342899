using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Streaming.Analyzers.Tests.Harness;

/// <summary>Runs every Streaming analyzer over a compilation, and fails loudly if one of them throws.</summary>
internal static class Analyzers
{
    public static ImmutableArray<DiagnosticAnalyzer> All { get; } = typeof(MaterializedStreamAnalyzer).Assembly.GetTypes()
        .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>The analyzers' diagnostics, plus any exception they threw as an <c>AD0001</c>-style failure.</summary>
    public static (ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<string> Exceptions) Run(
        Compilation compilation, AnalyzerOptions? options = null, CancellationToken cancellationToken = default)
    {
        var exceptions = new ConcurrentQueue<string>();
        var analyzerOptions = new CompilationWithAnalyzersOptions(
            options ?? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var diagnostics = compilation.WithAnalyzers(All, analyzerOptions)
            .GetAnalyzerDiagnosticsAsync(cancellationToken).GetAwaiter().GetResult();

        foreach (var failure in diagnostics.Where(d => d.Id == "AD0001"))
        {
            exceptions.Enqueue(failure.GetMessage());
        }

        return (diagnostics.Where(d => d.Id != "AD0001").ToImmutableArray(), exceptions.ToImmutableArray());
    }
}
