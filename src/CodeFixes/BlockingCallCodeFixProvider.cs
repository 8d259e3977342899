using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Streaming.Analyzers;
using Streaming.CodeFixes.Infrastructure;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Streaming.CodeFixes;

/// <summary>
/// STRM005: awaits instead of blocking, where the rewrite keeps the meaning: <c>t.Result</c> and
/// <c>t.GetAwaiter().GetResult()</c> → <c>await t</c>; <c>t.Wait()</c> → <c>await t</c>;
/// <c>Thread.Sleep(x)</c> → <c>await Task.Delay(x, token)</c>; <c>r.ReadLine()</c> → <c>await r.ReadLineAsync()</c>
/// when the async twin takes the same arguments and returns the same type.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BlockingCallCodeFixProvider)), Shared]
public sealed class BlockingCallCodeFixProvider : StreamingCodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.BlockingCall);

    private protected override string Title => "Await instead of blocking";

    /// <summary>The blocking expression: the one that ends where the diagnostic ends.</summary>
    private protected override SyntaxNode? FindTarget(SyntaxNode root, Diagnostic diagnostic)
        => SequentialFixAll.Around<ExpressionSyntax>(
            root,
            diagnostic,
            e => e is MemberAccessExpressionSyntax or InvocationExpressionSyntax && e.Span.End == diagnostic.Location.SourceSpan.End);

    private protected override bool CanFix(SemanticModel model, SyntaxNode target, Diagnostic diagnostic, CancellationToken cancellationToken)
        => target is ExpressionSyntax expression && Rewrite(model, expression, diagnostic, cancellationToken) is not null;

    private protected override async Task<Document> FixAsync(Document document, SyntaxNode target, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || target is not ExpressionSyntax expression
            || Rewrite(model, expression, diagnostic, cancellationToken) is not { } rewrite)
        {
            return document;
        }

        var newRoot = root.ReplaceNode(rewrite.Original, rewrite.NewNode.WithAdditionalAnnotations(Formatter.Annotation));
        if (rewrite.Namespace is { } ns && !Usings.IsInScope(model, target.SpanStart, ns.Name, ns.ProbeType))
        {
            newRoot = Usings.Add(newRoot, ns.Name);
        }

        return await DocumentCleanup.RunAsync(document.WithSyntaxRoot(newRoot), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The blocking expression, what replaces it, and a namespace the new code needs (with a type to probe it by).</summary>
    private sealed class Replacement(SyntaxNode original, SyntaxNode newNode, (string Name, string ProbeType)? ns = null)
    {
        public SyntaxNode Original { get; } = original;

        public SyntaxNode NewNode { get; } = newNode;

        public (string Name, string ProbeType)? Namespace { get; } = ns;
    }

    private static Replacement? Rewrite(SemanticModel model, ExpressionSyntax target, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(BlockingCall.KindProperty, out var kindText)
            || !Enum.TryParse<BlockingKind>(kindText, out var kind)
            || target.Ancestors().Any(a => a is LockStatementSyntax))
        {
            return null;
        }

        return (kind, target) switch
        {
            (BlockingKind.Result, MemberAccessExpressionSyntax result) => new Replacement(result, Await(result.Expression).WithTriviaFrom(result)),
            (BlockingKind.GetResult, InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax getAwaiter, ArgumentList.Arguments.Count: 0 } } } getResult)
                => new Replacement(getResult, Await(getAwaiter.Expression).WithTriviaFrom(getResult)),
            (BlockingKind.Wait, InvocationExpressionSyntax wait) => RewriteWait(model, wait, cancellationToken),
            (BlockingKind.Sleep, InvocationExpressionSyntax sleep) => RewriteSleep(model, sleep, cancellationToken),
            (BlockingKind.SynchronousIo, InvocationExpressionSyntax call) when diagnostic.Properties.TryGetValue(BlockingCall.TwinProperty, out var twin) && twin is not null
                => RewriteSynchronousIo(model, call, twin, cancellationToken),
            _ => null,
        };
    }

    /// <summary><c>task.Wait();</c> → <c>await task;</c> and <c>Task.WaitAll(a, b);</c> → <c>await Task.WhenAll(a, b);</c>, as statements only
    /// (their results, a bool or an index, mean something else than the awaited value).</summary>
    private static Replacement? RewriteWait(SemanticModel model, InvocationExpressionSyntax wait, CancellationToken cancellationToken)
    {
        if (wait.Parent is not ExpressionStatementSyntax || wait.Expression is not MemberAccessExpressionSyntax member
            || model.GetSymbolInfo(wait, cancellationToken).Symbol is not IMethodSymbol method)
        {
            return null;
        }

        if (method.Name == "Wait" && !method.IsStatic && wait.ArgumentList.Arguments.Count == 0)
        {
            return new Replacement(wait, Await(member.Expression).WithTriviaFrom(wait));
        }

        if (method.Name == "WaitAll" && method.Parameters.Length == 1 && method.Parameters[0].IsParams)
        {
            var whenAll = wait.WithExpression(member.WithName(IdentifierName("WhenAll")));
            return new Replacement(wait, Await(whenAll).WithTriviaFrom(wait));
        }

        return null;
    }

    /// <summary><c>Thread.Sleep(x);</c> → <c>await Task.Delay(x, token);</c>, with the method's token when it has one.</summary>
    private static Replacement? RewriteSleep(SemanticModel model, InvocationExpressionSyntax sleep, CancellationToken cancellationToken)
    {
        if (sleep.Parent is not ExpressionStatementSyntax || sleep.ArgumentList.Arguments.Count != 1)
        {
            return null;
        }

        var arguments = sleep.ArgumentList.Arguments;
        if (MethodToken(model, sleep, cancellationToken) is { } token)
        {
            arguments = arguments.Add(Argument(IdentifierName(token)));
        }

        var delay = InvocationExpression(ParseExpression("Task.Delay"), sleep.ArgumentList.WithArguments(arguments));
        return new Replacement(sleep, Await(delay).WithTriviaFrom(sleep), ("System.Threading.Tasks", "Task"));
    }

    /// <summary><c>reader.ReadLine()</c> → <c>await reader.ReadLineAsync(token)</c>, when the twin takes the same arguments
    /// (and maybe a token) and returns a task of the same type, so the code around it still compiles.</summary>
    private static Replacement? RewriteSynchronousIo(SemanticModel model, InvocationExpressionSyntax call, string twinName, CancellationToken cancellationToken)
    {
        if (call.Expression is not MemberAccessExpressionSyntax member
            || model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol method
            || call.ArgumentList.Arguments.Any(a => a.NameColon is not null))
        {
            return null;
        }

        var receiverType = model.GetTypeInfo(member.Expression, cancellationToken).Type ?? method.ContainingType;
        var twins = model.LookupSymbols(member.Name.SpanStart, container: receiverType, name: twinName, includeReducedExtensionMethods: true)
            .OfType<IMethodSymbol>()
            .Concat(EntityFrameworkTwins(model.Compilation, method, receiverType, twinName))
            .ToList();
        var token = MethodToken(model, call, cancellationToken);
        var withToken = twins.FirstOrDefault(t => Matches(method, t, withToken: true));
        var twin = token is not null && withToken is not null ? withToken : twins.FirstOrDefault(t => Matches(method, t, withToken: false));
        if (twin is null)
        {
            return null;
        }

        var arguments = call.ArgumentList.Arguments;
        if (SymbolEqualityComparer.Default.Equals(twin, withToken) && token is not null)
        {
            arguments = arguments.Add(Argument(IdentifierName(token)));
        }

        var asyncCall = call
            .WithExpression(member.WithName(IdentifierName(twinName)))
            .WithArgumentList(call.ArgumentList.WithArguments(arguments));
        var ns = twin.ContainingType.ContainingNamespace.ToDisplayString();
        return new Replacement(call, Await(asyncCall).WithTriviaFrom(call), twin.IsExtensionMethod ? (ns, twin.ContainingType.Name) : null);
    }

    /// <summary>The twins of a <c>System.Linq.Queryable</c> operator in EF Core (<c>First</c> → <c>FirstAsync</c>), found even
    /// before <c>Microsoft.EntityFrameworkCore</c> is imported (the fix imports it).</summary>
    private static IEnumerable<IMethodSymbol> EntityFrameworkTwins(Compilation compilation, IMethodSymbol method, ITypeSymbol receiverType, string twinName)
    {
        if ((method.ReducedFrom ?? method).ContainingType?.ToDisplayString() != "System.Linq.Queryable"
            || compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions") is not { } extensions)
        {
            return [];
        }

        return extensions.GetMembers(twinName).OfType<IMethodSymbol>()
            .Select(m => m.ReduceExtensionMethod(receiverType))
            .OfType<IMethodSymbol>();
    }

    /// <summary>Whether <paramref name="twin"/> takes <paramref name="method"/>'s parameters (plus a trailing token when
    /// <paramref name="withToken"/>) and returns <c>Task&lt;R&gt;</c>/<c>ValueTask&lt;R&gt;</c> of its return type.</summary>
    private static bool Matches(IMethodSymbol method, IMethodSymbol twin, bool withToken)
    {
        var original = method.ReducedFrom ?? method;
        var candidate = twin.ReducedFrom ?? twin;
        var expected = original.Parameters.Select(p => p.Type.OriginalDefinition.ToDisplayString()).ToList();
        var actual = candidate.Parameters.Select(p => p.Type.OriginalDefinition.ToDisplayString()).ToList();
        if (withToken)
        {
            expected.Add("System.Threading.CancellationToken");
        }

        if (!expected.SequenceEqual(actual) || twin.ReturnType is not INamedTypeSymbol returned
            || returned.ContainingNamespace?.ToDisplayString() != "System.Threading.Tasks" || returned.Name is not ("Task" or "ValueTask"))
        {
            return false;
        }

        return method.ReturnsVoid
            ? returned.TypeArguments.Length == 0
            : returned.TypeArguments.Length == 1 && SymbolEqualityComparer.Default.Equals(returned.TypeArguments[0], method.ReturnType);
    }

    /// <summary>The name of the enclosing method's <c>CancellationToken</c> parameter, if it has one.</summary>
    private static string? MethodToken(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
        => node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } declaration
           && model.GetDeclaredSymbol(declaration, cancellationToken) is { } method
            ? method.Parameters.FirstOrDefault(p => TokenFlow.IsToken(p.Type))?.Name
            : null;

    /// <summary><c>(await expression)</c>; the simplifier drops the parentheses where they are not needed.</summary>
    private static ExpressionSyntax Await(ExpressionSyntax expression)
        => ParenthesizedExpression(AwaitExpression(expression.WithoutTrivia())).WithAdditionalAnnotations(Simplifier.Annotation);
}
