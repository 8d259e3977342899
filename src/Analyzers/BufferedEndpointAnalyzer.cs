using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Streaming.Analyzers;

/// <summary>
/// STRM010: an ordinary endpoint (a minimal-API handler or a controller action) returns a whole query buffered
/// with <c>ToList</c>/<c>ToListAsync</c>, itself or in a method of the compilation it awaits; a <c>[Stream]</c>
/// method would send the rows as they are read.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BufferedEndpointAnalyzer : StreamingAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.BufferedEndpoint);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        if (AspNetCoreSymbols.TryCreate(context.Compilation) is not { } aspNetCore)
        {
            return;
        }

        var responses = new BufferedResponse(context.Compilation, symbols, aspNetCore);
        context.RegisterOperationAction(c => AnalyzeMapCall(c, aspNetCore, responses), OperationKind.Invocation);
        context.RegisterOperationBlockAction(c => AnalyzeAction(c, symbols, aspNetCore, responses));
    }

    private static void AnalyzeMapCall(OperationAnalysisContext context, AspNetCoreSymbols aspNetCore, BufferedResponse responses)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!aspNetCore.IsMapCall(invocation.TargetMethod))
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Value.WithoutConversions() is not IDelegateCreationOperation handler)
            {
                continue;
            }

            var body = handler.Target switch
            {
                IAnonymousFunctionOperation lambda => lambda.Body,
                IMethodReferenceOperation method => SameTreeBody(method.Method, invocation.SemanticModel, context.CancellationToken),
                _ => null,
            };

            if (body is not null)
            {
                ReportBufferedReturns(body, responses, context.ReportDiagnostic, context.CancellationToken);
            }
        }
    }

    private static void AnalyzeAction(OperationBlockAnalysisContext context, KnownSymbols symbols, AspNetCoreSymbols aspNetCore, BufferedResponse responses)
    {
        if (context.OwningSymbol is not IMethodSymbol method || !aspNetCore.IsControllerAction(method) || symbols.IsStreamMethod(method))
        {
            return;
        }

        foreach (var block in context.OperationBlocks)
        {
            ReportBufferedReturns(block, responses, context.ReportDiagnostic, context.CancellationToken);
        }
    }

    /// <summary>A method group handler's body, when it is declared in the tree being analyzed (the usual case:
    /// <c>group.MapGet("/", GetAll)</c> next to <c>static Task&lt;List&lt;Order&gt;&gt; GetAll(…)</c>).</summary>
    private static IOperation? SameTreeBody(IMethodSymbol method, SemanticModel? model, System.Threading.CancellationToken cancellationToken)
    {
        var declaration = method.DeclaringSyntaxReferences.FirstOrDefault();
        return model is not null && declaration?.SyntaxTree == model.SyntaxTree
            ? model.GetOperation(declaration.GetSyntax(cancellationToken), cancellationToken)
            : null;
    }

    private static void ReportBufferedReturns(IOperation body, BufferedResponse responses, System.Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var operation in body.DescendantsAndSelf())
        {
            if (operation is IReturnOperation { Kind: OperationKind.Return, ReturnedValue: { } returned }
                && EnclosingFunction(operation) == EnclosingFunction(body.Parent ?? body, includeSelf: true)
                && responses.Find(returned, cancellationToken) is { } buffered)
            {
                var materialization = buffered.Materialization;
                report(Diagnostic.Create(
                    DiagnosticDescriptors.BufferedEndpoint,
                    buffered.ReportAt.NameLocation(),
                    materialization.DisplayName,
                    materialization.Source.Type!.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
                    buffered.MadeIn is { } method ? $" (made in '{method.ContainingType.Name}.{method.Name}')" : ""));
            }
        }
    }

    /// <summary>The nearest lambda or local function around <paramref name="operation"/>, or <see langword="null"/> for the method itself.</summary>
    private static IOperation? EnclosingFunction(IOperation operation, bool includeSelf = false)
    {
        for (var current = includeSelf ? operation : operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return current;
            }
        }

        return null;
    }
}
