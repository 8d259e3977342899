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
/// (STRM003) and what is handed to <c>JsonSerializer</c> (STRM008).
/// </summary>
internal sealed class JsonTypeParser
{
    // The serializer's default MaxDepth: no JSON it writes nests deeper.
    private const int MaxDepth = 64;

    private static readonly string[] SequenceInterfaces =
    [
        "System.Collections.Generic.IEnumerable<T>",
        "System.Collections.Generic.ICollection<T>",
        "System.Collections.Generic.IList<T>",
        "System.Collections.Generic.IReadOnlyCollection<T>",
        "System.Collections.Generic.IReadOnlyList<T>",
        "System.Collections.Generic.ISet<T>",
        "System.Collections.Generic.IReadOnlySet<T>",
    ];

    private static readonly string[] SequenceClasses = ["System.Collections.Generic.List<T>", "System.Collections.Generic.HashSet<T>"];

    private static readonly string[] DictionaryInterfaces =
    [
        "System.Collections.Generic.IDictionary<TKey, TValue>",
        "System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>",
    ];

    private const string DictionaryClass = "System.Collections.Generic.Dictionary<TKey, TValue>";

    private readonly Location? _location;
    private readonly string _formatName;
    private readonly Compilation _compilation;
    private readonly CancellationToken _cancellationToken;
    private readonly List<JsonTypeSpec> _types = new();
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly Dictionary<string, string?> _objectWriters = new();
    private readonly Dictionary<string, string> _enumWriters = new();

    // The objects being read, outermost first, with the member being read in each: the path a cycle takes.
    private readonly List<(string Type, string Name, string? Member)> _reading = new();

    public JsonTypeParser(Location? location, string formatName, Compilation compilation, CancellationToken cancellationToken)
    {
        _location = location;
        _formatName = formatName;
        _compilation = compilation;
        _cancellationToken = cancellationToken;
    }

    public IReadOnlyList<JsonTypeSpec> Types => _types;

    public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics;

    /// <summary>Reads the element type; returns its writer, <c>global::</c>-qualified, or <see langword="null"/> (with diagnostics) if it cannot be written.</summary>
    public string? ParseRoot(ITypeSymbol type)
    {
        var where = type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
        var value = ParseValue(type, member: null, where, depth: 0);
        if (value is null)
        {
            return null;
        }

        if (value.Kind == JsonValueKind.Object && !value.IsNullableValueType)
        {
            return value.Detail;
        }

        var (writerNamespace, writerName) = JsonWriterNames.ForRootValue(type);
        var spec = new JsonTypeSpec(JsonWriterKind.Value, value.DeclaredType, where, writerNamespace, writerName, !value.IsReference, EquatableArray<JsonPropertySpec>.Empty, value, null);
        _types.Add(spec);
        return spec.QualifiedWriterName;
    }

    /// <summary>How a value of <paramref name="type"/> is written; <paramref name="member"/>'s <c>[JsonConverter]</c> applies to it (and to the <c>T</c> of a nullable).</summary>
    private JsonValueSpec? ParseValue(ITypeSymbol type, ISymbol? member, string where, int depth)
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
            converter = JsonAttributes.ConverterType(member, out hasConverter);
        }

        // A converter for T applies to the T of a Nullable<T> member, null being written by the serializer; a
        // converter for Nullable<T> itself gets the nullable value.
        if (KnownTypes.NullableUnderlying(type) is { } underlying && !(hasConverter && JsonAttributes.ConvertsExactly(converter, type)))
        {
            return ParseValue(underlying, member, where, depth) is { } inner ? inner with { IsNullableValueType = true } : null;
        }

        if (hasConverter)
        {
            return ParseMemberConverter(type, converter, where);
        }

        return ParseType(type, where, depth);
    }

    private JsonValueSpec? ParseMemberConverter(ITypeSymbol type, INamedTypeSymbol? converter, string where)
    {
        if (converter is null)
        {
            return Unwritable(where, "its [JsonConverter] attribute creates its converter at run time, which a generated writer cannot reproduce");
        }

        if (converter.TypeKind == TypeKind.Error)
        {
            // Still being typed: the compiler reports it, and nothing is generated until it compiles.
            return null;
        }

        var converterName = converter.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
        if (JsonAttributes.IsStringEnumConverter(converter))
        {
            if (type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
            {
                return Unwritable(where, $"[JsonConverter(typeof({converterName}))] applies to enums and System.Text.Json throws for this member");
            }

            if (converter.IsGenericType && !SymbolEqualityComparer.Default.Equals(converter.TypeArguments[0], enumType))
            {
                return Unwritable(where, $"{converterName} does not convert '{enumType.Name}' and System.Text.Json throws for this member");
            }

            return EnumByName(enumType);
        }

        if (converter.IsAbstract || !_compilation.IsSymbolAccessibleWithin(converter, _compilation.Assembly)
            || !converter.InstanceConstructors.Any(c => c.Parameters.Length == 0 && _compilation.IsSymbolAccessibleWithin(c, _compilation.Assembly)))
        {
            return Unwritable(where, $"its converter '{converterName}' has no parameterless constructor that generated code can call");
        }

        if (!Accessible(type, where))
        {
            return null;
        }

        Fallback(where, $"it has [JsonConverter(typeof({converterName}))]");
        return new JsonValueSpec(JsonValueKind.Converter, KnownTypes.Name(type), false, type.IsReferenceType, Detail: KnownTypes.Name(converter));
    }

    private JsonValueSpec? ParseType(ITypeSymbol type, string where, int depth)
    {
        if (type.TypeKind == TypeKind.Error)
        {
            // Half-typed code: the compiler already says what is wrong, and no writer is generated until it compiles.
            return null;
        }

        var display = type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
        if (JsonScalars.Unsupported(type) is { } unsupported)
        {
            return Unwritable(where, $"its type '{display}' {unsupported}");
        }

        if (depth > MaxDepth)
        {
            return Unwritable(where, $"its type nests more than {MaxDepth} levels deep, past System.Text.Json's maximum depth");
        }

        if (!Accessible(type, where))
        {
            return null;
        }

        var name = KnownTypes.Name(type);
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            var converter = JsonAttributes.ConverterType(enumType, out var hasConverter);
            if (hasConverter && converter is not null && JsonAttributes.IsStringEnumConverter(converter))
            {
                return EnumByName(enumType);
            }

            if (hasConverter)
            {
                return Serialized(type, where, $"'{enumType.Name}' has a custom [JsonConverter]");
            }

            return new JsonValueSpec(JsonValueKind.Number, name, false, false, Detail: JsonEnums.NumberType(enumType.EnumUnderlyingType?.SpecialType ?? SpecialType.System_Int32));
        }

        if (JsonScalars.Find(type) is { } scalar)
        {
            return scalar;
        }

        if (JsonAttributes.Has(type, JsonAttributes.NumberHandling))
        {
            return Unwritable(where, $"'{display}' has [JsonNumberHandling], which the generated writer does not reproduce");
        }

        JsonAttributes.ConverterType(type, out var typeHasConverter);
        if (typeHasConverter)
        {
            return Serialized(type, where, $"'{display}' has a custom [JsonConverter]");
        }

        if (type is IArrayTypeSymbol array)
        {
            return Collection(JsonValueKind.Array, name, array.ElementType, isInterface: false, where, depth);
        }

        if (type is INamedTypeSymbol { IsGenericType: true } generic)
        {
            var definition = generic.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
            if (SequenceClasses.Contains(definition) || SequenceInterfaces.Contains(definition))
            {
                return Collection(JsonValueKind.Array, name, generic.TypeArguments[0], generic.TypeKind == TypeKind.Interface, where, depth);
            }

            if ((definition == DictionaryClass || DictionaryInterfaces.Contains(definition)) && generic.TypeArguments[0].SpecialType == SpecialType.System_String)
            {
                return Collection(JsonValueKind.Dictionary, name, generic.TypeArguments[1], generic.TypeKind == TypeKind.Interface, where, depth);
            }
        }

        if (type.SpecialType == SpecialType.System_Object)
        {
            return Serialized(type, where, "its type is 'object', so what it holds is only known at run time");
        }

        if (type.TypeKind == TypeKind.Interface)
        {
            return Serialized(type, where, $"its type '{display}' is an interface");
        }

        if (JsonAttributes.Has(type, JsonAttributes.Polymorphic) || JsonAttributes.Has(type, JsonAttributes.DerivedType))
        {
            return Serialized(type, where, $"'{display}' is polymorphic ([JsonDerivedType])");
        }

        if (KnownTypes.Implements(type, "System.Collections.IEnumerable"))
        {
            return Serialized(type, where, $"'{display}' is a collection type the generated writer does not write itself");
        }

        if (IsFrameworkType(type))
        {
            return Serialized(type, where, $"'{display}' is a framework type the generated writer does not write itself");
        }

        if (type is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named)
        {
            return ParseObject(named, depth) is { } writer
                ? new JsonValueSpec(JsonValueKind.Object, name, false, !named.IsValueType, Detail: writer)
                : null;
        }

        return Unwritable(where, $"its type '{display}' is not a class, record, struct or enum");
    }

    private JsonValueSpec? Collection(JsonValueKind kind, string name, ITypeSymbol element, bool isInterface, string where, int depth)
        => ParseValue(element, member: null, where, depth + 1) is { } item
            ? new JsonValueSpec(kind, name, false, IsReference: true, Element: item, IsInterface: isInterface)
            : null;

    /// <summary>Reads a class, record or struct into its writer; returns the writer, or <see langword="null"/> (with diagnostics).</summary>
    private string? ParseObject(INamedTypeSymbol type, int depth)
    {
        var key = KnownTypes.Name(type);
        if (_objectWriters.TryGetValue(key, out var known))
        {
            return known;
        }

        var cycleStart = _reading.FindIndex(r => r.Type == key);
        if (cycleStart >= 0)
        {
            var path = string.Join(" → ", _reading.Skip(cycleStart).Select(r => $"{r.Name}.{r.Member}")) + " → " + type.Name;
            var last = _reading[_reading.Count - 1];
            Report($"{last.Name}.{last.Member}", $"the type graph has a cycle ({path}); a generated writer needs a finite shape — mark a member on the cycle [JsonIgnore] or stream a projection without it");
            return null;
        }

        _reading.Add((key, type.Name, null));
        var writer = ReadObject(type, depth);
        _reading.RemoveAt(_reading.Count - 1);
        _objectWriters[key] = writer;
        return writer;
    }

    private string? ReadObject(INamedTypeSymbol type, int depth)
    {
        var (members, error) = JsonMembers.Read(type, _compilation);
        if (error is not null)
        {
            Report(type.Name, error);
            return null;
        }

        var properties = new List<JsonPropertySpec>();
        var failed = false;
        foreach (var member in members)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var where = $"{type.Name}.{member.Symbol.Name}";
            _reading[_reading.Count - 1] = (_reading[_reading.Count - 1].Type, type.Name, member.Symbol.Name);
            var value = MemberValue(member, where, depth);
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
            return null;
        }

        var (writerNamespace, writerName) = JsonWriterNames.ForObject(type);
        var spec = new JsonTypeSpec(
            JsonWriterKind.Object,
            KnownTypes.Name(type),
            type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat),
            writerNamespace,
            writerName,
            type.IsValueType,
            properties.ToEquatableArray(),
            null,
            null);
        _types.Add(spec);
        return spec.QualifiedWriterName;
    }

    private JsonValueSpec? MemberValue(JsonMember member, string where, int depth)
    {
        if (JsonAttributes.Has(member.Symbol, JsonAttributes.NumberHandling))
        {
            return Unwritable(where, "it has [JsonNumberHandling], which the generated writer does not reproduce");
        }

        if (member.Access != MemberAccess.Direct && member.Symbol.ContainingType is { IsGenericType: true })
        {
            return Unwritable(where, "it is a non-public [JsonInclude] member of a generic type, which generated code cannot read; make it public or internal");
        }

        var value = ParseValue(member.Type, member.Symbol, where, depth + 1);
        if (value is not null && member.IsExtensionData
            && !(value.Kind == JsonValueKind.Dictionary && value.Element!.Type is "object" or "global::System.Text.Json.JsonElement"))
        {
            return Unwritable(where, "[JsonExtensionData] is supported on string-keyed dictionaries (Dictionary<string, object> or Dictionary<string, JsonElement>)");
        }

        return value;
    }

    private JsonValueSpec EnumByName(INamedTypeSymbol enumType)
    {
        var key = KnownTypes.Name(enumType);
        if (!_enumWriters.TryGetValue(key, out var writer))
        {
            var (writerNamespace, writerName) = JsonWriterNames.ForEnumNames(enumType);
            var spec = new JsonTypeSpec(
                JsonWriterKind.EnumNames,
                key,
                enumType.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat),
                writerNamespace,
                writerName,
                true,
                EquatableArray<JsonPropertySpec>.Empty,
                null,
                JsonEnums.Read(enumType));
            _types.Add(spec);
            _enumWriters[key] = writer = spec.QualifiedWriterName;
        }

        return new JsonValueSpec(JsonValueKind.EnumName, key, false, false, Detail: writer);
    }

    private JsonValueSpec Serialized(ITypeSymbol type, string where, string reason)
    {
        Fallback(where, reason);
        return new JsonValueSpec(JsonValueKind.Serializer, KnownTypes.Name(type), false, type.IsReferenceType);
    }

    /// <summary>Whether generated code (in this assembly) can name <paramref name="type"/>; reports STRM003 if not.</summary>
    private bool Accessible(ITypeSymbol type, string where)
    {
        if (_compilation.IsSymbolAccessibleWithin(type, _compilation.Assembly))
        {
            return true;
        }

        Report(where, $"its type '{type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)}' is not accessible to generated code; make it internal or public");
        return false;
    }

    private static bool IsFrameworkType(ITypeSymbol type)
        => type.ContainingNamespace?.ToDisplayString() is { } ns
           && (ns == "System" || ns.StartsWith("System.", System.StringComparison.Ordinal) || ns.StartsWith("Microsoft.", System.StringComparison.Ordinal));

    private JsonValueSpec? Unwritable(string where, string reason)
    {
        // Inside an object the user can leave the member out; the element type itself has to change.
        Report(where, _reading.Count > 0 ? reason + "; mark it [JsonIgnore] or stream a projection without it" : reason);
        return null;
    }

    private void Report(string member, string reason)
        => _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnwritableElement, _location, member, _formatName, reason));

    private void Fallback(string member, string reason)
        => _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SerializerFallback, _location, member, reason));
}
