using Microsoft.CodeAnalysis;
using Streaming.Generators.Tests.Infrastructure;

namespace Streaming.Generators.Tests;

/// <summary>
/// The generator's non-error rules (STRM008 information, STRM009 and STRM000 warnings) are located in the user's
/// own syntax trees, at the member that causes them, so <c>#pragma warning disable</c> and per-file
/// <c>.editorconfig</c> severities reach them. The compiler applies pragmas when it builds; the test driver does
/// not, so the integration project proves them in a real build (STRM009 is silenced there by each).
/// </summary>
public sealed class SuppressionTests
{
    private const string Model = """
        using System.Collections.Generic;
        using Streaming;

        namespace Shop;

        public sealed class Row
        {
            public int Id { get; set; }
            public object? Anything { get; set; }
            public object? Other { get; set; }
        }

        public sealed class Customer
        {
            public int Id { get; set; }
            public List<Order> Orders { get; set; } = [];
        }

        public sealed class Order
        {
            public int CustomerId { get; set; }
            public Customer? Customer { get; set; }
        }

        public static class Streams
        {
            [Stream(Format.NdJson)]
            public static IEnumerable<Row> Rows() => [];

            [Stream(Format.NdJson)]
            public static IEnumerable<Order> Orders() => [];
        }
        """;

    [Fact]
    public void Each_is_located_at_its_member_in_the_users_own_syntax_tree()
    {
        var compilation = GeneratorHarness.Compile(Model);
        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);

        Assert.Equal(["STRM008", "STRM008", "STRM009"], diagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));
        var tree = compilation.SyntaxTrees.Single();
        Assert.All(diagnostics, d => Assert.Same(tree, d.Location.SourceTree));
        Assert.Equal(
            ["Anything", "Customer", "Other"],
            diagnostics.Select(d => tree.GetText().ToString(d.Location.SourceSpan)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("STRM008", ReportDiagnostic.Suppress, 0, 0)]
    [InlineData("STRM008", ReportDiagnostic.Error, 2, 2)]
    [InlineData("STRM009", ReportDiagnostic.Suppress, 0, 0)]
    [InlineData("STRM009", ReportDiagnostic.Error, 1, 1)]
    public void A_per_file_severity_as_editorconfig_sets_it_applies(string id, ReportDiagnostic severity, int reported, int errors)
    {
        var compilation = GeneratorHarness.Compile(Model);
        var tree = compilation.SyntaxTrees.Single();
        compilation = compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(new PerFileSeverity(tree, id, severity)));

        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);

        Assert.Equal(reported, diagnostics.Count(d => d.Id == id));
        Assert.Equal(errors, diagnostics.Count(d => d.Id == id && d.Severity == DiagnosticSeverity.Error));
    }

    /// <summary>What the compiler builds from an <c>.editorconfig</c> section for one file.</summary>
    private sealed class PerFileSeverity(SyntaxTree file, string id, ReportDiagnostic severity) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.NotGenerated;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic value)
        {
            value = severity;
            return tree == file && diagnosticId == id;
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic value)
        {
            value = default;
            return false;
        }
    }
}
