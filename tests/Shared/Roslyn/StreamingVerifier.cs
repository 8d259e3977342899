using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Streaming.Generators;

namespace Streaming.Analyzers.Tests.Harness;

/// <summary>
/// Analyzer and code-fix tests on Microsoft.CodeAnalysis.Testing: <c>{|STRM001:…|}</c> markup, every Streaming
/// analyzer at once, the test project's model and references (<see cref="TestProject"/>). One extension of our own:
/// the source generator runs on every source checked, so the code before and after a fix must also generate and
/// compile (any error, in the test code or in generated code, fails the test).
/// </summary>
internal static class StreamingVerifier
{
    /// <summary>Every Streaming analyzer reports exactly the diagnostics marked in <paramref name="markup"/>.</summary>
    /// <param name="editorConfig">Lines of an <c>.editorconfig</c> <c>[*.cs]</c> section, e.g. a severity.</param>
    public static Task VerifyAnalyzerAsync(string markup, params string[] editorConfig)
    {
        var test = new AnalyzerTest { TestCode = markup };
        Configure(test, test.TestState, editorConfig);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>
    /// The fix of <typeparamref name="TCodeFix"/> turns <paramref name="before"/> into <paramref name="after"/>, one
    /// diagnostic at a time and with fix-all in document, project and solution. When <paramref name="after"/> equals
    /// <paramref name="before"/>, no fix may be offered.
    /// </summary>
    public static Task VerifyCodeFixAsync<TCodeFix>(string before, string after)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CodeFixTest<TCodeFix> { TestCode = before, FixedCode = after };
        Configure(test, test.TestState, []);
        Configure(test, test.FixedState, []);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>What every Streaming analyzer reports on <paramref name="markup"/> (its markup removed), compiled as it is or with changed options.</summary>
    public static ImmutableArray<Diagnostic> Report(string markup, System.Func<CSharpCompilationOptions, CSharpCompilationOptions>? options = null)
    {
        var compilation = TestProject.Compile(Unmarked(markup));
        if (options is not null)
        {
            compilation = compilation.WithOptions(options(compilation.Options));
        }

        var errors = TestProject.Errors(compilation);
        Xunit.Assert.True(errors.IsEmpty, "The test source does not compile:\n" + string.Join("\n", errors));
        var (diagnostics, exceptions) = Analyzers.Run(compilation);
        Xunit.Assert.True(exceptions.IsEmpty, "An analyzer threw:\n" + string.Join("\n", exceptions));
        return diagnostics;
    }

    /// <summary>The source without its <c>{|ID:…|}</c> markup.</summary>
    public static string Unmarked(string markup)
    {
        TestFileMarkupParser.GetSpans(markup, out string source, out ImmutableDictionary<string, ImmutableArray<Microsoft.CodeAnalysis.Text.TextSpan>> _);
        return source;
    }

    private static void Configure(AnalyzerTest<DefaultVerifier> test, SolutionState state, string[] editorConfig)
    {
        // Compiled against this test host's own frameworks and packages (TestReferences), never a download.
        test.ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        test.TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;

        // STRM005 has two descriptors (async and synchronous methods), both warnings: markup names the ID only.
        test.MarkupOptions |= MarkupOptions.UseFirstDescriptor;
        state.AdditionalReferences.AddRange(TestReferences.All);
        foreach (var (name, text) in TestProject.SupportFiles)
        {
            state.Sources.Add((name, text));
        }

        if (editorConfig.Length > 0)
        {
            state.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + string.Join("\n", editorConfig) + "\n"));
        }

        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            return solution
                .WithProjectParseOptions(projectId, TestProject.ParseOptions)
                .WithProjectCompilationOptions(projectId, ((CSharpCompilationOptions)project.CompilationOptions!).WithNullableContextOptions(NullableContextOptions.Enable));
        });
    }

    private static IEnumerable<DiagnosticAnalyzer> AllAnalyzers => Analyzers.All;

    private static IEnumerable<System.Type> SourceGenerators => [typeof(StreamGenerator)];

    private sealed class AnalyzerTest : CSharpAnalyzerTest<MaterializedStreamAnalyzer, DefaultVerifier>
    {
        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => AllAnalyzers;

        protected override IEnumerable<System.Type> GetSourceGenerators() => SourceGenerators;
    }

    private sealed class CodeFixTest<TCodeFix> : CSharpCodeFixTest<MaterializedStreamAnalyzer, TCodeFix, DefaultVerifier>
        where TCodeFix : CodeFixProvider, new()
    {
        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => AllAnalyzers;

        protected override IEnumerable<System.Type> GetSourceGenerators() => SourceGenerators;
    }
}
