using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Streaming.Analyzers.Tests.Harness;

/// <summary>Checks that every Streaming analyzer, run over a marked-up test source, reports exactly the marked diagnostics.</summary>
internal static class AnalyzerVerifier
{
    /// <param name="markup">The test source, with the expected diagnostics marked <c>{|ID:…|}</c>.</param>
    /// <param name="options">A change to the compilation options, e.g. a severity as <c>.editorconfig</c> would set it.</param>
    public static ImmutableArray<Diagnostic> Verify(string markup, Func<CSharpCompilationOptions, CSharpCompilationOptions>? options = null)
    {
        var (source, expected) = Markup.Parse(markup);
        var compilation = TestProject.Compile(source);
        if (options is not null)
        {
            compilation = compilation.WithOptions(options(compilation.Options));
        }

        AssertCompiles(compilation);
        var (diagnostics, exceptions) = Analyzers.Run(compilation);
        Assert.True(exceptions.IsEmpty, "An analyzer threw:\n" + string.Join("\n", exceptions));
        DiagnosticDiff.AssertMatch(source, expected, diagnostics);
        return diagnostics;
    }

    public static void AssertCompiles(Compilation compilation)
    {
        var errors = TestProject.Errors(compilation);
        Assert.True(errors.IsEmpty, "The test source does not compile:\n" + string.Join("\n", errors));
    }
}
