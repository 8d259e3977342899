using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Streaming.Generators.Diagnostics;
using Streaming.Generators.Model;

namespace Streaming.Generators.Parsing;

/// <summary>
/// Reads an element type into the <see cref="CsvTypeSpec"/> of its generated CSV writer: one column per public
/// property in declaration order (after <c>[CsvColumn(Order)]</c>), nested objects flattened into
/// <c>Parent.Child</c> columns. Anything that is not one value per column is reported, naming the member.
/// </summary>
internal sealed class CsvTypeParser
{
    private const string FormatName = "Format.Csv";

    private readonly Location? _location;
    private readonly KnownSymbols _symbols;
    private readonly CancellationToken _cancellationToken;
    private readonly List<CsvTypeSpec> _types = new();
    private readonly List<DiagnosticInfo> _diagnostics = new();

    public CsvTypeParser(Location? location, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        _location = location;
        _symbols = symbols;
        _cancellationToken = cancellationToken;
    }

    public IReadOnlyList<CsvTypeSpec> Types => _types;

    public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics;

    /// <summary>Reads <paramref name="type"/> as CSV records; <see langword="null"/> (with diagnostics) if it cannot be written.</summary>
    public CsvTypeSpec? Parse(ITypeSymbol type)
    {
        if (KnownTypes.NullableUnderlying(type) is not null)
        {
            Report(KnownTypes.MetadataName(type), "a nullable struct cannot be an element type; stream the struct itself");
            return null;
        }

        if (type is not INamedTypeSymbol named || !IsFlattenable(named))
        {
            Report(KnownTypes.MetadataName(type), "Format.Csv writes one record per object, one column per property; stream a class, record or struct");
            return null;
        }

        var obsolete = new ObsoleteUses(_symbols).Note(named);
        var members = ParseMembers(named, prefix: null, [named], obsolete);
        if (members is null)
        {
            return null;
        }

        if (members.Count == 0)
        {
            Report(KnownTypes.MetadataName(type), "it has no public properties to write as columns");
            return null;
        }

        if (!HasUniqueHeaders(named, members))
        {
            return null;
        }

        var (writerNamespace, writerName) = GeneratedNames.CsvWriter(named);
        var spec = new CsvTypeSpec(
            KnownTypes.Name(named),
            KnownTypes.Display(named),
            writerNamespace,
            writerName,
            named.IsValueType,
            members.ToEquatableArray(),
            obsolete.Ids);
        _types.Add(spec);
        return spec;
    }

    /// <summary>The columns of <paramref name="type"/>, or <see langword="null"/> when one of them cannot be written.</summary>
    /// <param name="type">The type whose properties become columns.</param>
    /// <param name="prefix">For a nested object, the header of the property that holds it.</param>
    /// <param name="enclosing">The types being flattened around this one, to catch a cycle.</param>
    /// <param name="obsolete">What the writer names that may be [Obsolete].</param>
    private List<CsvMemberSpec>? ParseMembers(INamedTypeSymbol type, string? prefix, IReadOnlyList<INamedTypeSymbol> enclosing, ObsoleteUses obsolete)
    {
        var columns = new List<(CsvMemberSpec Member, int Order)>();
        var failed = false;
        foreach (var property in TypeMembers.PublicProperties(type))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (IsIgnored(property))
            {
                continue;
            }

            var (name, order, format) = ReadColumn(property);
            var header = prefix is null ? name : prefix + "." + name;
            obsolete.Note(property);
            var member = ParseMember(type, property, header, format, enclosing, obsolete);
            if (member is null)
            {
                failed = true;
                continue;
            }

            columns.Add((member, order));
        }

        // OrderBy is stable: equal orders keep declaration order.
        return failed ? null : columns.OrderBy(c => c.Order).Select(c => c.Member).ToList();
    }

    private CsvMemberSpec? ParseMember(INamedTypeSymbol owner, IPropertySymbol property, string header, string? format, IReadOnlyList<INamedTypeSymbol> enclosing, ObsoleteUses obsolete)
    {
        var member = $"{owner.Name}.{property.Name}";
        var underlying = KnownTypes.NullableUnderlying(property.Type);
        var type = underlying ?? property.Type;
        var typeName = KnownTypes.Display(type.WithNullableAnnotation(NullableAnnotation.NotAnnotated));
        void Report(string reason) => ReportAt(property, member, reason);

        if (type.TypeKind == TypeKind.Error)
        {
            // Half-typed code: the compiler says what is wrong.
            return null;
        }

        if (ScalarKind(type, _symbols) is { } kind)
        {
            if (format is not null && !AcceptsFormat(kind))
            {
                Report($"[CsvColumn(Format = \"{format}\")] applies to numbers, dates, times, Guids and enums, not to '{typeName}', which is written as it is; remove Format");
                return null;
            }

            return new CsvMemberSpec(property.Name, header, kind, KnownTypes.Name(type), underlying is not null, type.IsReferenceType, format, EquatableArray<CsvMemberSpec>.Empty);
        }

        if (IsCollection(type))
        {
            Report($"it is a collection ('{typeName}'); CSV columns must be scalars — mark it [CsvIgnore] or stream a flat projection");
            return null;
        }

        if (type is not INamedTypeSymbol named || !IsFlattenable(named))
        {
            Report($"its type '{typeName}' is not a CSV value (text, numbers, booleans, dates and times, Guids, enums) and cannot be flattened into columns; mark it [CsvIgnore] or stream a projection");
            return null;
        }

        if (enclosing.Any(outer => SymbolEqualityComparer.Default.Equals(outer, named)))
        {
            Report($"its type '{typeName}' contains itself, and a cycle cannot be flattened into columns; mark it [CsvIgnore]");
            return null;
        }

        if (format is not null)
        {
            Report($"[CsvColumn(Format = \"{format}\")] applies to one value, but '{typeName}' is flattened into several columns; remove Format");
            return null;
        }

        var children = ParseMembers(named, header, enclosing.Concat([named]).ToList(), obsolete);
        if (children is null)
        {
            return null;
        }

        if (children.Count == 0)
        {
            Report($"its type '{typeName}' has no public properties to write as columns; mark it [CsvIgnore]");
            return null;
        }

        return new CsvMemberSpec(property.Name, header, CsvValueKind.Object, KnownTypes.Name(named), underlying is not null, named.IsReferenceType, null, children.ToEquatableArray());
    }

    /// <summary>How a value of <paramref name="type"/> is written in one column, or <see langword="null"/> when it is not a single value.</summary>
    private static CsvValueKind? ScalarKind(ITypeSymbol type, KnownSymbols symbols)
    {
        if (type.TypeKind == TypeKind.Enum)
        {
            return CsvValueKind.Enum;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_String:
                return CsvValueKind.Text;
            case SpecialType.System_Char:
                return CsvValueKind.Char;
            case SpecialType.System_Boolean:
                return CsvValueKind.Boolean;
            case SpecialType.System_DateTime:
                return CsvValueKind.DateTime;
            case SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_UInt16
                or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
                or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal:
                return CsvValueKind.Number;
        }

        if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte }
            || KnownSymbols.Is(type, symbols.ReadOnlyMemoryOfT, SpecialType.System_Byte)
            || KnownSymbols.Is(type, symbols.MemoryOfT, SpecialType.System_Byte))
        {
            return CsvValueKind.Base64;
        }

        return KnownSymbols.Is(type, symbols.Int128) || KnownSymbols.Is(type, symbols.UInt128) || KnownSymbols.Is(type, symbols.Half) ? CsvValueKind.Number
            : KnownSymbols.Is(type, symbols.DateTimeOffset) ? CsvValueKind.DateTimeOffset
            : KnownSymbols.Is(type, symbols.DateOnly) ? CsvValueKind.DateOnly
            : KnownSymbols.Is(type, symbols.TimeOnly) ? CsvValueKind.TimeOnly
            : KnownSymbols.Is(type, symbols.TimeSpan) ? CsvValueKind.TimeSpan
            : KnownSymbols.Is(type, symbols.Guid) ? CsvValueKind.Guid
            : KnownSymbols.Is(type, symbols.Uri) ? CsvValueKind.Uri
            : KnownSymbols.Is(type, symbols.Version) ? CsvValueKind.Version
            : null;
    }

    private static bool AcceptsFormat(CsvValueKind kind)
        => kind is not (CsvValueKind.Text or CsvValueKind.Char or CsvValueKind.Boolean or CsvValueKind.Uri or CsvValueKind.Version or CsvValueKind.Base64);

    private static bool IsCollection(ITypeSymbol type)
        => type.TypeKind == TypeKind.Array
           || type.SpecialType == SpecialType.System_Collections_IEnumerable
           || type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable);

    /// <summary>A class, record or struct of the application whose properties can become columns. Framework
    /// types (<c>System.*</c>) other than the scalars are not: their properties are not what a user means.</summary>
    private static bool IsFlattenable(INamedTypeSymbol type)
        => type.TypeKind is TypeKind.Class or TypeKind.Struct
           && type.SpecialType == SpecialType.None
           && !type.IsAbstract
           && !KnownTypes.IsFrameworkType(type);

    /// <summary>
    /// Only <c>[CsvIgnore]</c> removes a column: CSV columns are the public properties, and JSON attributes
    /// shape JSON only, so a JSON API can hide a member that an export still carries (and the other way round).
    /// </summary>
    private bool IsIgnored(IPropertySymbol property) => KnownSymbols.Attribute(property, _symbols.CsvIgnoreAttribute) is not null;

    private (string Name, int Order, string? Format) ReadColumn(IPropertySymbol property)
    {
        if (KnownSymbols.Attribute(property, _symbols.CsvColumnAttribute) is { } attribute)
        {
            var name = attribute.ConstructorArguments.FirstOrDefault().Value as string;
            int? order = null;
            string? format = null;
            foreach (var argument in attribute.NamedArguments)
            {
                switch (argument.Key)
                {
                    case "Name":
                        name = argument.Value.Value as string;
                        break;
                    case "Order":
                        order = argument.Value.Value as int?;
                        break;
                    case "Format":
                        format = argument.Value.Value as string;
                        break;
                }
            }

            return (string.IsNullOrEmpty(name) ? property.Name : name!, order ?? 0, string.IsNullOrEmpty(format) ? null : format);
        }

        return (property.Name, 0, null);
    }

    /// <summary>Two columns with one name make a file that no reader maps back; report the second.</summary>
    private bool HasUniqueHeaders(INamedTypeSymbol type, IEnumerable<CsvMemberSpec> members)
    {
        var seen = new HashSet<string>();
        foreach (var column in Leaves(members))
        {
            if (!seen.Add(column.Header))
            {
                Report(type.Name, $"two of its columns are named '{column.Header}'; give one of them another [CsvColumn] name");
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<CsvMemberSpec> Leaves(IEnumerable<CsvMemberSpec> members)
        => members.SelectMany(m => m.Kind == CsvValueKind.Object ? Leaves(m.Children) : new[] { m });

    private void Report(string member, string reason) => ReportAt(null, member, reason);

    /// <summary>Reports at the member that causes it, once however many methods stream its type; else at the method.</summary>
    private void ReportAt(ISymbol? cause, string member, string reason)
        => _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnwritableElement, SourceLocation.Of(cause) ?? _location, member, FormatName, reason));
}
