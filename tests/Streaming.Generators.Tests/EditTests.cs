using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Streaming.Generators.Tests.Infrastructure;

namespace Streaming.Generators.Tests;

/// <summary>
/// What an edit re-reads. Typing inside a method body reads nothing again and re-emits nothing; every edit to a
/// declaration is read again. Either way, a driver that ran before the edit gives exactly what a new driver gives
/// on the edited code: the same sources and the same diagnostics, at the same places.
/// </summary>
public sealed class EditTests
{
    /// <summary>Element types in their own namespace, a method body before the <c>[Stream]</c> methods, and one method with a diagnostic.</summary>
    private const string Model = """
        #nullable enable
        namespace Shop.Model;

        public enum Status { Open, Closed }

        public sealed record Order(int Id, string Customer, decimal Total, Status Status)
        {
            public const int Version = 1;

            public static readonly string Label = "order";

            public int Revision { get; init; } = Version;
        }
        """;

    private const string Streams = """
        using System.Collections.Generic;
        using Shop.Model;
        using Streaming;

        namespace Shop.Streams;

        public static class Helpers
        {
            public static int Answer()
            {
                return 42;
            }
        }

        public static class OrderStreams
        {
            [Stream(Format.NdJson, "/orders")]
            public static IEnumerable<Order> All(int limit = 10) => [];

            [Stream(Format.Csv, "/orders/{id}")]
            public static IEnumerable<Order> Broken() => [];
        }
        """;

    private const string Unrelated = """
        namespace Shop.Services;

        public static class PriceCalculator
        {
            public static decimal WithTax(decimal price) => price * 1.21m;
        }
        """;

    /// <summary>Edits that change no declaration: (file, text replaced, replacement).</summary>
    public static TheoryData<int, string, string> BodyEdits => new()
    {
        { 2, "price * 1.21m", "price * 1.21m + 0.001m" },
        { 1, "return 42;", "var answer = 40;\n        return answer + 2;" },
        { 1, "return 42;", "return 42; // the answer" },
        { 0, "public static readonly string Label = \"order\";", "public static readonly string Label = \"an order of the shop\";" },
    };

    /// <summary>Edits that change a declaration the generator reads, or could read.</summary>
    public static TheoryData<int, string, string> DeclarationEdits => new()
    {
        // A type in the methods' own namespace now shadows the element type they name.
        { 2, "namespace Shop.Services;", "namespace Shop.Streams { public sealed record Order(string Title); }\nnamespace Shop.Services;" },
        { 0, "string Customer", "string? Customer" },
        { 0, "#nullable enable", "#nullable disable" },
        { 0, "Status { Open, Closed }", "Status { Open = 2, Closed }" },
        { 0, "public const int Version = 1;", "public const int Version = 2;" },
        { 0, "public int Revision { get; init; } = Version;", "[System.Text.Json.Serialization.JsonPropertyName(\"rev\")] public int Revision { get; init; } = Version;" },
        { 1, "int limit = 10", "int limit = 20" },
        { 1, "\"/orders/{id}\"", "\"/orders/{id}/lines\"" },
        { 1, "public static int Answer()", "public static long Answer()" },
        { 1, "return 42;\n    }", "return 42;\n    }\n\n    public static int Question() => 6 * 7;" },
        { 2, "public static decimal WithTax", "internal static decimal WithTax" },
    };

    [Theory]
    [MemberData(nameof(BodyEdits))]
    public void Typing_in_a_method_body_reads_nothing_again(int file, string before, string after)
    {
        var (driver, edited) = RunThenEdit(file, before, after);

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Equal(IncrementalStepRunReason.Unchanged, Assert.Single(Outputs(result, StepNames.Declarations)));
        Assert.Equal(IncrementalStepRunReason.Cached, Assert.Single(Outputs(result, StepNames.ReadMethods)));
        foreach (var step in new[] { StepNames.StreamMethods, StepNames.Diagnostics, StepNames.JsonTypes, StepNames.CsvTypes, StepNames.Endpoints })
        {
            Assert.All(Outputs(result, step), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        }
    }

    [Theory]
    [MemberData(nameof(DeclarationEdits))]
    public void An_edit_to_a_declaration_is_read_again(int file, string before, string after)
    {
        var (driver, edited) = RunThenEdit(file, before, after);

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Outputs(result, StepNames.Declarations)));
        Assert.Contains(Assert.Single(Outputs(result, StepNames.ReadMethods)), new[] { IncrementalStepRunReason.Modified, IncrementalStepRunReason.Unchanged });
    }

    [Theory]
    [MemberData(nameof(BodyEdits))]
    [MemberData(nameof(DeclarationEdits))]
    public void A_driver_that_ran_before_the_edit_gives_what_a_new_one_gives(int file, string before, string after)
    {
        var (driver, edited) = RunThenEdit(file, before, after);

        var incremental = driver.RunGenerators(edited).GetRunResult().Results.Single();
        var fresh = GeneratorHarness.CreateDriver().RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Equal(Sources(fresh), Sources(incremental));
        Assert.Equal(Diagnostics(fresh), Diagnostics(incremental));
        Assert.NotEmpty(incremental.Diagnostics);
    }

    [Fact]
    public void A_type_that_shadows_the_element_type_gets_its_own_writer()
    {
        var (driver, edited) = RunThenEdit(2, "namespace Shop.Services;", "namespace Shop.Streams { public sealed record Order(string Title); }\nnamespace Shop.Services;");

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var sources = result.GeneratedSources.Select(s => s.SourceText.ToString()).ToList();
        Assert.Contains(sources, text => text.Contains("<see cref=\"global::Shop.Streams.Order\"/>", StringComparison.Ordinal));
        Assert.DoesNotContain(sources, text => text.Contains("global::Shop.Model.Order", StringComparison.Ordinal));
    }

    [Fact]
    public void A_diagnostic_read_before_typing_above_it_is_reported_where_its_method_now_is()
    {
        var (driver, edited) = RunThenEdit(1, "return 42;", "var answer = 40;\n        answer += 1;\n        return answer + 1;");

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Equal(IncrementalStepRunReason.Cached, Assert.Single(Outputs(result, StepNames.ReadMethods)));
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Location.IsInSource);
        Assert.Equal("Broken", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Same(edited.SyntaxTrees.ElementAt(1), diagnostic.Location.SourceTree);
    }

    /// <summary>A driver that has run on the three files, and the compilation with <paramref name="before"/> replaced in file <paramref name="file"/>.</summary>
    private static (GeneratorDriver Driver, Compilation Edited) RunThenEdit(int file, string before, string after)
    {
        var compilation = GeneratorHarness.Compile(Model, Streams, Unrelated);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.ElementAt(file);
        var text = tree.GetText().ToString();
        Assert.Contains(before, text, StringComparison.Ordinal);
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(text.Replace(before, after, StringComparison.Ordinal))));
        return (driver, edited);
    }

    private static List<IncrementalStepRunReason> Outputs(GeneratorRunResult result, string step)
        => result.TrackedSteps.TryGetValue(step, out var runs) ? runs.SelectMany(r => r.Outputs).Select(o => o.Reason).ToList() : [];

    private static List<(string, string)> Sources(GeneratorRunResult result)
        => result.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())).OrderBy(s => s.HintName, StringComparer.Ordinal).ToList();

    private static List<string> Diagnostics(GeneratorRunResult result)
        => result.Diagnostics.Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}").Order(StringComparer.Ordinal).ToList();
}
