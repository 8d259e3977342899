using Streaming.Generators.Model;

namespace Streaming.Generators.Emit;

/// <summary>Emits the <c>IJsonItemWriter&lt;T&gt;</c> of one type: pre-encoded names, one write call per property.</summary>
internal static class JsonWriterEmitter
{
    public static string HintName(JsonTypeSpec type) => $"{type.WriterNamespace}.{type.WriterName}.g.cs";

    public static string Emit(JsonTypeSpec type)
    {
        var w = SourceWriter.WithHeader();
        using (w.Block($"namespace {type.WriterNamespace}"))
        {
            w.Line($"/// <summary>Writes <see cref=\"{type.Type}\"/> as <c>JsonSerializer</c> does with <c>JsonSerializerOptions.Web</c>.</summary>");
            w.Line(Generated.CodeAttribute);
            using (w.Block($"internal sealed class {type.WriterName} : global::Streaming.IJsonItemWriter<{type.Type}>"))
            {
                foreach (var property in type.Properties)
                {
                    w.Line($"private static readonly global::System.Text.Json.JsonEncodedText {FieldName(property)} = global::System.Text.Json.JsonEncodedText.Encode({Literal(property.JsonName)});");
                }

                w.Line();
                w.Line($"private {type.WriterName}()");
                w.Line("{");
                w.Line("}");
                w.Line();
                w.Line("/// <inheritdoc />");
                using (w.Block($"public static void Write(global::System.Text.Json.Utf8JsonWriter writer, {type.Type} value)"))
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
                    foreach (var property in type.Properties)
                    {
                        WriteProperty(w, property);
                    }

                    w.Line("writer.WriteEndObject();");
                }
            }
        }

        return w.ToString();
    }

    private static void WriteProperty(SourceWriter w, JsonPropertySpec property)
    {
        var name = FieldName(property);
        var access = $"value.{property.MemberName}";
        var value = property.Value;
        if (value.IsNullableValueType)
        {
            var local = "@" + char.ToLowerInvariant(property.MemberName[0]) + property.MemberName.Substring(1);
            using (w.Block($"if ({access} is {{ }} {local})"))
            {
                w.Line(WriteCall(name, local, value));
            }

            using (w.Block("else"))
            {
                w.Line($"writer.WriteNull({name});");
            }

            return;
        }

        // Utf8JsonWriter.WriteString writes JSON null for a null string, as the serializer does.
        w.Line(WriteCall(name, access, value));
    }

    private static string WriteCall(string name, string access, JsonValueSpec value) => value.Kind switch
    {
        JsonValueKind.String or JsonValueKind.DateTime or JsonValueKind.DateTimeOffset or JsonValueKind.Guid
            => $"writer.WriteString({name}, {access});",
        JsonValueKind.Boolean => $"writer.WriteBoolean({name}, {access});",
        JsonValueKind.Number when value.NumberType is { } cast => $"writer.WriteNumber({name}, ({cast}){access});",
        _ => $"writer.WriteNumber({name}, {access});",
    };

    private static string FieldName(JsonPropertySpec property) => "s_" + property.MemberName;

    private static string Literal(string text) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, quote: true);
}
