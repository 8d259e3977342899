using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Streaming.Generators.Incremental;

/// <summary>
/// What of a compilation the parser can see: every declaration in it, and nothing inside a method body.
/// </summary>
/// <remarks>
/// Two compilations are equal here when their syntax trees are equivalent at the top level (Roslyn's own
/// <see cref="SyntaxFactory.AreEquivalent(SyntaxTree, SyntaxTree, bool)"/>: types, members, signatures,
/// attributes, constants and enum values compared; method, accessor and lambda bodies and the initializers of
/// fields that are not constants left out), with the same preprocessor directives, paths and parse options, and
/// when the compilation's options, assembly name and references are the same. Every symbol the parser reads is
/// then bound the same way in both, so what it read from one holds for the other: typing inside a method body
/// re-reads nothing, while an edit that adds a type shadowing an element type, or changes a member, a constant
/// or a <c>#nullable</c> directive, is read again. Roslyn's own transforms cannot know this and re-run on every
/// compilation (<c>ForAttributeWithMetadataName</c> and <c>CreateSyntaxProvider</c> alike).
/// The compilation is held weakly: the driver keeps the first of a run of equal values, and only the parse of
/// the run that produced a value reads its compilation.
/// </remarks>
internal sealed class CompilationDeclarations
{
    private readonly WeakReference<Compilation> _compilation;
    private readonly ImmutableArray<SyntaxTree> _trees;
    private readonly CompilationOptions _options;
    private readonly string? _assemblyName;
    private readonly ImmutableArray<MetadataReference> _references;

    private CompilationDeclarations(Compilation compilation)
    {
        _compilation = new WeakReference<Compilation>(compilation);
        _trees = compilation.SyntaxTrees.ToImmutableArray();
        _options = compilation.Options;
        _assemblyName = compilation.AssemblyName;
        _references = compilation.ExternalReferences;
    }

    public static IEqualityComparer<CompilationDeclarations> Comparer { get; } = new SameDeclarations();

    public static CompilationDeclarations Of(Compilation compilation) => new(compilation);

    /// <summary>The compilation this was taken from, alive while the generator runs on it.</summary>
    public Compilation Compilation
        => _compilation.TryGetTarget(out var compilation) ? compilation
            : throw new InvalidOperationException("The compilation was collected before its declarations were read.");

    private sealed class SameDeclarations : IEqualityComparer<CompilationDeclarations>
    {
        public bool Equals(CompilationDeclarations? x, CompilationDeclarations? y)
            => ReferenceEquals(x, y)
               || (x is not null && y is not null
                   && x._assemblyName == y._assemblyName
                   && x._options.Equals(y._options)
                   && x._references.SequenceEqual(y._references)
                   && x._trees.Length == y._trees.Length
                   && x._trees.Zip(y._trees, SameTree).All(same => same));

        public int GetHashCode(CompilationDeclarations declarations) => declarations._trees.Length;

        private static bool SameTree(SyntaxTree x, SyntaxTree y)
            => ReferenceEquals(x, y)
               || (x.FilePath == y.FilePath
                   && x.Options.Equals(y.Options)
                   && SyntaxFactory.AreEquivalent(x, y, topLevel: true)
                   && SameDirectives(x, y));

        /// <summary>Directives are trivia, which top-level equivalence does not look at; <c>#nullable</c> changes what a declaration means.</summary>
        private static bool SameDirectives(SyntaxTree x, SyntaxTree y)
        {
            var before = ((CSharpSyntaxNode)x.GetRoot()).GetFirstDirective();
            var after = ((CSharpSyntaxNode)y.GetRoot()).GetFirstDirective();
            for (; before is not null && after is not null; before = before.GetNextDirective(), after = after.GetNextDirective())
            {
                if (!SyntaxFactory.AreEquivalent(before, after, topLevel: false))
                {
                    return false;
                }
            }

            return before is null && after is null;
        }
    }
}
