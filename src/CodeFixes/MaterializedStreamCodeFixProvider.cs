using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Streaming.Analyzers;
using Streaming.CodeFixes.Infrastructure;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Streaming.CodeFixes;

/// <summary>
/// STRM001: streams the query instead of buffering it. A <c>foreach</c> over the buffer (directly or through a
/// local used once) becomes <c>await foreach</c> over <c>AsAsyncEnumerable()</c>; a buffer that is returned or
/// passed on where the source itself fits is dropped.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MaterializedStreamCodeFixProvider)), Shared]
public sealed class MaterializedStreamCodeFixProvider : StreamingCodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.MaterializedStream);

    private protected override string Title => "Stream the source instead of buffering it";

    private protected override SyntaxNode? FindTarget(SyntaxNode root, Diagnostic diagnostic)
        => SequentialFixAll.Around<InvocationExpressionSyntax>(root, diagnostic, i => i.Span.End == diagnostic.Location.SourceSpan.End);

    private protected override bool CanFix(SemanticModel model, SyntaxNode target, Diagnostic diagnostic, CancellationToken cancellationToken)
        => Plan(model, target, cancellationToken) is not null;

    private protected override async Task<Document> FixAsync(Document document, SyntaxNode target, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || Plan(model, target, cancellationToken) is not { } plan)
        {
            return document;
        }

        var newRoot = plan.Apply(root);
        if (plan.NeedsEntityFramework && !Usings.IsInScope(model, target.SpanStart, "Microsoft.EntityFrameworkCore", "EntityFrameworkQueryableExtensions"))
        {
            newRoot = Usings.Add(newRoot, "Microsoft.EntityFrameworkCore");
        }

        return await DocumentCleanup.RunAsync(document.WithSyntaxRoot(newRoot), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What the fix will do, or <see langword="null"/> when no rewrite is known to be safe.</summary>
    private static StreamingRewrite? Plan(SemanticModel model, SyntaxNode target, CancellationToken cancellationToken)
    {
        if (target is not InvocationExpressionSyntax invocation
            || model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation
            || operation.ExtensionReceiver() is not { Syntax: ExpressionSyntax source, Type: { } sourceType })
        {
            return null;
        }

        var token = operation.Arguments
            .FirstOrDefault(a => a.ArgumentKind == ArgumentKind.Explicit && TokenFlow.IsToken(a.Parameter?.Type))?.Value.Syntax as ExpressionSyntax
            ?? MethodToken(model, invocation, cancellationToken);

        // The buffered value: the call, or the await around it, configured or not.
        ExpressionSyntax result = invocation;
        ExpressionSyntax? continueOnCapturedContext = null;
        while (true)
        {
            if (result.Parent is ParenthesizedExpressionSyntax or AwaitExpressionSyntax)
            {
                result = (ExpressionSyntax)result.Parent;
            }
            else if (result.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } member
                     && member.Expression == result
                     && member.Parent is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } configured)
            {
                continueOnCapturedContext = configured.ArgumentList.Arguments[0].Expression;
                result = configured;
            }
            else
            {
                break;
            }
        }

        var context = new StreamingRewrite.Context(model, source, sourceType, token, continueOnCapturedContext, cancellationToken);
        var disposes = DisposalScope.Encloses(result);
        return result.Parent switch
        {
            ForEachStatementSyntax loop when loop.Expression == result => StreamingRewrite.ForLoop(context, loop, removed: null),
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => StreamingRewrite.ForLocal(context, declarator),
            ReturnStatementSyntax returned when disposes => StreamingRewrite.ForReturn(context, returned),

            // Handed to a helper whose result is returned from the scope: the helper may enumerate it lazily, after disposal.
            ArgumentSyntax when disposes && result.FirstAncestorOrSelf<StatementSyntax>() is ReturnStatementSyntax => null,
            ReturnStatementSyntax or ArrowExpressionClauseSyntax or ArgumentSyntax => StreamingRewrite.Drop(context, result),
            _ => null,
        };
    }

    /// <summary>The method's own <c>CancellationToken</c> parameter, for a buffering call that was given none.</summary>
    private static ExpressionSyntax? MethodToken(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
        => model.GetEnclosingSymbol(node.SpanStart, cancellationToken) is IMethodSymbol method
           && method.Parameters.FirstOrDefault(p => TokenFlow.IsToken(p.Type)) is { } parameter
            ? IdentifierName(parameter.Name)
            : null;
}
