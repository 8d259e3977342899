using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Streaming.Analyzers;

/// <summary>What counts as looking at a cancellation token: reading one that can actually be cancelled.</summary>
internal static class CancellationObservation
{
    /// <summary>Whether <paramref name="operation"/> reads a <see cref="System.Threading.CancellationToken"/> from a parameter,
    /// local, field or instance property (<c>ct</c>, <c>HttpContext.RequestAborted</c>). <c>CancellationToken.None</c>
    /// and <c>default</c> can never fire and do not count; neither does a write.</summary>
    public static bool Observes(IOperation operation, KnownSymbols symbols)
    {
        if (!symbols.IsCancellationToken(operation.Type))
        {
            return false;
        }

        var isRead = operation.Parent is not IAssignmentOperation assignment || assignment.Target != operation;
        return isRead && operation switch
        {
            IParameterReferenceOperation or ILocalReferenceOperation => true,
            IFieldReferenceOperation field => !field.Field.IsStatic,
            IPropertyReferenceOperation property => !property.Property.IsStatic,
            _ => false,
        };
    }
}
