using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Streaming.Analyzers;

internal static class OperationExtensions
{
    /// <summary>The operation under implicit conversions and parentheses: what the user wrote.</summary>
    public static IOperation WithoutConversions(this IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation { IsImplicit: true } conversion:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                default:
                    return operation;
            }
        }
    }

    /// <summary>Whether <paramref name="operation"/> lies in a lambda or local function rather than in the method body itself.</summary>
    public static bool IsInNestedFunction(this IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The root of the operation tree <paramref name="operation"/> belongs to (the method body).</summary>
    public static IOperation Root(this IOperation operation)
    {
        var current = operation;
        while (current.Parent is not null)
        {
            current = current.Parent;
        }

        return current;
    }

    /// <summary>What a call works on: the <c>this</c> argument of an extension method, else the instance.</summary>
    public static IOperation? ExtensionReceiver(this IInvocationOperation invocation)
        => invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0
            ? invocation.Arguments[0].Value.WithoutConversions()
            : invocation.Instance?.WithoutConversions();

    /// <summary>Where a call is reported: from its member name to its closing parenthesis (<c>ToListAsync(ct)</c>),
    /// which reads better than the whole chain of a long query.</summary>
    public static Location NameLocation(this IOperation operation, IOperation? startingAt = null)
    {
        var syntax = operation.Syntax;
        var name = (startingAt ?? operation).Syntax switch
        {
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } => member.Name,
            InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax binding } => binding.Name,
            MemberAccessExpressionSyntax member => member.Name,
            _ => null,
        };

        return name is null
            ? syntax.GetLocation()
            : Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(name.SpanStart, syntax.Span.End));
    }
}
