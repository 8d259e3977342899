using System.Collections.Generic;
using Streaming.Generators.Model;

namespace Streaming.Generators.Emit;

/// <summary>
/// Emits one writer class: for an object, pre-encoded property names and one write per member in the
/// serializer's order; for any other root element type, the write of that value. Values are written by
/// <see cref="JsonValueEmitter"/>, enums by name by <see cref="JsonEnumNamesEmitter"/>.
/// </summary>
internal static class JsonWriterEmitter
{
    private const string Writer = "global::System.Text.Json.Utf8JsonWriter";

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
                using (w.Block($"public static void Write({Writer} writer, {valueType} value)"))
                {
                    var locals = new LocalNames();
                    if (type.Kind == JsonWriterKind.Value)
                    {
                        new JsonValueEmitter(w, locals).Write(type.Value!, "value", null, "item");
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
    private sealed record PropertyCode(JsonPropertySpec Property, string Name, string? Converter, string? Accessor);

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
            var name = property.IsExtensionData ? "" : Unique("s_" + property.MemberName);
            var converter = property.Value.Kind == JsonValueKind.Converter ? Unique("s_" + property.MemberName + "Converter") : null;
            var accessor = property.Access == MemberAccess.Direct ? null : Unique("Read" + property.MemberName);
            fields.Add(new PropertyCode(property, name, converter, accessor));
        }

        return fields;
    }

    private static void EmitFields(SourceWriter w, JsonTypeSpec type, List<PropertyCode> properties)
    {
        foreach (var field in properties)
        {
            if (!field.Property.IsExtensionData)
            {
                w.Line($"private static readonly global::System.Text.Json.JsonEncodedText {field.Name} = global::System.Text.Json.JsonEncodedText.Encode({Code.Literal(field.Property.JsonName)});");
            }

            if (field.Converter is not null)
            {
                w.Line($"private static readonly {field.Property.Value.Detail} {field.Converter} = new {field.Property.Value.Detail}();");
            }
        }

        if (properties.Count > 0)
        {
            w.Line();
        }
    }

    private static void EmitObject(SourceWriter w, JsonTypeSpec type, List<PropertyCode> properties, LocalNames locals)
    {
        if (!type.IsValueType)
        {
            using (w.Block("if (value is null)"))
            {
                w.Line("writer.WriteNullValue();");
                w.Line("return;");
            }

            w.Line();
        }

        w.Line("writer.WriteStartObject();");
        var previousSpannedLines = false;
        foreach (var field in properties)
        {
            // Each member is written into a fragment first, so a member that takes a block stands apart.
            var fragment = w.Fragment();
            EmitProperty(fragment, type, field, new JsonValueEmitter(fragment, locals, type.Unbounded), locals);
            var spansLines = fragment.LineCount > 1;
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

        w.Line("writer.WriteEndObject();");
    }

    private static void EmitProperty(SourceWriter w, JsonTypeSpec type, PropertyCode field, JsonValueEmitter values, LocalNames locals)
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
                values.WriteEntries(property.Value, entries);
            }

            return;
        }

        if (property.IgnoreWhen == JsonIgnoreWhen.Never)
        {
            values.Write(property.Value, read, field.Name, property.MemberName, field.Converter);
            return;
        }

        var local = locals.Next(property.MemberName);
        w.Line($"var {local} = {read};");
        var written = property.Value.CanBeNull
            ? $"{local} is not null"
            : $"!global::System.Collections.Generic.EqualityComparer<{property.Value.Type}>.Default.Equals({local}, default)";
        using (w.Block($"if ({written})"))
        {
            values.Write(property.Value, local, field.Name, property.MemberName, field.Converter);
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
