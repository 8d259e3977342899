using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Streaming.Generators.Tests.Infrastructure;

namespace Streaming.Analyzers.Tests.Harness;

/// <summary>Runs the Streaming source generator over a compilation, and reports any exception it let escape.</summary>
internal static class Generator
{
    public static (Compilation Output, ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<string> Exceptions) Run(Compilation compilation)
    {
        var driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var exceptions = driver.GetRunResult().Results
            .Where(r => r.Exception is not null)
            .Select(r => r.Exception!.ToString())
            .Concat(diagnostics.Where(d => d.Id == "CS8785").Select(d => d.GetMessage()))
            .ToImmutableArray();
        return (output, diagnostics, exceptions);
    }
}
