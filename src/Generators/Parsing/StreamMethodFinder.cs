using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Streaming.Generators.Model;

namespace Streaming.Generators.Parsing;

/// <summary>A method marked <c>[Stream]</c>, found in a compilation and not yet read.</summary>
internal sealed record StreamMethod(MethodDeclarationSyntax Syntax, IMethodSymbol Symbol, AttributeData Attribute);

/// <summary>
/// Finds every method marked <c>[Stream]</c> in a compilation and reads each one, in source order. Only methods
/// with an attribute that could name <c>Streaming.StreamAttribute</c> — <c>Stream</c>, <c>StreamAttribute</c> or
/// a using alias of either — are bound; their attributes are then compared by symbol.
/// </summary>
internal static class StreamMethodFinder
{
    public static EquatableArray<MethodParseResult> ParseAll(Compilation compilation, CancellationToken cancellationToken)
    {
        var names = AttributeNames(compilation.SyntaxTrees);
        var symbols = KnownSymbols.For(compilation);
        var results = new List<MethodParseResult>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            SemanticModel? model = null;
            foreach (var syntax in Candidates(tree.GetRoot(cancellationToken).ChildNodes(), names))
            {
                cancellationToken.ThrowIfCancellationRequested();
                model ??= compilation.GetSemanticModel(tree);
                if (model.GetDeclaredSymbol(syntax, cancellationToken) is { } method && StreamAttributeOf(method, syntax) is { } attribute)
                {
                    results.Add(StreamMethodParser.Parse(new StreamMethod(syntax, method, attribute), symbols, cancellationToken));
                }
            }
        }

        return results.ToEquatableArray();
    }

    /// <summary>Methods in the namespaces and types of <paramref name="members"/> with an attribute named one of <paramref name="names"/>.</summary>
    private static IEnumerable<MethodDeclarationSyntax> Candidates(IEnumerable<SyntaxNode> members, HashSet<string> names)
    {
        foreach (var member in members)
        {
            switch (member)
            {
                case BaseNamespaceDeclarationSyntax @namespace:
                    foreach (var method in Candidates(@namespace.Members, names))
                    {
                        yield return method;
                    }

                    break;
                case TypeDeclarationSyntax type:
                    foreach (var method in Candidates(type.Members, names))
                    {
                        yield return method;
                    }

                    break;
                case MethodDeclarationSyntax method when method.AttributeLists.Any(list => list.Attributes.Any(a => names.Contains(RightmostName(a.Name)))):
                    yield return method;
                    break;
            }
        }
    }

    /// <summary>The simple names an attribute naming <c>StreamAttribute</c> can have: its own, and every alias of it, of an alias of it, and so on.</summary>
    private static HashSet<string> AttributeNames(IEnumerable<SyntaxTree> trees)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal) { "Stream", "StreamAttribute" };
        var aliases = trees.SelectMany(tree => Aliases(tree.GetRoot().ChildNodes())).ToList();
        bool added;
        do
        {
            added = false;
            foreach (var alias in aliases)
            {
                if (alias.NamespaceOrType is NameSyntax target && names.Contains(RightmostName(target)))
                {
                    var name = alias.Alias!.Name.Identifier.ValueText;
                    added |= names.Add(name);
                    if (name.EndsWith("Attribute", System.StringComparison.Ordinal) && name.Length > "Attribute".Length)
                    {
                        added |= names.Add(name.Substring(0, name.Length - "Attribute".Length));
                    }
                }
            }
        }
        while (added);

        return names;
    }

    private static IEnumerable<UsingDirectiveSyntax> Aliases(IEnumerable<SyntaxNode> nodes)
    {
        foreach (var node in nodes)
        {
            if (node is UsingDirectiveSyntax { Alias: not null } alias)
            {
                yield return alias;
            }
            else if (node is BaseNamespaceDeclarationSyntax @namespace)
            {
                foreach (var inner in Aliases(@namespace.ChildNodes()))
                {
                    yield return inner;
                }
            }
        }
    }

    private static string RightmostName(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => "",
    };

    /// <summary>The first <c>Streaming.StreamAttribute</c> written on <paramref name="syntax"/> (of a partial method, on this part).</summary>
    private static AttributeData? StreamAttributeOf(IMethodSymbol method, MethodDeclarationSyntax syntax)
        => method.GetAttributes().FirstOrDefault(attribute =>
            attribute.AttributeClass is { Name: "StreamAttribute", Arity: 0, ContainingType: null, ContainingNamespace: { Name: "Streaming", ContainingNamespace.IsGlobalNamespace: true } }
            && attribute.ApplicationSyntaxReference is { } reference
            && reference.SyntaxTree == syntax.SyntaxTree
            && syntax.Span.Contains(reference.Span));
}
