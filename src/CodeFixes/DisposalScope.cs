using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Streaming.CodeFixes;

/// <summary>
/// Whether something the method set up is torn down once a statement has run: a <c>using</c> declaration or
/// statement around it, or a <c>finally</c>. A lazy query returned from there would be enumerated after its
/// <c>DbContext</c> is disposed, so the buffer may not simply be dropped.
/// </summary>
internal static class DisposalScope
{
    public static bool Encloses(SyntaxNode node)
    {
        var child = node;
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case UsingStatementSyntax:
                case TryStatementSyntax { Finally: not null } tryStatement when tryStatement.Block == child:
                    return true;
                case BlockSyntax block when block.Statements.TakeWhile(s => s != child).Any(IsUsingDeclaration):
                    return true;
                case MemberDeclarationSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax:
                    return false;
            }

            child = ancestor;
        }

        return false;
    }

    /// <summary>Whether a statement ends its method when it completes: the last one of the body, or of a
    /// <c>using</c> or <c>try</c>/<c>finally</c> block that is itself last (an iterator cannot yield where a
    /// <c>catch</c> would see it).</summary>
    public static bool IsLastStatement(StatementSyntax statement)
    {
        SyntaxNode current = statement;
        while (true)
        {
            switch (current.Parent)
            {
                case BlockSyntax block when block.Statements.LastOrDefault() == current:
                    if (block.Parent is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax)
                    {
                        return true;
                    }

                    current = block;
                    continue;
                case UsingStatementSyntax or TryStatementSyntax { Catches.Count: 0 }:
                    current = current.Parent;
                    continue;
                default:
                    return false;
            }
        }
    }

    private static bool IsUsingDeclaration(StatementSyntax statement)
        => statement is LocalDeclarationStatementSyntax declaration && !declaration.UsingKeyword.IsKind(SyntaxKind.None);
}
