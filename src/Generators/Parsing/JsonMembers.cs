using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Streaming.Generators.Model;

namespace Streaming.Generators.Parsing;

/// <summary>A member that is written, as <see cref="JsonMembers"/> finds it (symbols: never stored in a model).</summary>
internal sealed record JsonMember(
    ISymbol Symbol,
    ITypeSymbol Type,
    string JsonName,
    JsonIgnoreWhen IgnoreWhen,
    MemberAccess Access,
    bool NeedsCast,
    bool IsExtensionData);

/// <summary>
/// Which members of a type System.Text.Json writes with <c>JsonSerializerOptions.Web</c>, under which names and
/// in which order: the most derived type's members first (properties, then <c>[JsonInclude]</c> fields, each in
/// declaration order), then its base types'; a derived member hides a base one of the same name; a stable sort
/// by <c>[JsonPropertyOrder]</c>; and the serializer's errors (two members with one JSON name, …) as reasons.
/// </summary>
internal static class JsonMembers
{
    private const int IgnoreAlways = 1;
    private const int IgnoreWhenWritingDefault = 2;
    private const int IgnoreWhenWritingNull = 3;
    private const int IgnoreWhenWriting = 4;

    private sealed class Candidate
    {
        public Candidate(ISymbol symbol, ITypeSymbol type, string jsonName, int? ignore, bool canRead, int order)
        {
            Symbol = symbol;
            Type = type;
            JsonName = jsonName;
            Ignore = ignore;
            CanRead = canRead;
            Order = order;
        }

        public ISymbol Symbol { get; }

        public ITypeSymbol Type { get; }

        public string JsonName { get; }

        public int? Ignore { get; }

        public bool CanRead { get; }

        public int Order { get; }

        public bool IsIgnored => Ignore == IgnoreAlways;
    }

    /// <summary>The members written for <paramref name="type"/>, or an error saying why the serializer would throw.</summary>
    public static (IReadOnlyList<JsonMember> Members, (ISymbol? Member, string Reason)? Error) Read(INamedTypeSymbol type, KnownSymbols symbols)
    {
        var compilation = symbols.Compilation;
        var candidates = new List<Candidate>();
        var byJsonName = new Dictionary<string, int>();
        var ignoredByName = new Dictionary<string, Candidate>();
        IPropertySymbol? extensionData = null;

        for (var current = type; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); current = current.BaseType)
        {
            var declared = current.GetMembers();
            var members = declared.OfType<IPropertySymbol>().Cast<ISymbol>().Concat(declared.OfType<IFieldSymbol>());
            foreach (var member in members)
            {
                if (member.IsStatic || member.IsImplicitlyDeclared)
                {
                    continue;
                }

                var include = JsonAttributes.Has(member, symbols.JsonIncludeAttribute);
                ITypeSymbol memberType;
                bool canRead;
                if (member is IPropertySymbol property)
                {
                    if (property.IsIndexer || IsOverriddenAndIgnored(property, ignoredByName))
                    {
                        continue;
                    }

                    var publicGetter = property.GetMethod?.DeclaredAccessibility == Accessibility.Public;
                    var publicSetter = property.SetMethod?.DeclaredAccessibility == Accessibility.Public;
                    if (!publicGetter && !publicSetter && !include)
                    {
                        continue;
                    }

                    if (JsonAttributes.Has(property, symbols.JsonExtensionDataAttribute))
                    {
                        if (extensionData is not null)
                        {
                            return ([], (property, $"it has more than one [JsonExtensionData] member ('{extensionData.Name}' and '{property.Name}')"));
                        }

                        extensionData = property;
                        continue;
                    }

                    memberType = property.Type;
                    canRead = property.GetMethod is not null && (publicGetter || include);
                }
                else if (member is IFieldSymbol field && include)
                {
                    memberType = field.Type;
                    canRead = true;
                }
                else
                {
                    continue;
                }

                var candidate = new Candidate(member, memberType, JsonName(member, symbols), IgnoreCondition(member, symbols), canRead, JsonAttributes.Order(member, symbols));
                if (!Add(candidate, candidates, byJsonName, ignoredByName))
                {
                    return ([], (member, $"'{member.Name}' and another member are both named \"{candidate.JsonName}\" in JSON, which System.Text.Json rejects; rename one with [JsonPropertyName] or mark it [JsonIgnore]"));
                }
            }
        }

        var written = new List<JsonMember>();
        foreach (var candidate in candidates.Where(c => c.CanRead && c.Ignore is not (IgnoreAlways or IgnoreWhenWriting)).OrderBy(c => c.Order))
        {
            if (IgnoreWhen(candidate) == JsonIgnoreWhen.Null && !candidate.Type.IsReferenceType && KnownTypes.NullableUnderlying(candidate.Type) is null)
            {
                return ([], (candidate.Symbol, $"'{candidate.Symbol.Name}' has [JsonIgnore(Condition = WhenWritingNull)] but a value type is never null (System.Text.Json throws); use WhenWritingDefault"));
            }

            written.Add(ToMember(candidate, type, compilation, isExtensionData: false));
        }

        if (extensionData is not null)
        {
            // The serializer writes the extension data's entries after every other property.
            var candidate = new Candidate(extensionData, extensionData.Type, extensionData.Name, null, extensionData.GetMethod is not null, 0);
            written.Add(ToMember(candidate, type, compilation, isExtensionData: true));
        }

        return (written, null);
    }

    /// <summary>The serializer's conflict rule: a member hidden by (or overridden in) a derived one, or ignored, gives way.</summary>
    private static bool Add(Candidate candidate, List<Candidate> candidates, Dictionary<string, int> byJsonName, Dictionary<string, Candidate> ignoredByName)
    {
        if (!byJsonName.TryGetValue(candidate.JsonName, out var index))
        {
            byJsonName[candidate.JsonName] = candidates.Count;
            candidates.Add(candidate);
        }
        else
        {
            var other = candidates[index];
            if (other.IsIgnored)
            {
                candidates[index] = candidate;
            }
            else if (!candidate.IsIgnored
                && !IsHiddenBy(candidate, other)
                && !(ignoredByName.TryGetValue(candidate.Symbol.Name, out var ignored) && IsHiddenBy(candidate, ignored)))
            {
                return false;
            }
        }

        if (candidate.IsIgnored)
        {
            ignoredByName[candidate.Symbol.Name] = candidate;
        }

        return true;
    }

    private static bool IsHiddenBy(Candidate candidate, Candidate other)
        => candidate.Symbol.Name == other.Symbol.Name && DerivesFrom(other.Symbol.ContainingType, candidate.Symbol.ContainingType);

    private static bool DerivesFrom(INamedTypeSymbol? type, INamedTypeSymbol baseType)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A virtual property whose override was <c>[JsonIgnore]</c>d is not written either.</summary>
    private static bool IsOverriddenAndIgnored(IPropertySymbol property, Dictionary<string, Candidate> ignoredByName)
        => ignoredByName.TryGetValue(property.Name, out var ignored)
           && ignored.Symbol is IPropertySymbol ignoredProperty
           && SymbolEqualityComparer.Default.Equals(ignoredProperty.Type, property.Type)
           && IsVirtual(ignoredProperty) && IsVirtual(property);

    private static bool IsVirtual(IPropertySymbol property) => property.IsVirtual || property.IsOverride || property.IsAbstract;

    private static JsonMember ToMember(Candidate candidate, INamedTypeSymbol owner, Compilation compilation, bool isExtensionData)
    {
        var symbol = candidate.Symbol;
        var readable = symbol is IPropertySymbol property ? (ISymbol)property.GetMethod! : symbol;
        var access = (readable.DeclaredAccessibility == Accessibility.Public && KnownTypes.IsPublic(readable.ContainingType))
                     || compilation.IsSymbolAccessibleWithin(readable, compilation.Assembly)
            ? MemberAccess.Direct
            : symbol is IPropertySymbol ? MemberAccess.PropertyAccessor : MemberAccess.FieldAccessor;

        return new JsonMember(symbol, candidate.Type, candidate.JsonName, IgnoreWhen(candidate), access, IsHiddenInDerived(symbol, owner), isExtensionData);
    }

    private static JsonIgnoreWhen IgnoreWhen(Candidate candidate) => candidate.Ignore switch
    {
        IgnoreWhenWritingNull => JsonIgnoreWhen.Null,
        IgnoreWhenWritingDefault => JsonIgnoreWhen.Default,
        _ => JsonIgnoreWhen.Never,
    };

    /// <summary>Whether a type between <paramref name="owner"/> and the member's declaring type declares the same name, so <c>value.Name</c> would reach the wrong member.</summary>
    private static bool IsHiddenInDerived(ISymbol member, INamedTypeSymbol owner)
    {
        for (var current = owner; current is not null && !SymbolEqualityComparer.Default.Equals(current, member.ContainingType); current = current.BaseType)
        {
            if (!current.GetMembers(member.Name).IsEmpty)
            {
                return true;
            }
        }

        return false;
    }

    private static string JsonName(ISymbol member, KnownSymbols symbols)
        => JsonAttributes.StringArgument(KnownSymbols.Attribute(member, symbols.JsonPropertyNameAttribute)) ?? JsonNaming.CamelCase(member.Name);

    /// <summary>The <c>JsonIgnoreCondition</c> of <c>[JsonIgnore]</c> as a number (Always when not given), or <see langword="null"/> without one.</summary>
    private static int? IgnoreCondition(ISymbol member, KnownSymbols symbols)
    {
        if (KnownSymbols.Attribute(member, symbols.JsonIgnoreAttribute) is not { } attribute)
        {
            return null;
        }

        return attribute.NamedArguments.FirstOrDefault(a => a.Key == "Condition").Value.Value is int condition ? condition : IgnoreAlways;
    }
}
