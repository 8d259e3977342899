using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Streaming.Generators.Diagnostics;
using Streaming.Generators.Model;

namespace Streaming.Generators.Parsing;

/// <summary>
/// Reads an element type, and every type it reaches, into the <see cref="JsonTypeSpec"/>s of the writers that
/// write it as System.Text.Json does with <c>JsonSerializerOptions.Web</c>. Reports what cannot be written
/// (STRM003) and what is handed to <c>JsonSerializer</c> (STRM008), each once, at the member that causes it.
/// </summary>
internal sealed class JsonTypeParser
{
    // The serializer's default MaxDepth: no finite shape it writes nests deeper.
    private const int MaxDepth = 64;

    private readonly Location? _location;
    private readonly string _formatName;
    private readonly KnownSymbols _symbols;
    private readonly CancellationToken _cancellationToken;
    private readonly List<JsonTypeSpec> _types = new();
    private readonly List<DiagnosticInfo> _diagnostics = new();

    // Object writers by type: the writer's name (known before its members are read, so a recursive type can
    // refer to itself), or null when the type cannot be written.
    private readonly Dictionary<string, string?> _objectWriters = new();
    private readonly Dictionary<string, string> _enumWriters = new();

    // The objects being read, outermost first, with the member being read in each: the path a cycle takes.
    private readonly List<(string Type, INamedTypeSymbol Symbol, ISymbol? Member)> _reading = new();
    private readonly List<IReadOnlyList<(INamedTypeSymbol Type, ISymbol? Member)>> _cycles = new();

    public JsonTypeParser(Location? location, string formatName, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        _location = location;
        _formatName = formatName;
        _symbols = symbols;
        _cancellationToken = cancellationToken;
    }

    public IReadOnlyList<JsonTypeSpec> Types => _types;

    public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics;

    private Compilation Compilation => _symbols.Compilation;

    /// <summary>Reads the element type; returns its writer, <c>global::</c>-qualified, or <see langword="null"/> (with diagnostics) if it cannot be written.</summary>
    public string? ParseRoot(ITypeSymbol type)
    {
        var where = KnownTypes.Display(type);
        var value = ParseValue(type, member: null, JsonNumberWrite.Plain, where, depth: 0);
        if (value is null)
        {
            return null;
        }

        NavigationCycles.Report(_cycles, _location, _diagnostics);
        MarkUnbounded();
        if (value.Kind == JsonValueKind.Object && !value.IsNullableValueType)
        {
            return value.Detail;
        }

        var (writerNamespace, writerName) = GeneratedNames.JsonRootValueWriter(type);
        var spec = new JsonTypeSpec(
            JsonWriterKind.Value, value.DeclaredType, where, writerNamespace, writerName, !value.IsReference,
            EquatableArray<JsonPropertySpec>.Empty, value, null, Unbounded: false, new ObsoleteUses(_symbols).Note(type).Ids);
        _types.Add(spec);
        return spec.QualifiedWriterName;
    }

    /// <summary>How a value of <paramref name="type"/> is written; <paramref name="member"/>'s <c>[JsonConverter]</c> applies to it (and to the <c>T</c> of a nullable).</summary>
    private JsonValueSpec? ParseValue(ITypeSymbol type, ISymbol? member, JsonNumberWrite numbers, string where, int depth)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated)
        {
            // Every reference may be null at run time; the annotation changes nothing in what is written.
            type = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
        }

        INamedTypeSymbol? converter = null;
        var hasConverter = false;
        if (member is not null)
        {
            converter = JsonAttributes.ConverterType(member, _symbols, out hasConverter);
        }

        // A converter for T applies to the T of a Nullable<T> member, null being written by the serializer; a
        // converter for Nullable<T> itself gets the nullable value.
        if (KnownTypes.NullableUnderlying(type) is { } underlying && !(hasConverter && JsonAttributes.ConvertsExactly(converter, type, _symbols)))
        {
            return ParseValue(underlying, member, numbers, where, depth) is { } inner ? inner with { IsNullableValueType = true } : null;
        }

        if (hasConverter)
        {
            return ParseMemberConverter(type, member!, converter, where);
        }

        return ParseType(type, member, numbers, where, depth);
    }

    private JsonValueSpec? ParseMemberConverter(ITypeSymbol type, ISymbol member, INamedTypeSymbol? converter, string where)
    {
        if (converter is null)
        {
            return Unwritable(member, where, "its [JsonConverter] attribute creates its converter at run time, which a generated writer cannot reproduce");
        }

        if (converter.TypeKind == TypeKind.Error)
        {
            // Still being typed: the compiler reports it, and nothing is generated until it compiles.
            return null;
        }

        var converterName = KnownTypes.Display(converter);
        if (JsonAttributes.IsStringEnumConverter(converter, _symbols))
        {
            if (type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
            {
                return Unwritable(member, where, $"[JsonConverter(typeof({converterName}))] applies to enums and System.Text.Json throws for this member");
            }

            if (converter.IsGenericType && !SymbolEqualityComparer.Default.Equals(converter.TypeArguments[0], enumType))
            {
                return Unwritable(member, where, $"{converterName} does not convert '{enumType.Name}' and System.Text.Json throws for this member");
            }

            return EnumByName(enumType);
        }

        if (converter.IsAbstract || !Compilation.IsSymbolAccessibleWithin(converter, Compilation.Assembly)
            || !converter.InstanceConstructors.Any(c => c.Parameters.Length == 0 && Compilation.IsSymbolAccessibleWithin(c, Compilation.Assembly)))
        {
            return Unwritable(member, where, $"its converter '{converterName}' has no parameterless constructor that generated code can call");
        }

        if (!Accessible(type, member, where))
        {
            return null;
        }

        Fallback(member, where, $"it has [JsonConverter(typeof({converterName}))]");
        return new JsonValueSpec(JsonValueKind.Converter, KnownTypes.Name(type), false, type.IsReferenceType, Detail: KnownTypes.Name(converter));
    }

    private JsonValueSpec? ParseType(ITypeSymbol type, ISymbol? member, JsonNumberWrite numbers, string where, int depth)
    {
        if (type.TypeKind == TypeKind.Error)
        {
            // Half-typed code: the compiler already says what is wrong, and no writer is generated until it compiles.
            return null;
        }

        var display = KnownTypes.Display(type);
        if (JsonScalars.Unsupported(type, _symbols) is { } unsupported)
        {
            return Unwritable(member, where, $"its type '{display}' {unsupported}");
        }

        if (depth > MaxDepth)
        {
            return Unwritable(member, where, $"its type nests more than {MaxDepth} levels deep, past System.Text.Json's maximum depth");
        }

        if (!Accessible(type, member, where))
        {
            return null;
        }

        var name = KnownTypes.Name(type);
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            var converter = JsonAttributes.ConverterType(enumType, _symbols, out var hasConverter);
            if (hasConverter && converter is not null && JsonAttributes.IsStringEnumConverter(converter, _symbols))
            {
                return EnumByName(enumType);
            }

            if (hasConverter)
            {
                return Serialized(type, member, where, $"'{enumType.Name}' has a custom [JsonConverter]");
            }

            // [JsonNumberHandling] does not reach enums: their converter is not a number converter.
            return new JsonValueSpec(JsonValueKind.Number, name, false, false, Detail: JsonEnums.NumberType(enumType.EnumUnderlyingType?.SpecialType ?? SpecialType.System_Int32));
        }

        if (JsonScalars.Find(type, _symbols) is { } scalar)
        {
            return scalar.Kind == JsonValueKind.Number || JsonScalars.IsFormattedNumber(scalar) ? scalar with { Numbers = numbers } : scalar;
        }

        JsonAttributes.ConverterType(type, _symbols, out var typeHasConverter);
        if (typeHasConverter)
        {
            return Serialized(type, member, where, $"'{display}' has a custom [JsonConverter]");
        }

        if (type is IArrayTypeSymbol array)
        {
            return Collection(name, array.ElementType, isInterface: false, isReference: true, member, numbers, where, depth);
        }

        if (type is INamedTypeSymbol { IsGenericType: true } generic)
        {
            var arguments = generic.TypeArguments;
            if (KnownSymbols.Is(generic, _symbols.ListOfT) || KnownSymbols.Is(generic, _symbols.HashSetOfT)
                || KnownSymbols.Is(generic, _symbols.ImmutableListOfT) || KnownSymbols.IsAny(generic, _symbols.SequenceInterfaces))
            {
                return Collection(name, arguments[0], generic.TypeKind == TypeKind.Interface, isReference: true, member, numbers, where, depth);
            }

            if (KnownSymbols.Is(generic, _symbols.ImmutableArrayOfT))
            {
                // A struct: never null, and the serializer refuses a default one as enumerating it does.
                return Collection(name, arguments[0], isInterface: false, isReference: false, member, numbers, where, depth);
            }

            if ((KnownSymbols.Is(generic, _symbols.DictionaryOfTKeyTValue) || KnownSymbols.IsAny(generic, _symbols.DictionaryInterfaces))
                && JsonScalars.PropertyNameKey(arguments[0], _symbols) is { } key)
            {
                return ParseValue(arguments[1], member: null, numbers, where, depth + 1) is { } entry
                    ? new JsonValueSpec(JsonValueKind.Dictionary, name, false, IsReference: true, Element: entry, IsInterface: generic.TypeKind == TypeKind.Interface, Key: key)
                    : null;
            }
        }

        if (type.SpecialType == SpecialType.System_Object)
        {
            return Serialized(type, member, where, "its type is 'object', so what it holds is only known at run time");
        }

        if (type.TypeKind == TypeKind.Interface)
        {
            return Serialized(type, member, where, $"its type '{display}' is an interface");
        }

        if (JsonAttributes.Has(type, _symbols.JsonPolymorphicAttribute) || JsonAttributes.Has(type, _symbols.JsonDerivedTypeAttribute))
        {
            return Serialized(type, member, where, $"'{display}' is polymorphic ([JsonDerivedType])");
        }

        if (type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable))
        {
            return Serialized(type, member, where, $"'{display}' is a collection type the generated writer does not write itself");
        }

        if (KnownTypes.IsFrameworkType(type))
        {
            return Serialized(type, member, where, $"'{display}' is a framework type the generated writer does not write itself");
        }

        if (type is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named)
        {
            return ParseObject(named, depth) is { } writer
                ? new JsonValueSpec(JsonValueKind.Object, name, false, !named.IsValueType, Detail: writer)
                : null;
        }

        return Unwritable(member, where, $"its type '{display}' is not a class, record, struct or enum");
    }

    /// <summary>A JSON array of <paramref name="element"/>s; a member's number handling reaches the items, as in the serializer.</summary>
    private JsonValueSpec? Collection(string name, ITypeSymbol element, bool isInterface, bool isReference, ISymbol? member, JsonNumberWrite numbers, string where, int depth)
        => ParseValue(element, member: null, numbers, where, depth + 1) is { } item
            ? new JsonValueSpec(JsonValueKind.Array, name, false, isReference, Element: item, IsInterface: isInterface)
            : null;

    /// <summary>Reads a class, record or struct into its writer; returns the writer, or <see langword="null"/> (with diagnostics).</summary>
    private string? ParseObject(INamedTypeSymbol type, int depth)
    {
        var key = KnownTypes.Name(type);
        var cycleStart = _reading.FindIndex(r => r.Type == key);
        if (cycleStart >= 0)
        {
            // A recursive type: its writer calls itself, and the depth limit is enforced at run time.
            _cycles.Add(_reading.Skip(cycleStart).Select(r => (r.Symbol, r.Member)).ToList());
        }

        if (_objectWriters.TryGetValue(key, out var known))
        {
            return known;
        }

        var (writerNamespace, writerName) = GeneratedNames.JsonObjectWriter(type);
        var writer = $"global::{writerNamespace}.{writerName}";
        _objectWriters[key] = writer;
        _reading.Add((key, type, null));
        var read = ReadObject(type, writerNamespace, writerName, depth);
        _reading.RemoveAt(_reading.Count - 1);
        if (!read)
        {
            _objectWriters[key] = null;
            return null;
        }

        return writer;
    }

    private bool ReadObject(INamedTypeSymbol type, string writerNamespace, string writerName, int depth)
    {
        var (members, error) = JsonMembers.Read(type, _symbols);
        if (error is not null)
        {
            Report(error.Value.Member ?? type, type.Name, error.Value.Reason);
            return false;
        }

        var obsolete = new ObsoleteUses(_symbols).Note(type);
        var typeNumbers = NumberWrite(JsonAttributes.NumberHandling(type, _symbols));
        var properties = new List<JsonPropertySpec>();
        var failed = false;
        foreach (var member in members)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var where = $"{type.Name}.{member.Symbol.Name}";
            _reading[_reading.Count - 1] = (_reading[_reading.Count - 1].Type, type, member.Symbol);
            obsolete.Note(member.Symbol).Note(member.Type).Note(JsonAttributes.ConverterType(member.Symbol, _symbols, out _));
            var numbers = JsonAttributes.NumberHandling(member.Symbol, _symbols) is { } handling ? NumberWrite(handling) : typeNumbers;
            var value = MemberValue(member, numbers, where, depth);
            if (value is null)
            {
                failed = true;
                continue;
            }

            properties.Add(new JsonPropertySpec(
                member.Symbol.Name,
                member.JsonName,
                value,
                member.IgnoreWhen,
                member.Access,
                KnownTypes.Name(member.NeedsCast || member.Access != MemberAccess.Direct ? member.Symbol.ContainingType : type),
                member.IsExtensionData));
        }

        if (failed)
        {
            return false;
        }

        _types.Add(new JsonTypeSpec(
            JsonWriterKind.Object,
            KnownTypes.Name(type),
            KnownTypes.Display(type),
            writerNamespace,
            writerName,
            type.IsValueType,
            properties.ToEquatableArray(),
            null,
            null,
            Unbounded: false,
            obsolete.Ids));
        return true;
    }

    private JsonValueSpec? MemberValue(JsonMember member, JsonNumberWrite numbers, string where, int depth)
    {
        if (member.Access != MemberAccess.Direct && member.Symbol.ContainingType is { IsGenericType: true })
        {
            return Unwritable(member.Symbol, where, "it is a non-public [JsonInclude] member of a generic type, which generated code cannot read; make it public or internal");
        }

        var value = ParseValue(member.Type, member.Symbol, numbers, where, depth + 1);
        if (value is not null && member.IsExtensionData
            && !(value.Kind == JsonValueKind.Dictionary && value.Key!.Kind == JsonValueKind.String
                 && value.Element!.Type is "object" or "global::System.Text.Json.JsonElement"))
        {
            return Unwritable(member.Symbol, where, "[JsonExtensionData] is supported on string-keyed dictionaries (Dictionary<string, object> or Dictionary<string, JsonElement>)");
        }

        return value;
    }

    /// <summary>What <c>JsonNumberHandling</c> flags change on the write side.</summary>
    private static JsonNumberWrite NumberWrite(int? handling)
        => (((handling ?? 0) & 2) != 0 ? JsonNumberWrite.AsString : JsonNumberWrite.Plain)
           | (((handling ?? 0) & 4) != 0 ? JsonNumberWrite.NamedLiterals : JsonNumberWrite.Plain);

    private JsonValueSpec EnumByName(INamedTypeSymbol enumType)
    {
        var key = KnownTypes.Name(enumType);
        if (!_enumWriters.TryGetValue(key, out var writer))
        {
            var (writerNamespace, writerName) = GeneratedNames.JsonEnumNames(enumType);
            var obsolete = new ObsoleteUses(_symbols).Note(enumType);
            foreach (var field in enumType.GetMembers().OfType<IFieldSymbol>())
            {
                obsolete.Note(field);
            }

            var spec = new JsonTypeSpec(
                JsonWriterKind.EnumNames,
                key,
                KnownTypes.Display(enumType),
                writerNamespace,
                writerName,
                true,
                EquatableArray<JsonPropertySpec>.Empty,
                null,
                JsonEnums.Read(enumType, _symbols),
                Unbounded: false,
                obsolete.Ids);
            _types.Add(spec);
            _enumWriters[key] = writer = spec.QualifiedWriterName;
        }

        return new JsonValueSpec(JsonValueKind.EnumName, key, false, false, Detail: writer);
    }

    /// <summary>
    /// Marks the writers a recursive type reaches (itself included): they can run at any depth, so they enforce the
    /// serializer's maximum depth. Every other writer nests no deeper than its type, which is checked here.
    /// </summary>
    private void MarkUnbounded()
    {
        if (_cycles.Count == 0)
        {
            return;
        }

        var byWriter = _types.ToDictionary(t => t.QualifiedWriterName);
        var pending = new Stack<string>(_cycles.SelectMany(c => c).Select(r => _objectWriters[KnownTypes.Name(r.Type)]).OfType<string>());
        var unbounded = new HashSet<string>();
        while (pending.Count > 0)
        {
            var writer = pending.Pop();
            if (!unbounded.Add(writer) || !byWriter.TryGetValue(writer, out var spec))
            {
                continue;
            }

            foreach (var property in spec.Properties)
            {
                foreach (var reached in ObjectWriters(property.Value))
                {
                    pending.Push(reached);
                }
            }
        }

        for (var i = 0; i < _types.Count; i++)
        {
            if (_types[i].Kind == JsonWriterKind.Object && unbounded.Contains(_types[i].QualifiedWriterName))
            {
                _types[i] = _types[i] with { Unbounded = true };
            }
        }
    }

    private static IEnumerable<string> ObjectWriters(JsonValueSpec value)
    {
        for (var current = value; current is not null; current = current.Element)
        {
            if (current.Kind == JsonValueKind.Object && current.Detail is { } writer)
            {
                yield return writer;
            }
        }
    }

    private JsonValueSpec Serialized(ITypeSymbol type, ISymbol? member, string where, string reason)
    {
        Fallback(member, where, reason);
        return new JsonValueSpec(JsonValueKind.Serializer, KnownTypes.Name(type), false, type.IsReferenceType);
    }

    /// <summary>Whether generated code (in this assembly) can name <paramref name="type"/>; reports STRM003 if not.</summary>
    private bool Accessible(ITypeSymbol type, ISymbol? member, string where)
    {
        if (KnownTypes.IsPublic(type) || Compilation.IsSymbolAccessibleWithin(type, Compilation.Assembly))
        {
            return true;
        }

        Report(member, where, $"its type '{KnownTypes.Display(type)}' is not accessible to generated code; make it internal or public");
        return false;
    }

    private JsonValueSpec? Unwritable(ISymbol? member, string where, string reason)
    {
        // Inside an object the user can leave the member out; the element type itself has to change.
        Report(member, where, _reading.Count > 0 ? reason + "; mark it [JsonIgnore] or stream a projection without it" : reason);
        return null;
    }

    private void Report(ISymbol? cause, string member, string reason)
        => _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnwritableElement, Where(cause), member, _formatName, reason));

    private void Fallback(ISymbol? cause, string member, string reason)
        => _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SerializerFallback, Where(cause), member, reason));

    /// <summary>The member that causes a diagnostic (or the one being read), where it is declared; else the method.</summary>
    private Location? Where(ISymbol? cause)
        => SourceLocation.Of(cause ?? (_reading.Count > 0 ? _reading[_reading.Count - 1].Member : null)) ?? _location;
}
