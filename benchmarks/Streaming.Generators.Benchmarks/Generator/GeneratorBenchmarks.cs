using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Streaming.Generators.Benchmarks.Generator;

/// <summary>
/// Build time of the generator on <see cref="SyntheticProject"/> (500 <c>[Stream]</c> methods over 100 element
/// types), driven through <see cref="CSharpGeneratorDriver"/> as the compiler drives it: a first run on a fresh
/// compilation (its symbols bound from scratch); a run after typing in a method body of a file unrelated to
/// streaming, from a driver that has already run, in which every step of the pipeline should come from its cache;
/// and a run after an edit that adds a method to that file, which changes a declaration and so reads every
/// <c>[Stream]</c> method again.
/// </summary>
/// <remarks>
/// Measured as the compiler runs generators: in a long-lived process (the compiler server, the IDE), with server
/// GC (<c>csc</c> and <c>VBCSCompiler</c> set <c>System.GC.Server</c>). Each operation binds a new compilation:
/// thousands of Roslyn methods, most called a few times per operation, which take tens of operations to reach
/// their final JIT tier — with BenchmarkDotNet's short job (3 warm-up iterations of one operation) the measured
/// iterations still fall from about 3× to 1× their final time. A first run allocates about 24 MB and keeps its
/// compilation alive while it runs, so the collections inside it promote what it bound: with workstation GC's
/// small gen0 budget that is about a quarter of its CPU time, with server GC's larger one far less.
/// </remarks>
[MemoryDiagnoser]
[GcServer(true)]
[WarmupCount(40)]
public class GeneratorBenchmarks
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private CSharpCompilation _compilation = null!;
    private SyntaxTree _unrelated = null!;
    private SyntaxTree _edited = null!;
    private SyntaxTree _declarationEdited = null!;
    private GeneratorDriver _warm = null!;
    private GeneratorDriver _warmFloor = null!;

    [GlobalSetup]
    public void Setup()
    {
        _compilation = CreateCompilation();
        _unrelated = _compilation.SyntaxTrees.Single(tree => tree.FilePath == SyntheticProject.UnrelatedPath);
        _edited = CSharpSyntaxTree.ParseText(SyntheticProject.Unrelated(1), ParseOptions, SyntheticProject.UnrelatedPath);
        _declarationEdited = CSharpSyntaxTree.ParseText(SyntheticProject.Unrelated(0, newMember: true), ParseOptions, SyntheticProject.UnrelatedPath);
        _warm = CreateDriver(trackSteps: false).RunGenerators(_compilation);
        _warmFloor = CreateDriver(trackSteps: false, new AttributeFloorGenerator()).RunGenerators(_compilation);
    }

    /// <summary>A new driver on a clone of the compilation, whose symbols are bound afresh.</summary>
    [Benchmark(Baseline = true, Description = "First run (fresh compilation)")]
    public GeneratorDriver FirstRun() => CreateDriver(trackSteps: false).RunGenerators(_compilation.Clone());

    /// <summary>The warm driver on a new compilation in which a method body of a file unrelated to streaming changed, as after a keystroke.</summary>
    [Benchmark(Description = "After an unrelated edit")]
    public GeneratorDriver AfterUnrelatedEdit() => _warm.RunGenerators(_compilation.ReplaceSyntaxTree(_unrelated, _edited));

    /// <summary>The warm driver on a new compilation in which a file unrelated to streaming declares one more method.</summary>
    [Benchmark(Description = "After an unrelated declaration edit")]
    public GeneratorDriver AfterDeclarationEdit() => _warm.RunGenerators(_compilation.ReplaceSyntaxTree(_unrelated, _declarationEdited));

    /// <summary><see cref="AttributeFloorGenerator"/>'s first run: finding the methods and nothing else.</summary>
    [Benchmark(Description = "Floor: ForAttributeWithMetadataName alone, first run")]
    public GeneratorDriver FloorFirstRun() => CreateDriver(trackSteps: false, new AttributeFloorGenerator()).RunGenerators(_compilation.Clone());

    /// <summary><see cref="AttributeFloorGenerator"/> after the same edit: what Roslyn re-runs for any attribute-driven generator.</summary>
    [Benchmark(Description = "Floor: ForAttributeWithMetadataName alone, after an unrelated edit")]
    public GeneratorDriver FloorAfterUnrelatedEdit() => _warmFloor.RunGenerators(_compilation.ReplaceSyntaxTree(_unrelated, _edited));

    public static GeneratorDriver CreateDriver(bool trackSteps, IIncrementalGenerator? generator = null)
        => CSharpGeneratorDriver.Create(
            [(generator ?? new StreamGenerator()).AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    public static CSharpCompilation CreateCompilation()
        => CSharpCompilation.Create(
            "Shop",
            SyntheticProject.Files().Select(file => CSharpSyntaxTree.ParseText(file.Text, ParseOptions, file.Path)),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>The shared frameworks this program runs on (BCL and ASP.NET Core) and the Streaming runtime.</summary>
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal)
                || name.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal)
                || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
                || name is "mscorlib.dll" or "netstandard.dll"))
            .Append(typeof(StreamAttribute).Assembly.Location)
            .Distinct()
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray());
}
