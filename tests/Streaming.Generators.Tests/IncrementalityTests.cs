using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Streaming.Generators.Model;
using Streaming.Generators.Tests.Infrastructure;

namespace Streaming.Generators.Tests;

/// <summary>The pipeline re-runs only what an edit touches, and its models hold no compiler objects.</summary>
public sealed class IncrementalityTests
{
    private static readonly string[] TrackedSteps = [StepNames.StreamMethods, StepNames.JsonTypes, StepNames.CsvTypes, StepNames.Endpoints];

    /// <summary>NDJSON streams (no CSV writer), streams of every other format, and a rich graph of JSON types.</summary>
    public static TheoryData<string> SourceNames => [nameof(Sources), nameof(FormatSources), nameof(RichSources)];

    [Theory]
    [MemberData(nameof(SourceNames))]
    public void An_unrelated_edit_leaves_every_step_cached(string sourceName)
    {
        var (driver, compilation) = RunOnce(sourceName);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Shop; public static class Unrelated { public static int Answer() => 42; }", GeneratorHarness.ParseOptions));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in StepsOf(sourceName))
        {
            var reasons = result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            Assert.NotEmpty(reasons);
            Assert.All(reasons, reason => Assert.True(
                reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"Step {step} re-ran ({reason}) after an unrelated edit."));
        }
    }

    [Fact]
    public void Editing_a_stream_method_reruns_the_endpoint_step()
    {
        var (driver, compilation) = RunOnce();
        var tree = compilation.SyntaxTrees.Single();
        var changed = Sources.Shop.Replace("/customers/{customerId:int}/orders", "/customers/{customerId:int}/all-orders", StringComparison.Ordinal);
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(changed)));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Contains(result.TrackedSteps[StepNames.Endpoints].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        // The element type did not change, so its writer is not emitted again.
        Assert.All(result.TrackedSteps[StepNames.JsonTypes].SelectMany(s => s.Outputs), o => Assert.NotEqual(IncrementalStepRunReason.Modified, o.Reason));
    }

    [Fact]
    public void Methods_that_stream_the_same_type_read_it_once_per_compilation()
    {
        // Every method is read whenever a declaration changes: the element type, and every type it reaches, is
        // read for the first method and shared by the others.
        var compilation = GeneratorHarness.Compile("""
            using System.Collections.Generic;
            using Streaming;

            namespace Shop;

            public sealed record Line(string Sku, int Quantity);

            public sealed record Order(int Id, List<Line> Lines);

            public static class Orders
            {
                [Stream(Format.NdJson, "/orders/a")]
                public static IEnumerable<Order> A() => [];

                [Stream(Format.NdJson, "/orders/b")]
                public static IEnumerable<Order> B() => [];
            }
            """);

        var result = GeneratorHarness.CreateDriver().RunGenerators(compilation).GetRunResult().Results.Single();

        var methods = result.TrackedSteps[StepNames.StreamMethods].SelectMany(s => s.Outputs).Select(o => (MethodParseResult)o.Value).ToList();
        Assert.Equal(2, methods.Count);
        Assert.Equal(2, methods[0].JsonTypes.Count);
        Assert.All(Enumerable.Range(0, 2), i => Assert.Same(methods[0].JsonTypes[i], methods[1].JsonTypes[i]));
    }

    [Theory]
    [MemberData(nameof(SourceNames))]
    public void Models_hold_no_symbols_syntax_or_compilations(string sourceName)
    {
        var (driver, _) = RunOnce(sourceName);
        var result = driver.GetRunResult().Results.Single();

        Assert.All(StepsOf(sourceName), step => Assert.True(result.TrackedSteps.ContainsKey(step), $"Step {step} was not tracked."));
        // Only our own steps: Roslyn tracks its internal ones (which hold syntax trees) under other names.
        foreach (var (step, runs) in result.TrackedSteps.Where(s => TrackedSteps.Append(StepNames.Diagnostics).Contains(s.Key)))
        {
            foreach (var output in runs.SelectMany(s => s.Outputs))
            {
                AssertPure(output.Value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    /// <summary>The steps that run for the sources: the NDJSON-only ones stream no CSV, so no CSV step runs.</summary>
    private static IEnumerable<string> StepsOf(string sourceName)
        => sourceName == nameof(FormatSources) ? TrackedSteps : TrackedSteps.Except([StepNames.CsvTypes]);

    private static (GeneratorDriver Driver, Compilation Compilation) RunOnce(string sourceName = nameof(Sources))
    {
        var compilation = GeneratorHarness.Compile(sourceName switch
        {
            nameof(FormatSources) => FormatSources.Shop,
            nameof(RichSources) => RichSources.Catalog,
            _ => Sources.Shop,
        });
        return (GeneratorHarness.CreateDriver().RunGenerators(compilation), compilation);
    }

    /// <summary>Walks a model object graph and fails on anything that would pin a compilation in memory.</summary>
    private static void AssertPure(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(
            value is ISymbol or SyntaxNode or SyntaxTree or Compilation or SemanticModel or Location,
            $"{path} holds a {value.GetType().Name}; models must be plain values.");

        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                AssertPure(item, $"{path}[{i++}]", seen);
            }

            return;
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertPure(field.GetValue(value), $"{path}.{field.Name}", seen);
        }
    }
}
