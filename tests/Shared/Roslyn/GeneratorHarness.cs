using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Streaming.Generators.Tests.Infrastructure;

/// <summary>Compiles test sources against real references and runs <see cref="StreamGenerator"/> over them.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>The shared frameworks this test runs on (BCL and ASP.NET Core) plus the Streaming runtime.</summary>
    private static readonly ImmutableArray<MetadataReference> References = LoadReferences();

    public static CSharpCompilation Compile(params string[] sources)
        => CSharpCompilation.Create(
            "StreamingSample",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{i}.cs")),
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Default));

    public static GeneratorDriver CreateDriver()
        => CSharpGeneratorDriver.Create(
            [new StreamGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once; returns its result and the compilation with the generated sources added.</summary>
    public static GeneratorRun Run(params string[] sources)
    {
        var compilation = Compile(sources);
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GeneratorRun(driver.GetRunResult(), output, generatorDiagnostics);
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted
            .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal)
                || name.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal)
                || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
                || name is "mscorlib.dll" or "netstandard.dll"))
            .Append(typeof(StreamAttribute).Assembly.Location)
            .Distinct()
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}

internal sealed record GeneratorRun(GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    /// <summary>The generated file whose hint name ends with <paramref name="suffix"/>.</summary>
    public string Source(string suffix)
        => Result.GeneratedTrees.Single(t => t.FilePath.EndsWith(suffix, StringComparison.Ordinal)).ToString();

    /// <summary>Errors and warnings of the generator and of the compilation that includes the generated code.</summary>
    public IReadOnlyList<Diagnostic> Problems
        => GeneratorDiagnostics.Concat(Output.GetDiagnostics())
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToList();
}
