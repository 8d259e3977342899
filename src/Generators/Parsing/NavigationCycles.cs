using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Streaming.Generators.Diagnostics;

namespace Streaming.Generators.Parsing;

/// <summary>
/// Tells an entity navigation cycle from a recursive tree. Both are written (recursively, within the serializer's
/// depth limit), but a cycle such as <c>Order.Customer → Customer.Orders → Order</c> between loaded entities never
/// ends, so it fails mid-stream. It is recognised by the foreign key beside the reference, EF Core's convention
/// (<c>Order.Customer</c> with <c>Order.CustomerId</c>), and reported once per reference as STRM009.
/// </summary>
internal static class NavigationCycles
{
    public static void Report(
        IReadOnlyList<IReadOnlyList<(INamedTypeSymbol Type, ISymbol? Member)>> cycles,
        Location? fallback,
        List<DiagnosticInfo> diagnostics)
    {
        var reported = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var cycle in cycles)
        {
            for (var start = 0; start < cycle.Count; start++)
            {
                var (type, member) = cycle[start];
                if (member is IPropertySymbol reference && IsNavigation(type, reference) && reported.Add(reference))
                {
                    // The path starts at the reference, so every method that reaches the cycle says the same.
                    var steps = cycle.Skip(start).Concat(cycle.Take(start)).Select(step => $"{step.Type.Name}.{step.Member?.Name}");
                    var path = string.Join(" → ", steps) + " → " + type.Name;
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.NavigationCycle,
                        SourceLocation.Of(reference) ?? fallback,
                        $"{type.Name}.{reference.Name}",
                        reference.Type.Name,
                        path));
                }
            }
        }
    }

    /// <summary>A reference to one object (not a collection) with its foreign key declared beside it.</summary>
    private static bool IsNavigation(INamedTypeSymbol owner, IPropertySymbol reference)
        => reference.Type.TypeKind == TypeKind.Class
           && reference.Type.SpecialType == SpecialType.None
           && !reference.Type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable)
           && owner.GetMembers(reference.Name + "Id").Any(m => m is IPropertySymbol);
}
