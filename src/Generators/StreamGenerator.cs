using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Streaming.Generators.Emit;
using Streaming.Generators.Incremental;
using Streaming.Generators.Model;
using Streaming.Generators.Parsing;

namespace Streaming.Generators;

/// <summary>
/// Finds <c>[Stream]</c> methods and emits, for their element types, JSON and CSV writers, and for the methods,
/// <c>MapStreamEndpoints()</c>. Parse → model → emit: the methods are read again only when a declaration of the
/// compilation changed (<see cref="CompilationDeclarations"/>), and the pipeline carries only value-equatable
/// records, so an edit that does not touch a <c>[Stream]</c> method or its element type re-emits nothing.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class StreamGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Read again only when a declaration changed: typing inside a method body leaves every step below cached.
        var parsed = context.CompilationProvider
            .Select(static (compilation, _) => CompilationDeclarations.Of(compilation))
            .WithComparer(CompilationDeclarations.Comparer)
            .WithTrackingName(StepNames.Declarations)
            .Select(static (declarations, ct) => StreamMethodFinder.ParseAll(declarations.Compilation, ct))
            .WithTrackingName(StepNames.ReadMethods)
            .SelectMany(static (results, _) => results)
            .WithTrackingName(StepNames.StreamMethods);

        var jsonWriters = parsed
            .SelectMany(static (result, _) => result.JsonTypes)
            .Collect()
            .Select(static (types, _) => WriterSet.Json(types));
        var jsonTypes = jsonWriters
            .SelectMany(static (set, _) => set.Writers)
            .WithTrackingName(StepNames.JsonTypes);
        context.RegisterSourceOutput(jsonTypes, static (spc, type) => spc.AddSource(JsonWriterEmitter.HintName(type), JsonWriterEmitter.Emit(type)));

        var csvWriters = parsed
            .SelectMany(static (result, _) => result.CsvTypes)
            .Collect()
            .Select(static (types, _) => WriterSet.Csv(types));
        var csvTypes = csvWriters
            .SelectMany(static (set, _) => set.Writers)
            .WithTrackingName(StepNames.CsvTypes);
        context.RegisterSourceOutput(csvTypes, static (spc, type) => spc.AddSource(CsvWriterEmitter.HintName(type), CsvWriterEmitter.Emit(type)));

        // One diagnostic per cause: a member streamed by several methods is reported once, at the member.
        var diagnostics = parsed
            .SelectMany(static (result, _) => result.Diagnostics)
            .Collect()
            .Combine(jsonWriters.Select(static (set, _) => set.Clashes))
            .Combine(csvWriters.Select(static (set, _) => set.Clashes))
            .Select(static (all, _) => all.Left.Left.Concat(all.Left.Right).Concat(all.Right).Distinct().ToEquatableArray())
            .WithTrackingName(StepNames.Diagnostics);

        // Located in the compilation's own syntax trees, so #pragma warning disable and .editorconfig reach them.
        context.RegisterSourceOutput(diagnostics.Combine(context.CompilationProvider), static (spc, input) =>
        {
            var (infos, compilation) = input;
            if (infos.Count == 0)
            {
                return;
            }

            var trees = compilation.SyntaxTrees.GroupBy(t => t.FilePath).ToDictionary(g => g.Key, g => g.First());
            foreach (var info in infos)
            {
                spc.ReportDiagnostic(info.ToDiagnostic(trees));
            }
        });

        var endpoints = parsed
            .Select(static (result, _) => result.Method)
            .Where(static method => method is not null)
            .Collect()
            .Select(static (methods, _) => methods.Select(m => m!).OrderBy(m => m.ContainingType, System.StringComparer.Ordinal).ThenBy(m => m.MethodName, System.StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(StepNames.Endpoints);
        context.RegisterSourceOutput(endpoints, static (spc, methods) =>
        {
            if (methods.Count > 0)
            {
                spc.AddSource(EndpointEmitter.HintName, EndpointEmitter.Emit(methods));
            }
        });
    }
}
