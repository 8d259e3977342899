using Microsoft.CodeAnalysis;
using Streaming.Generators.Benchmarks.Generator;
using Streaming.Generators.Benchmarks.Serialization;

namespace Streaming.Generators.Benchmarks;

/// <summary>
/// Checks that the benchmarks compare like with like before anything is timed: the four JSON ways write the same
/// bytes, both CSV writers write a header and one record per row, and the generator's run on the synthetic
/// project generates without errors and, after an unrelated edit, takes every step from its cache.
/// </summary>
public static class Verification
{
    public static int Run()
    {
        var failures = 0;

        var json = new JsonItemBenchmarks();
        var generated = json.Output(json.Generated);
        foreach (var (name, run) in new (string, Action)[] { ("hand-written", json.HandWritten), ("STJ 11 JSON Lines", json.JsonLines), ("reflection", json.Reflection), ("STJ source-generated", json.SourceGenerated) })
        {
            var other = json.Output(run);
            var same = generated.AsSpan().SequenceEqual(other);
            failures += same ? 0 : 1;
            Console.WriteLine($"JSON: generated and {name} write {(same ? "the same" : "DIFFERENT")} {generated.Length:N0} bytes for {Model.SampleData.Count} items.");
        }

        Console.WriteLine($"JSON, first item: {System.Text.Encoding.UTF8.GetString(generated.AsSpan(0, generated.AsSpan().IndexOf((byte)'\n')))}");

        var csv = new CsvRowBenchmarks();
        var ours = csv.GeneratedText();
        var theirs = csv.CsvHelperText();
        var sep = csv.SepText();
        foreach (var (name, text) in new[] { ("generated", ours), ("CsvHelper", theirs), ("Sep", sep) })
        {
            var records = Records(text);
            var ok = records.Count == Model.SampleData.Count + 1;
            failures += ok ? 0 : 1;
            Console.WriteLine($"CSV, {name}: {text.Length:N0} characters, {records.Count - 1} records after the header{(ok ? "" : " — WRONG COUNT")}.");
            Console.WriteLine("  " + string.Join("\n  ", records.Take(3)));
        }

        failures += VerifyGenerator();
        Console.WriteLine(failures == 0 ? "Verification passed." : $"Verification FAILED ({failures}).");
        return failures == 0 ? 0 : 1;
    }

    /// <summary>The records of CSV text: split at line ends outside quotes (CRLF, or LF as Sep writes them).</summary>
    private static List<string> Records(string text)
    {
        var records = new List<string>();
        var quoted = false;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"')
            {
                quoted = !quoted;
            }
            else if (text[i] == '\n' && !quoted)
            {
                records.Add(text[start..i].TrimEnd('\r'));
                start = i + 1;
            }
        }

        return records;
    }

    private static int VerifyGenerator()
    {
        var compilation = GeneratorBenchmarks.CreateCompilation();
        var driver = GeneratorBenchmarks.CreateDriver(trackSteps: true).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var result = driver.GetRunResult().Results.Single();
        var errors = diagnostics.Concat(output.GetDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Console.WriteLine($"Generator: {SyntheticProject.Methods} methods over {SyntheticProject.ElementTypes} types generate {result.GeneratedSources.Length} files; {errors.Count} errors{(errors.Count > 0 ? ": " + errors[0] : "")}.");

        var unrelated = compilation.SyntaxTrees.Single(tree => tree.FilePath == SyntheticProject.UnrelatedPath);
        var typed = Rerun(driver, compilation, unrelated, SyntheticProject.Unrelated(1));
        Console.WriteLine($"Generator, after typing in an unrelated method body: {Describe(typed)}");
        var declared = Rerun(driver, compilation, unrelated, SyntheticProject.Unrelated(0, newMember: true));
        Console.WriteLine($"Generator, after an unrelated declaration edit: {Describe(declared)}");
        // Typing in a body reads nothing again; a new declaration reads every method again and emits nothing again.
        var failures = typed.Count == 0 || typed.Any(r => r.Step != "Declarations" && r.Reason != IncrementalStepRunReason.Cached) ? 1 : 0;
        failures += !declared.Contains(("ReadMethods", IncrementalStepRunReason.Unchanged))
            || declared.Any(r => r.Step != "Declarations" && r.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged)) ? 1 : 0;
        return errors.Count + failures;
    }

    /// <summary>The reasons of every output of the generator's own steps, after <paramref name="tree"/> is replaced by <paramref name="text"/>.</summary>
    private static List<(string Step, IncrementalStepRunReason Reason)> Rerun(GeneratorDriver driver, Compilation compilation, SyntaxTree tree, string text)
    {
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text)));
        return driver.RunGenerators(edited).GetRunResult().Results.Single().TrackedSteps
            .Where(step => step.Key is "Declarations" or "ReadMethods" or "StreamMethods" or "Diagnostics" or "JsonTypes" or "CsvTypes" or "Endpoints")
            .SelectMany(step => step.Value.SelectMany(run => run.Outputs).Select(output => (step.Key, output.Reason)))
            .ToList();
    }

    private static string Describe(List<(string Step, IncrementalStepRunReason Reason)> reasons)
        => $"{reasons.Count} step outputs, " + string.Join(", ", reasons.GroupBy(r => r.Reason).Select(g => $"{g.Count()} {g.Key}"))
           + string.Concat(reasons.GroupBy(r => r.Step).Select(g => $"; {g.Key}: " + string.Join(", ", g.GroupBy(r => r.Reason).Select(r => $"{r.Count()} {r.Key}"))));
}
