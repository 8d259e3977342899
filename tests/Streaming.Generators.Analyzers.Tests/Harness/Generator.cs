using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Streaming.Generators;

namespace Streaming.Analyzers.Tests.Harness;

/// <summary>Runs the Streaming source generator the way the compiler does, and reports any exception it let escape.</summary>
internal static class Generator
{
    public static (Compilation Output, ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<string> Exceptions) Run(Compilation compilation)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new StreamGenerator().AsSourceGenerator() },
            parseOptions: TestProject.ParseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);

        var exceptions = driver.GetRunResult().Results
            .Where(r => r.Exception is not null)
            .Select(r => r.Exception!.ToString())
            .Concat(diagnostics.Where(d => d.Id == "CS8785").Select(d => d.GetMessage()))
            .ToImmutableArray();
        return (output, diagnostics, exceptions);
    }
}
