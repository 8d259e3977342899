using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Streaming.Generators.Parsing;

/// <summary>The properties a CSV writer turns into columns, in declaration order (JSON has its own rules, <see cref="JsonMembers"/>).</summary>
internal static class TypeMembers
{
    /// <summary>Public instance properties with a public getter, base type first, as the serializer lists them.</summary>
    public static IEnumerable<IPropertySymbol> PublicProperties(INamedTypeSymbol type)
    {
        var chain = new Stack<INamedTypeSymbol>();
        for (var current = type; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); current = current.BaseType)
        {
            chain.Push(current);
        }

        var seen = new HashSet<string>();
        var ordered = new List<IPropertySymbol>();
        foreach (var declaring in chain)
        {
            foreach (var property in declaring.GetMembers().OfType<IPropertySymbol>())
            {
                if (property.IsStatic || property.IsIndexer || property.DeclaredAccessibility != Accessibility.Public
                    || property.GetMethod is not { DeclaredAccessibility: Accessibility.Public })
                {
                    continue;
                }

                if (!seen.Add(property.Name))
                {
                    // A derived declaration hides the base one: it takes the base one's place.
                    ordered[ordered.FindIndex(p => p.Name == property.Name)] = property;
                    continue;
                }

                ordered.Add(property);
            }
        }

        return ordered;
    }
}
