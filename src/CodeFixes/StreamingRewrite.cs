using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Streaming.CodeFixes;

/// <summary>One rewrite that replaces a buffered source by the source itself (STRM001's fix).</summary>
internal sealed class StreamingRewrite
{
    private readonly SyntaxNode _original;
    private readonly SyntaxNode _replacement;
    private readonly StatementSyntax? _removed;

    private StreamingRewrite(SyntaxNode original, SyntaxNode replacement, StatementSyntax? removed, bool needsEntityFramework)
    {
        _original = original;
        _replacement = replacement.WithAdditionalAnnotations(Formatter.Annotation);
        _removed = removed;
        NeedsEntityFramework = needsEntityFramework;
    }

    /// <summary>Whether the new code calls EF Core's <c>AsAsyncEnumerable()</c>.</summary>
    public bool NeedsEntityFramework { get; }

    public SyntaxNode Apply(SyntaxNode root)
    {
        var tracked = _removed is null ? root.TrackNodes(_original) : root.TrackNodes(_original, _removed);
        var replacement = _replacement;
        if (_removed?.Parent is BlockSyntax block && block.Statements.IndexOf(_removed) + 1 == block.Statements.IndexOf((StatementSyntax)_original))
        {
            // The loop takes the place of the declaration right above it, blank lines and comments included.
            replacement = replacement.WithLeadingTrivia(_removed.GetLeadingTrivia());
        }

        tracked = tracked.ReplaceNode(tracked.GetCurrentNode(_original)!, replacement);
        return _removed is null
            ? tracked
            : tracked.RemoveNode(tracked.GetCurrentNode(_removed)!, SyntaxRemoveOptions.KeepNoTrivia)!;
    }

    /// <summary><c>foreach (var x in buffer)</c> → <c>await foreach (var x in source.AsAsyncEnumerable())</c>,
    /// or a plain <c>foreach</c> over the source in a method that cannot await.</summary>
    public static StreamingRewrite? ForLoop(Context context, ForEachStatementSyntax loop, StatementSyntax? removed)
    {
        if (!loop.AwaitKeyword.IsKind(SyntaxKind.None))
        {
            return null;
        }

        var canAwait = IsInAsyncFunction(loop);
        ExpressionSyntax collection;
        var needsEntityFramework = false;
        if (canAwait && context.IsQueryable && context.EntityFrameworkAvailable)
        {
            collection = Call(context.Source, "AsAsyncEnumerable");
            needsEntityFramework = true;
        }
        else if (canAwait && context.IsAsyncEnumerable)
        {
            collection = context.Source;
        }
        else if (!canAwait && context.IsEnumerable)
        {
            var plain = loop.WithExpression(context.Source.WithTriviaFrom(loop.Expression));
            return new StreamingRewrite(loop, plain, removed, needsEntityFramework: false);
        }
        else
        {
            return null;
        }

        if (context.Token is { } token)
        {
            collection = Call(collection, "WithCancellation", token.WithoutTrivia());
        }

        if (context.ContinueOnCapturedContext is { } continueOnCapturedContext)
        {
            collection = Call(collection, "ConfigureAwait", continueOnCapturedContext.WithoutTrivia());
        }

        var streamed = loop
            .WithAwaitKeyword(Token(SyntaxKind.AwaitKeyword).WithTrailingTrivia(Space))
            .WithForEachKeyword(loop.ForEachKeyword.WithLeadingTrivia())
            .WithLeadingTrivia(loop.GetLeadingTrivia())
            .WithExpression(collection.WithTriviaFrom(loop.Expression));
        return new StreamingRewrite(loop, streamed, removed, needsEntityFramework);
    }

    /// <summary><c>var rows = await q.ToListAsync(); foreach (var r in rows) …</c>: the local is inlined into the loop,
    /// when that loop is its only use.</summary>
    public static StreamingRewrite? ForLocal(Context context, VariableDeclaratorSyntax declarator)
    {
        if (declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax statement }
            || !statement.UsingKeyword.IsKind(SyntaxKind.None)
            || context.Model.GetDeclaredSymbol(declarator, context.CancellationToken) is not ILocalSymbol local
            || statement.Parent is not BlockSyntax block)
        {
            return null;
        }

        var uses = block.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Where(n => n.Identifier.ValueText == local.Name
                        && SymbolEqualityComparer.Default.Equals(context.Model.GetSymbolInfo(n, context.CancellationToken).Symbol, local))
            .ToList();
        return uses.Count == 1 && uses[0].Parent is ForEachStatementSyntax loop && loop.Expression == uses[0]
            ? ForLoop(context, loop, statement)
            : null;
    }

    /// <summary><c>using var db = …; return db.Orders.ToArray();</c> → <c>foreach (var order in db.Orders) yield return order;</c>:
    /// the method becomes an iterator, so the query runs while the context it was built from is still open. Only
    /// when that <c>return</c> is the method's only one and its last statement, so no other path changes.</summary>
    public static StreamingRewrite? ForReturn(Context context, ReturnStatementSyntax returned)
    {
        var body = returned.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax);
        if (body is not (MethodDeclarationSyntax or LocalFunctionStatementSyntax)
            || !context.IsEnumerable
            || !DisposalScope.IsLastStatement(returned)
            || body.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax) || n == body)
                .Count(n => n is ReturnStatementSyntax or YieldStatementSyntax) != 1
            || context.Model.GetEnclosingSymbol(returned.SpanStart, context.CancellationToken) is not IMethodSymbol method
            || ElementType(method.ReturnType) is not { } elementType)
        {
            return null;
        }

        var name = Identifier(UniqueName(context, returned.SpanStart, elementType));
        var loop = ForEachStatement(
                IdentifierName("var"),
                name,
                context.Source.WithoutTrivia(),
                Block(YieldStatement(SyntaxKind.YieldReturnStatement, IdentifierName(name))))
            .WithTriviaFrom(returned);
        return new StreamingRewrite(returned, loop, removed: null, needsEntityFramework: false);
    }

    /// <summary><c>return q.ToList();</c> or <c>Helper(q.ToArray())</c> → the source itself, when it converts to the same type.</summary>
    public static StreamingRewrite? Drop(Context context, ExpressionSyntax buffered)
    {
        var target = context.Model.GetTypeInfo(buffered, context.CancellationToken).ConvertedType;
        if (target is null || !context.Model.ClassifyConversion(context.Source, target).IsImplicit)
        {
            return null;
        }

        var replacement = ParenthesizedExpression(context.Source.WithoutTrivia())
            .WithTriviaFrom(buffered)
            .WithAdditionalAnnotations(Simplifier.Annotation);
        return new StreamingRewrite(buffered, replacement, removed: null, needsEntityFramework: false);
    }

    /// <summary>The <c>T</c> of a method returning <c>IEnumerable&lt;T&gt;</c>.</summary>
    private static ITypeSymbol? ElementType(ITypeSymbol returnType)
        => returnType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Collections_Generic_IEnumerable_T } enumerable
            ? enumerable.TypeArguments[0]
            : null;

    /// <summary>The loop variable: the element type's name in camelCase (<c>order</c>), or <c>item</c>, numbered if taken.</summary>
    private static string UniqueName(Context context, int position, ITypeSymbol elementType)
    {
        var baseName = elementType is INamedTypeSymbol { Name.Length: > 0 } named && SyntaxFacts.IsValidIdentifier(named.Name)
            ? char.ToLowerInvariant(named.Name[0]) + named.Name.Substring(1)
            : "item";
        if (SyntaxFacts.GetKeywordKind(baseName) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(baseName) != SyntaxKind.None)
        {
            baseName = "item";
        }

        var taken = context.Model.LookupSymbols(position).Select(s => s.Name).ToImmutableHashSet();
        var candidate = baseName;
        for (var i = 2; taken.Contains(candidate); i++)
        {
            candidate = baseName + i;
        }

        return candidate;
    }

    private static ExpressionSyntax Call(ExpressionSyntax receiver, string method, params ExpressionSyntax[] arguments)
        => InvocationExpression(
            MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver.WithoutTrailingTrivia(), IdentifierName(method)),
            ArgumentList(SeparatedList(arguments.Select(Argument))));

    private static bool IsInAsyncFunction(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case AnonymousFunctionExpressionSyntax lambda:
                    return !lambda.AsyncKeyword.IsKind(SyntaxKind.None);
                case LocalFunctionStatementSyntax local:
                    return local.Modifiers.Any(SyntaxKind.AsyncKeyword);
                case MethodDeclarationSyntax method:
                    return method.Modifiers.Any(SyntaxKind.AsyncKeyword);
            }
        }

        return false;
    }

    /// <summary>What is known about the buffered call.</summary>
    public sealed class Context(
        SemanticModel model, ExpressionSyntax source, ITypeSymbol sourceType, ExpressionSyntax? token, ExpressionSyntax? continueOnCapturedContext, CancellationToken cancellationToken)
    {
        public SemanticModel Model { get; } = model;

        /// <summary>The streamed source under the buffering call.</summary>
        public ExpressionSyntax Source { get; } = source;

        /// <summary>The <c>CancellationToken</c> to stream with: the one the buffering call was given, else the method's own.</summary>
        public ExpressionSyntax? Token { get; } = token;

        /// <summary>The argument of the <c>.ConfigureAwait(…)</c> the buffer was awaited with, to keep on the loop.</summary>
        public ExpressionSyntax? ContinueOnCapturedContext { get; } = continueOnCapturedContext;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        public bool IsQueryable => Implements(sourceType, "System.Linq.IQueryable<T>");

        public bool IsAsyncEnumerable => Implements(sourceType, "System.Collections.Generic.IAsyncEnumerable<T>");

        public bool IsEnumerable => Implements(sourceType, "System.Collections.Generic.IEnumerable<T>");

        public bool EntityFrameworkAvailable
            => Model.Compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions") is not null;

        private static bool Implements(ITypeSymbol type, string definition)
            => type.OriginalDefinition.ToDisplayString() == definition
               || type.AllInterfaces.Any(i => i.OriginalDefinition.ToDisplayString() == definition);
    }
}
