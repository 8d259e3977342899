using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Streaming.Generators.Model;

namespace Streaming.Generators.Parsing;

/// <summary>
/// Collects the warnings a generated file would raise because it names what the user's model marks
/// <c>[Obsolete]</c>: CS0612 and CS0618, or the attribute's own <c>DiagnosticId</c>. The file suppresses exactly
/// these (as System.Text.Json's generator does), so a model with obsolete members still builds warning-free.
/// </summary>
internal sealed class ObsoleteUses
{
    private readonly KnownSymbols _symbols;
    private readonly SortedSet<string> _ids = new(System.StringComparer.Ordinal);

    public ObsoleteUses(KnownSymbols symbols) => _symbols = symbols;

    /// <summary>The ids to suppress, in order.</summary>
    public EquatableArray<string> Ids => _ids.ToEquatableArray();

    /// <summary>Notes a member or type that generated code names, with the types it is made of.</summary>
    public ObsoleteUses Note(ISymbol? symbol)
    {
        switch (symbol)
        {
            case null:
                return this;
            case IArrayTypeSymbol array:
                return Note(array.ElementType);
            case INamedTypeSymbol named:
                for (var type = named; type is not null; type = type.ContainingType)
                {
                    NoteOne(type);
                }

                foreach (var argument in named.TypeArguments)
                {
                    Note(argument);
                }

                return this;
            case IPropertySymbol property:
                NoteOne(property);
                NoteOne(property.GetMethod);
                return Note(property.Type);
            case IFieldSymbol field:
                NoteOne(field);
                return field.ContainingType?.TypeKind == TypeKind.Enum ? this : Note(field.Type);
            case IMethodSymbol method:
                NoteOne(method);
                return Note(method.ContainingType);
            default:
                NoteOne(symbol);
                return this;
        }
    }

    private void NoteOne(ISymbol? symbol)
    {
        if (symbol is null || KnownSymbols.Attribute(symbol, _symbols.ObsoleteAttribute) is not { } obsolete)
        {
            return;
        }

        if (obsolete.NamedArguments.FirstOrDefault(a => a.Key == "DiagnosticId").Value.Value is string { Length: > 0 } id)
        {
            _ids.Add(id);
            return;
        }

        // CS0612 without a message, CS0618 with one.
        _ids.Add("CS0612");
        _ids.Add("CS0618");
    }
}
