using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Streaming.Analyzers.Tests.Harness;
using Xunit;

namespace Streaming.Analyzers.Tests;

/// <summary>
/// Half-typed code is the normal state of an IDE. The generator and every analyzer run over thousands of
/// truncated and token-deleted variants of the test sources (fixed seed, so a failure reproduces) and must
/// never let an exception reach the compiler: no AD0001, no CS8785, no generator result with an exception.
/// </summary>
public sealed class RobustnessTests
{
    private const int Seed = 20261121;
    private const int VariantsPerSource = 500;

    [Fact]
    public void Broken_code_never_makes_the_generator_or_an_analyzer_throw()
    {
        var sources = Resources.In("Corpus").Concat(Resources.In("RealisticCode"))
            .Select(r => StreamingVerifier.Unmarked(r.Text))
            .ToList();
        var variants = sources.SelectMany((source, i) => Variants(source, new Random(Seed + i))).ToList();
        Assert.True(variants.Count >= 2000, $"Only {variants.Count} variants.");

        var baseline = TestProject.Compile(string.Empty);
        var placeholder = baseline.SyntaxTrees.Single(t => t.FilePath == TestProject.TestFileName);
        var failures = new ConcurrentQueue<string>();
        Parallel.ForEach(variants, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, variant =>
        {
            var tree = CSharpSyntaxTree.ParseText(variant, TestProject.ParseOptions, TestProject.TestFileName);
            var compilation = baseline.ReplaceSyntaxTree(placeholder, tree);

            var (_, _, generatorExceptions) = Generator.Run(compilation);
            var (_, analyzerExceptions) = Harness.Analyzers.Run(compilation);
            foreach (var exception in generatorExceptions.Concat(analyzerExceptions))
            {
                failures.Enqueue($"{exception}\n--- on this source ---\n{variant}");
            }
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} of {variants.Count} variants threw; the first:\n{failures.FirstOrDefault()}");
    }

    /// <summary>Half of the variants cut the source short; the other half delete one to three random tokens.</summary>
    private static IEnumerable<string> Variants(string source, Random random)
    {
        var tokens = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToList();
        for (var i = 0; i < VariantsPerSource; i++)
        {
            if (i % 2 == 0)
            {
                yield return source.Substring(0, random.Next(source.Length));
                continue;
            }

            var deleted = Enumerable.Range(0, random.Next(1, 4)).Select(_ => tokens[random.Next(tokens.Count)].Span).OrderByDescending(s => s.Start).Distinct();
            var text = source;
            foreach (var span in deleted)
            {
                text = text.Remove(span.Start, span.Length);
            }

            yield return text;
        }
    }
}
