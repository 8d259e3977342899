using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Streaming.CodeFixes;

/// <summary>
/// Passes a cancellation token to everything in a method body that can take one: <c>await foreach</c> loops
/// get <c>.WithCancellation(token)</c>, calls with an unset optional token parameter or a twin overload with a
/// trailing <c>CancellationToken</c> get the token as an argument.
/// </summary>
internal static class TokenFlow
{
    /// <summary>The replacements to make: for each original node, how to rewrite it (given the node with any nested
    /// edits already made). Lambdas and local functions are left alone.</summary>
    public static Dictionary<SyntaxNode, System.Func<SyntaxNode, SyntaxNode>> Plan(SemanticModel model, BaseMethodDeclarationSyntax method, string token, CancellationToken cancellationToken)
    {
        var edits = new Dictionary<SyntaxNode, System.Func<SyntaxNode, SyntaxNode>>();
        var body = (SyntaxNode?)method.Body ?? method.ExpressionBody;
        if (body is null)
        {
            return edits;
        }

        foreach (var node in body.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            switch (node)
            {
                case ForEachStatementSyntax loop when !loop.AwaitKeyword.IsKind(SyntaxKind.None) && NeedsWithCancellation(model, loop.Expression, cancellationToken):
                    edits[loop.Expression] = current => InvocationExpression(
                            MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, ((ExpressionSyntax)current).WithoutTrivia(), IdentifierName("WithCancellation")),
                            ArgumentList(SingletonSeparatedList(Argument(IdentifierName(token)))))
                        .WithTriviaFrom(current);
                    break;
                case InvocationExpressionSyntax invocation when TokenArgumentName(model, invocation, cancellationToken) is { } name:
                    edits[invocation.ArgumentList] = current => Append((ArgumentListSyntax)current, token, name.Length == 0 ? null : name);
                    break;
            }
        }

        return edits;
    }

    /// <summary>An <c>IAsyncEnumerable&lt;T&gt;</c> not yet configured with <c>WithCancellation</c>/<c>ConfigureAwait</c>.</summary>
    private static bool NeedsWithCancellation(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken)
    {
        const string AsyncEnumerable = "System.Collections.Generic.IAsyncEnumerable<T>";
        var type = model.GetTypeInfo(expression, cancellationToken).Type;
        return type is not null
               && (type.OriginalDefinition.ToDisplayString() == AsyncEnumerable || type.AllInterfaces.Any(i => i.OriginalDefinition.ToDisplayString() == AsyncEnumerable));
    }

    /// <summary>How to pass a token to the call: <c>""</c> positionally, a parameter name for a named argument, or
    /// <see langword="null"/> when the call cannot take one.</summary>
    private static string? TokenArgumentName(SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
    {
        if (model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation)
        {
            return null;
        }

        var method = operation.TargetMethod;
        var unset = operation.Arguments.FirstOrDefault(a => a.ArgumentKind == ArgumentKind.DefaultValue && IsToken(a.Parameter?.Type));
        if (unset?.Parameter is { } parameter)
        {
            // Positional when every earlier parameter is given in order, named otherwise.
            var isReduced = model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol { ReducedFrom: not null };
            var positional = invocation.ArgumentList.Arguments.All(a => a.NameColon is null)
                             && invocation.ArgumentList.Arguments.Count == parameter.Ordinal - (isReduced ? 1 : 0);
            return positional ? "" : parameter.Name;
        }

        if (operation.Arguments.Any(a => IsToken(a.Parameter?.Type)) || invocation.ArgumentList.Arguments.Any(a => a.NameColon is not null))
        {
            return null;
        }

        // A twin overload: the same parameters and a trailing CancellationToken (Task.Delay(ms) → Task.Delay(ms, token)).
        var hasTwin = method.ContainingType?.GetMembers(method.Name).OfType<IMethodSymbol>().Any(candidate =>
            candidate.IsStatic == method.IsStatic
            && candidate.Parameters.Length == method.Parameters.Length + 1
            && IsToken(candidate.Parameters[candidate.Parameters.Length - 1].Type)
            && method.Parameters.Select(p => p.Type.OriginalDefinition.ToDisplayString())
                .SequenceEqual(candidate.Parameters.Take(method.Parameters.Length).Select(p => p.Type.OriginalDefinition.ToDisplayString()))) ?? false;
        return hasTwin && !method.Parameters.Any(p => p.IsParams || p.IsOptional) ? "" : null;
    }

    private static ArgumentListSyntax Append(ArgumentListSyntax list, string token, string? name)
    {
        var argument = Argument(IdentifierName(token));
        if (name is not null)
        {
            argument = argument.WithNameColon(NameColon(IdentifierName(name)));
        }

        return list.WithArguments(list.Arguments.Add(argument)).WithAdditionalAnnotations(Formatter.Annotation);
    }

    public static bool IsToken(ITypeSymbol? type) => type?.ToDisplayString() == "System.Threading.CancellationToken";
}
