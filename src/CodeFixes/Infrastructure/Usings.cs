using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Streaming.CodeFixes.Infrastructure;

/// <summary>Adds a <c>using</c> directive that new code needs, unless the namespace is already in scope (global usings included).</summary>
internal static class Usings
{
    /// <summary>Whether <paramref name="probeTypeName"/>, a type of <paramref name="namespaceName"/>, binds by its simple
    /// name at <paramref name="position"/>: then the namespace is in scope.</summary>
    public static bool IsInScope(SemanticModel model, int position, string namespaceName, string probeTypeName)
        => model.LookupNamespacesAndTypes(position, name: probeTypeName)
            .Any(s => s.ContainingNamespace?.ToDisplayString() == namespaceName);

    /// <summary>Adds <c>using <paramref name="namespaceName"/>;</c> among the plain usings, sorted with System first.</summary>
    public static SyntaxNode Add(SyntaxNode root, string namespaceName)
    {
        if (root is not CompilationUnitSyntax unit || unit.Usings.Any(u => u.Name?.ToString() == namespaceName))
        {
            return root;
        }

        var endOfLine = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(namespaceName).WithLeadingTrivia(SyntaxFactory.Space))
            .WithTrailingTrivia(endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? endOfLine : SyntaxFactory.LineFeed);
        var index = unit.Usings.TakeWhile(u => IsPlain(u) && Compare(u.Name!.ToString(), namespaceName) < 0).Count();
        if (index == 0 && unit.Usings.Count > 0)
        {
            // The first using carries the file's leading trivia (a header comment): keep it first.
            var first = unit.Usings[0];
            return unit.WithUsings(unit.Usings
                .Replace(first, first.WithoutLeadingTrivia())
                .Insert(0, directive.WithLeadingTrivia(first.GetLeadingTrivia())));
        }

        return unit.WithUsings(unit.Usings.Insert(index, directive));
    }

    private static bool IsPlain(UsingDirectiveSyntax directive)
        => directive.Alias is null && directive.StaticKeyword.IsKind(SyntaxKind.None) && directive.Name is not null;

    private static int Compare(string left, string right)
    {
        var leftSystem = left == "System" || left.StartsWith("System.", StringComparison.Ordinal);
        var rightSystem = right == "System" || right.StartsWith("System.", StringComparison.Ordinal);
        return leftSystem != rightSystem ? (leftSystem ? -1 : 1) : string.CompareOrdinal(left, right);
    }
}
