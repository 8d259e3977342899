using System.Collections.Generic;
using Streaming.Generators.Model;

namespace Streaming.Generators.Emit;

/// <summary>
/// Emits one writer class: for an object, its property names as pre-encoded UTF-8 literals (<c>"id":</c>,
/// <c>,"name":</c>) and one write per member in the serializer's order; for any other root element type,
/// the write of that value. Values are written by <see cref="JsonValueEmitter"/>, enums by name by
/// <see cref="JsonEnumNamesEmitter"/>.
/// </summary>
internal static class JsonWriterEmitter
{
    private const string Output = "ref global::Streaming.JsonOutput output";

    public static string HintName(JsonTypeSpec type) => $"{type.WriterNamespace}.{type.WriterName}.g.cs";

    public static string Emit(JsonTypeSpec type)
    {
        if (type.Kind == JsonWriterKind.EnumNames)
        {
            return JsonEnumNamesEmitter.Emit(type);
        }

        var w = SourceWriter.WithHeader(type.Suppressions);
        using (w.Block($"namespace {type.WriterNamespace}"))
        {
            w.Line($"/// <summary>Writes {Doc.TypeReference(type)} as <c>JsonSerializer</c> does with <c>JsonSerializerOptions.Web</c>.</summary>");
            if (type.Unbounded)
            {
                w.Line("/// <remarks>A recursive type reaches it, so it can run at any depth: it enforces the serializer's maximum depth as it goes.</remarks>");
            }

            w.Line(Generated.CodeAttribute);
            // A reference type's writer takes null too: it writes JSON null, as the serializer does.
            var valueType = type.IsValueType ? type.Type : type.Type + "?";
            using (w.Block($"internal sealed class {type.WriterName} : global::Streaming.IJsonItemWriter<{valueType}>"))
            {
                var properties = type.Kind == JsonWriterKind.Object ? PropertyCodes(type) : [];
                EmitFields(w, type, properties);
                w.Line($"private {type.WriterName}()");
                w.Line("{");
                w.Line("}");
                w.Line();
                w.Line("/// <inheritdoc />");
                using (w.Block($"public static void Write({Output}, {valueType} value)"))
                {
                    var locals = new LocalNames();
                    if (type.Kind == JsonWriterKind.Value)
                    {
                        new JsonValueEmitter(w, locals).Write(type.Value!, "value", "item");
                    }
                    else
                    {
                        EmitObject(w, type, properties, locals);
                    }
                }

                EmitAccessors(w, type, properties);
            }
        }

        return w.ToString();
    }

    /// <summary>The fields and accessor names generated for each property, unique within the writer.</summary>
    private sealed record PropertyCode(JsonPropertySpec Property, string? Converter, string? Accessor);

    private static List<PropertyCode> PropertyCodes(JsonTypeSpec type)
    {
        var used = new HashSet<string>();
        string Unique(string name)
        {
            var unique = name;
            for (var i = 2; !used.Add(unique); i++)
            {
                unique = name + i;
            }

            return unique;
        }

        var fields = new List<PropertyCode>();
        foreach (var property in type.Properties)
        {
            var converter = property.Value.Kind == JsonValueKind.Converter ? Unique("s_" + property.MemberName + "Converter") : null;
            var accessor = property.Access == MemberAccess.Direct ? null : Unique("Read" + property.MemberName);
            fields.Add(new PropertyCode(property, converter, accessor));
        }

        return fields;
    }

    private static void EmitFields(SourceWriter w, JsonTypeSpec type, List<PropertyCode> properties)
    {
        var any = false;
        foreach (var field in properties)
        {
            if (field.Converter is not null)
            {
                w.Line($"private static readonly {field.Property.Value.Detail} {field.Converter} = new {field.Property.Value.Detail}();");
                any = true;
            }
        }

        if (any)
        {
            w.Line();
        }
    }

    /// <summary>Whether a property has certainly been written before this point of the object, certainly not, or it depends on the values.</summary>
    private enum Written
    {
        None,
        Some,
        Maybe,
    }

    private static bool IsConditional(JsonPropertySpec property) => property.IsExtensionData || property.IgnoreWhen != JsonIgnoreWhen.Never;

    private static void EmitObject(SourceWriter w, JsonTypeSpec type, List<PropertyCode> properties, LocalNames locals)
    {
        if (!type.IsValueType)
        {
            using (w.Block("if (value is null)"))
            {
                w.Line("output.WriteNull();");
                w.Line("return;");
            }

            w.Line();
        }

        if (properties.Count == 0)
        {
            w.Line($"output.WriteRaw({JsonLiteral.Utf8("{}")});");
            return;
        }

        // Objects and arrays are opened and closed through the output, which counts how deep it is.
        w.Line("output.WriteStartObject();");

        // A "," is needed before a property when one was written before it. That is known while the properties
        // so far are always written; after one that may be left out, a local tells.
        var separator = NeedsSeparator(properties) ? locals.Next("separator") : null;
        if (separator is not null)
        {
            w.Line($"var {separator} = false;");
        }

        var written = Written.None;
        var previousSpannedLines = false;
        foreach (var field in properties)
        {
            // Each member is written into a fragment first, so a member that takes a block stands apart.
            var fragment = w.Fragment();
            written = EmitProperty(fragment, type, field, new JsonValueEmitter(fragment, locals, type.Unbounded), locals, written, separator);
            var spansLines = fragment.LineCount > 2;
            if (spansLines || previousSpannedLines)
            {
                w.Line();
            }

            w.Append(fragment);
            previousSpannedLines = spansLines;
        }

        if (previousSpannedLines)
        {
            w.Line();
        }

        w.Line("output.WriteEndObject();");
    }

    private static bool NeedsSeparator(List<PropertyCode> properties)
    {
        var written = Written.None;
        foreach (var field in properties)
        {
            if (IsConditional(field.Property))
            {
                if (written != Written.Some)
                {
                    return true;
                }
            }
            else
            {
                written = Written.Some;
            }
        }

        return false;
    }

    /// <summary>Writes one property; returns what is known, after it, about properties written.</summary>
    private static Written EmitProperty(SourceWriter w, JsonTypeSpec type, PropertyCode field, JsonValueEmitter values, LocalNames locals, Written written, string? separator)
    {
        var property = field.Property;
        var read = Read(type, field);
        if (property.IsExtensionData)
        {
            // The serializer writes the extension data's entries as properties, after all the others.
            var entries = locals.Next(property.MemberName);
            w.Line($"var {entries} = {read};");
            using (w.Block($"if ({entries} is not null)"))
            {
                values.WriteEntries(property.Value, entries, written == Written.Some ? null : separator);
            }

            return written == Written.Some ? Written.Some : Written.Maybe;
        }

        if (property.IgnoreWhen == JsonIgnoreWhen.Never)
        {
            WriteName(w, property.JsonName, written, separator);
            values.Write(property.Value, read, property.MemberName, field.Converter);
            return Written.Some;
        }

        var local = locals.Next(property.MemberName);
        w.Line($"var {local} = {read};");
        var isWritten = property.Value.CanBeNull
            ? $"{local} is not null"
            : $"!global::System.Collections.Generic.EqualityComparer<{property.Value.Type}>.Default.Equals({local}, default)";
        using (w.Block($"if ({isWritten})"))
        {
            WriteName(w, property.JsonName, written == Written.Some ? Written.Some : Written.Maybe, separator);
            values.Write(property.Value, local, property.MemberName, field.Converter);
        }

        return written == Written.Some ? Written.Some : Written.Maybe;
    }

    /// <summary>Writes <c>"name":</c>, after a <c>,</c> when a property was written before it.</summary>
    private static void WriteName(SourceWriter w, string jsonName, Written written, string? separator)
    {
        var name = JsonLiteral.String(jsonName) + ":";
        switch (written)
        {
            case Written.None:
                w.Line($"output.WriteRaw({JsonLiteral.Utf8(name)});");
                break;
            case Written.Some:
                w.Line($"output.WriteRaw({JsonLiteral.Utf8("," + name)});");
                break;
            default:
                w.Line($"output.WriteSeparator(ref {separator});");
                w.Line($"output.WriteRaw({JsonLiteral.Utf8(name)});");
                break;
        }
    }

    /// <summary>How the member is read: directly, through its declaring type when a derived member hides it, or through an accessor.</summary>
    private static string Read(JsonTypeSpec type, PropertyCode field)
    {
        var property = field.Property;
        if (field.Accessor is not null)
        {
            return type.IsValueType ? $"{field.Accessor}(ref value)" : $"{field.Accessor}(value)";
        }

        var member = Code.Identifier(property.MemberName);
        return property.DeclaringType == type.Type ? $"value.{member}" : $"(({property.DeclaringType})value).{member}";
    }

    /// <summary><c>[UnsafeAccessor]</c>s for the <c>[JsonInclude]</c> members generated code cannot see: no reflection, safe under NativeAOT.</summary>
    private static void EmitAccessors(SourceWriter w, JsonTypeSpec type, List<PropertyCode> properties)
    {
        foreach (var field in properties)
        {
            if (field.Accessor is null)
            {
                continue;
            }

            var property = field.Property;
            var owner = type.IsValueType ? $"ref {property.DeclaringType} value" : $"{property.DeclaringType} value";
            var isField = property.Access == MemberAccess.FieldAccessor;
            var kind = isField ? "Field" : "Method";
            var member = isField ? property.MemberName : "get_" + property.MemberName;
            w.Line();
            w.Line($"[global::System.Runtime.CompilerServices.UnsafeAccessor(global::System.Runtime.CompilerServices.UnsafeAccessorKind.{kind}, Name = {Code.Literal(member)})]");
            w.Line($"private static extern {(isField ? "ref " : "")}{property.Value.DeclaredType} {field.Accessor}({owner});");
        }
    }
}
