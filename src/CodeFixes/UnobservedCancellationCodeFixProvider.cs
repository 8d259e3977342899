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
using Streaming.Analyzers;
using Streaming.CodeFixes.Infrastructure;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Streaming.CodeFixes;

/// <summary>
/// STRM004: gives the iterator an <c>[EnumeratorCancellation] CancellationToken</c> parameter (unless it has
/// one) and passes it on; where nothing takes a token, the loops that yield check it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnobservedCancellationCodeFixProvider)), Shared]
public sealed class UnobservedCancellationCodeFixProvider : StreamingCodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.UnobservedCancellation);

    private protected override string Title => "Observe the request's cancellation token";

    private protected override SyntaxNode? FindTarget(SyntaxNode root, Diagnostic diagnostic) => SequentialFixAll.Around<MethodDeclarationSyntax>(root, diagnostic);

    private protected override bool CanFix(SemanticModel model, SyntaxNode target, Diagnostic diagnostic, CancellationToken cancellationToken)
        => target is MethodDeclarationSyntax { Body: not null };

    private protected override async Task<Document> FixAsync(Document document, SyntaxNode target, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || target is not MethodDeclarationSyntax { Body: not null } method
            || model.GetDeclaredSymbol(method, cancellationToken) is not { } symbol)
        {
            return document;
        }

        var existing = symbol.Parameters.FirstOrDefault(p => TokenFlow.IsToken(p.Type));
        var token = existing?.Name ?? FreeName(model, method.Body);
        var edits = TokenFlow.Plan(model, method, token, cancellationToken);
        var newMethod = edits.Count > 0
            ? method.ReplaceNodes(edits.Keys, (original, rewritten) => edits[original](rewritten))
            : CheckInLoops(method, token);

        if (existing is null)
        {
            newMethod = AddParameter(newMethod, token);
        }

        var newRoot = root.ReplaceNode(method, newMethod.WithAdditionalAnnotations(Formatter.Annotation));
        if (existing is null)
        {
            if (!Usings.IsInScope(model, method.SpanStart, "System.Threading", "CancellationToken"))
            {
                newRoot = Usings.Add(newRoot, "System.Threading");
            }

            if (!Usings.IsInScope(model, method.SpanStart, "System.Runtime.CompilerServices", "EnumeratorCancellationAttribute"))
            {
                newRoot = Usings.Add(newRoot, "System.Runtime.CompilerServices");
            }
        }

        return await DocumentCleanup.RunAsync(document.WithSyntaxRoot(newRoot), cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>[EnumeratorCancellation] CancellationToken token = default</c>, last but before a <c>params</c> array.</summary>
    private static MethodDeclarationSyntax AddParameter(MethodDeclarationSyntax method, string token)
    {
        var parameter = Parameter(Identifier(token))
            .WithAttributeLists(SingletonList(AttributeList(SingletonSeparatedList(Attribute(IdentifierName("EnumeratorCancellation"))))))
            .WithType(IdentifierName("CancellationToken"))
            .WithDefault(EqualsValueClause(LiteralExpression(SyntaxKind.DefaultLiteralExpression, Token(SyntaxKind.DefaultKeyword))));
        var parameters = method.ParameterList.Parameters;
        var index = parameters.Count > 0 && parameters.Last().Modifiers.Any(SyntaxKind.ParamsKeyword) ? parameters.Count - 1 : parameters.Count;
        return method.WithParameterList(method.ParameterList.WithParameters(parameters.Insert(index, parameter)));
    }

    /// <summary>Where nothing can take the token: <c>token.ThrowIfCancellationRequested();</c> at the top of each loop
    /// that yields, or of the method when no loop does.</summary>
    private static MethodDeclarationSyntax CheckInLoops(MethodDeclarationSyntax method, string token)
    {
        var endOfLine = method.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)).ToString();
        var check = ParseStatement($"{token}.ThrowIfCancellationRequested();")
            .WithTrailingTrivia(ElasticEndOfLine(endOfLine.Length > 0 ? endOfLine : "\n"))
            .WithAdditionalAnnotations(Formatter.Annotation);
        var loops = method.Body!.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .OfType<YieldStatementSyntax>()
            .Select(y => y.Ancestors().TakeWhile(a => a != method).FirstOrDefault(IsLoop))
            .OfType<StatementSyntax>()
            .Distinct()
            .ToList();
        if (loops.Count == 0)
        {
            return method.WithBody(method.Body.WithStatements(method.Body.Statements.Insert(0, check)));
        }

        return method.ReplaceNodes(loops, (_, loop) => loop switch
        {
            ForEachStatementSyntax forEach => forEach.WithStatement(Prepend(forEach.Statement, check)),
            ForStatementSyntax forLoop => forLoop.WithStatement(Prepend(forLoop.Statement, check)),
            WhileStatementSyntax whileLoop => whileLoop.WithStatement(Prepend(whileLoop.Statement, check)),
            DoStatementSyntax doLoop => doLoop.WithStatement(Prepend(doLoop.Statement, check)),
            _ => loop,
        });
    }

    private static bool IsLoop(SyntaxNode node) => node is ForEachStatementSyntax or ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax;

    private static BlockSyntax Prepend(StatementSyntax body, StatementSyntax check)
        => body is BlockSyntax block
            ? block.WithStatements(block.Statements.Insert(0, check))
            : Block(check, body).WithAdditionalAnnotations(Formatter.Annotation);

    /// <summary><c>cancellationToken</c>, or a variant when the body already uses that name.</summary>
    private static string FreeName(SemanticModel model, BlockSyntax body)
    {
        var taken = body.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText).ToImmutableHashSet();
        var name = "cancellationToken";
        for (var i = 1; taken.Contains(name) || !model.LookupSymbols(body.SpanStart, name: name).IsEmpty; i++)
        {
            name = "cancellationToken" + i;
        }

        return name;
    }
}
