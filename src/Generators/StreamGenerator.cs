using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Streaming.Generators.Emit;
using Streaming.Generators.Model;
using Streaming.Generators.Parsing;

namespace Streaming.Generators;

/// <summary>
/// Finds <c>[Stream]</c> methods and emits, for their element types, JSON and CSV writers, and for the methods,
/// <c>MapStreamEndpoints()</c>. Parse → model → emit: the pipeline carries only value-equatable records, so an
/// edit that does not touch a <c>[Stream]</c> method or its element type re-emits nothing.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class StreamGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypes.StreamAttribute,
                static (node, _) => node is MethodDeclarationSyntax,
                static (ctx, ct) => StreamMethodParser.Parse(ctx, ct))
            .WithTrackingName(StepNames.StreamMethods);

        var diagnostics = parsed
            .SelectMany(static (result, _) => result.Diagnostics)
            .WithTrackingName(StepNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, diagnostic) => spc.ReportDiagnostic(diagnostic.ToDiagnostic()));

        var jsonTypes = parsed
            .SelectMany(static (result, _) => result.JsonTypes)
            .Collect()
            .SelectMany(static (types, _) => Distinct(types, static type => type.QualifiedWriterName))
            .WithTrackingName(StepNames.JsonTypes);
        context.RegisterSourceOutput(jsonTypes, static (spc, type) => spc.AddSource(JsonWriterEmitter.HintName(type), JsonWriterEmitter.Emit(type)));

        var csvTypes = parsed
            .SelectMany(static (result, _) => result.CsvTypes)
            .Collect()
            .SelectMany(static (types, _) => Distinct(types, static type => type.Type))
            .WithTrackingName(StepNames.CsvTypes);
        context.RegisterSourceOutput(csvTypes, static (spc, type) => spc.AddSource(CsvWriterEmitter.HintName(type), CsvWriterEmitter.Emit(type)));

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

    /// <summary>One writer per type, even when several methods stream it.</summary>
    private static ImmutableArray<T> Distinct<T>(ImmutableArray<T> types, System.Func<T, string> key)
    {
        var seen = new HashSet<string>();
        var builder = ImmutableArray.CreateBuilder<T>();
        foreach (var type in types)
        {
            if (seen.Add(key(type)))
            {
                builder.Add(type);
            }
        }

        return builder.ToImmutable();
    }
}
