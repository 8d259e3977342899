using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Streaming.CodeFixes.Infrastructure;

namespace Streaming.CodeFixes;

/// <summary>
/// What every Streaming code fix does the same way: find the node a diagnostic points at, offer one action
/// when a safe rewrite exists, and fix all occurrences one after another (see <see cref="SequentialFixAll"/>).
/// </summary>
public abstract class StreamingCodeFixProvider : CodeFixProvider
{
    /// <summary>The action's title, also its equivalence key for fix-all.</summary>
    private protected abstract string Title { get; }

    /// <inheritdoc />
    public sealed override FixAllProvider GetFixAllProvider() => SequentialFixAll.Create(FindTarget, FixAsync);

    /// <inheritdoc />
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (FindTarget(root, diagnostic) is { } target && CanFix(model, target, diagnostic, context.CancellationToken))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => FixAsync(context.Document, target, diagnostic, ct), equivalenceKey: Title),
                    diagnostic);
            }
        }
    }

    /// <summary>The node the fix rewrites, located from the diagnostic.</summary>
    private protected abstract SyntaxNode? FindTarget(SyntaxNode root, Diagnostic diagnostic);

    /// <summary>Whether a rewrite known to be safe exists; no action is offered otherwise.</summary>
    private protected abstract bool CanFix(SemanticModel model, SyntaxNode target, Diagnostic diagnostic, CancellationToken cancellationToken);

    private protected abstract Task<Document> FixAsync(Document document, SyntaxNode target, Diagnostic diagnostic, CancellationToken cancellationToken);
}
