using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Streaming.CodeFixes.Infrastructure;

/// <summary>
/// Fix-all that applies one fix after another in a document, each against a fresh semantic model. Fixes here
/// may touch the same places (a <c>using</c>, a method's parameter list, nested <c>.Result</c>s), which a
/// batch fixer merging independent text edits would drop; the targets are tracked across edits instead.
/// </summary>
internal static class SequentialFixAll
{
    public delegate SyntaxNode? FindTarget(SyntaxNode root, Diagnostic diagnostic);

    public delegate Task<Document> Fix(Document document, SyntaxNode target, Diagnostic diagnostic, CancellationToken cancellationToken);

    public static FixAllProvider Create(FindTarget findTarget, Fix fix)
        => FixAllProvider.Create(
            (context, document, diagnostics) => FixAllAsync(document, diagnostics, findTarget, fix, context.CancellationToken),
            ImmutableArray.Create(FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution));

    private static async Task<Document?> FixAllAsync(
        Document document, ImmutableArray<Diagnostic> diagnostics, FindTarget findTarget, Fix fix, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return null;
        }

        var targets = diagnostics
            .OrderBy(d => d.Location.SourceSpan.Start)
            .Select(d => (Diagnostic: d, Node: findTarget(root, d)))
            .Where(t => t.Node is not null)
            .GroupBy(t => t.Node!)
            .Select(g => g.First())
            .ToList();

        document = document.WithSyntaxRoot(root.TrackNodes(targets.Select(t => t.Node!)));
        foreach (var (diagnostic, original) in targets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var currentRoot = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (currentRoot?.GetCurrentNode(original!) is { } current)
            {
                document = await fix(document, current, diagnostic, cancellationToken).ConfigureAwait(false);
            }
        }

        return document;
    }

    /// <summary>The innermost node of type <typeparamref name="T"/> around a diagnostic, for <see cref="FindTarget"/>s.</summary>
    public static T? Around<T>(SyntaxNode root, Diagnostic diagnostic, Func<T, bool>? predicate = null)
        where T : SyntaxNode
    {
        var span = diagnostic.Location.SourceSpan;
        if (!root.FullSpan.Contains(span))
        {
            return null;
        }

        return root.FindNode(span, getInnermostNodeForTie: true)
            .AncestorsAndSelf()
            .OfType<T>()
            .FirstOrDefault(n => predicate is null || predicate(n));
    }
}
