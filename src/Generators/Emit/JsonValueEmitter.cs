using System.Linq;
using Streaming.Generators.Model;

namespace Streaming.Generators.Emit;

/// <summary>
/// How each kind of value is written: the one place that turns a <see cref="JsonValueSpec"/> into
/// <c>Utf8JsonWriter</c> calls, either as a property (with a pre-encoded name) or as a plain value (an array
/// item, a root element). Null is written wherever the serializer writes it.
/// </summary>
internal sealed class JsonValueEmitter
{
    private readonly SourceWriter _w;
    private readonly LocalNames _locals;

    public JsonValueEmitter(SourceWriter w, LocalNames locals)
    {
        _w = w;
        _locals = locals;
    }

    /// <summary>Writes <paramref name="value"/>, an expression read once.</summary>
    /// <param name="spec">How the value is written.</param>
    /// <param name="value">The C# expression of the value.</param>
    /// <param name="name">The property name (a <c>JsonEncodedText</c> or <c>string</c> expression), or <see langword="null"/> for a plain value.</param>
    /// <param name="hint">A word to name locals after.</param>
    /// <param name="converter">For <see cref="JsonValueKind.Converter"/>, the field holding the converter.</param>
    public void Write(JsonValueSpec spec, string value, string? name, string hint, string? converter = null)
    {
        if (spec.IsNullableValueType)
        {
            var local = _locals.Next(hint);
            using (_w.Block($"if ({value} is {{ }} {local})"))
            {
                WriteValue(spec, local, name, hint, converter);
            }

            using (_w.Block("else"))
            {
                WriteNull(name);
            }

            return;
        }

        WriteValue(spec, value, name, hint, converter);
    }

    private void WriteValue(JsonValueSpec spec, string value, string? name, string hint, string? converter)
    {
        switch (spec.Kind)
        {
            case JsonValueKind.String:
                // Utf8JsonWriter writes null for a null string, as the serializer does.
                Call("WriteString", name, value);
                break;
            case JsonValueKind.Boolean:
                Call("WriteBoolean", name, value);
                break;
            case JsonValueKind.Number:
                Call("WriteNumber", name, spec.Detail is { } cast ? $"({cast}){value}" : value);
                break;
            case JsonValueKind.Base64:
                WhenNotNull(value, name, hint, local => Call("WriteBase64String", name, local));
                break;
            case JsonValueKind.Formatted:
                // These methods write null themselves for a null Uri or Version.
                PropertyName(name);
                _w.Line($"global::Streaming.JsonValues.{spec.Detail}(writer, {value});");
                break;
            case JsonValueKind.Json:
                WriteJson(spec, value, name, hint);
                break;
            case JsonValueKind.EnumName or JsonValueKind.Object:
                // Object writers write null themselves.
                PropertyName(name);
                _w.Line($"{spec.Detail}.Write(writer, {value});");
                break;
            case JsonValueKind.Array:
                WhenNotNull(value, name, hint, local => WriteArray(spec, local, name));
                break;
            case JsonValueKind.Dictionary:
                WhenNotNull(value, name, hint, local => WriteDictionary(spec, local, name));
                break;
            case JsonValueKind.Serializer:
                PropertyName(name);
                _w.Line($"global::Streaming.JsonFallback.Write<{Nullable(spec)}>(writer, {value});");
                break;
            case JsonValueKind.Converter:
                PropertyName(name);
                _w.Line($"global::Streaming.JsonFallback.Write<{Nullable(spec)}>(writer, {value}, {converter});");
                break;
        }
    }

    /// <summary>Writes the entries of a string-keyed dictionary as properties of the current object (for <c>[JsonExtensionData]</c>).</summary>
    public void WriteEntries(JsonValueSpec dictionary, string value)
    {
        var entry = _locals.Next("entry");
        using (_w.Block($"foreach (var {entry} in {Enumerable(dictionary, value)})"))
        {
            Write(dictionary.Element!, $"{entry}.Value", $"{entry}.Key", entry + "Value");
        }
    }

    /// <summary>JsonElement and JsonDocument write themselves; a JsonNode writes its values with the serializer's options, as its converter does.</summary>
    private void WriteJson(JsonValueSpec spec, string value, string? name, string hint)
    {
        var isNode = !spec.Type.EndsWith(".JsonElement", System.StringComparison.Ordinal) && !spec.Type.EndsWith(".JsonDocument", System.StringComparison.Ordinal);
        var writeTo = isNode ? "WriteTo(writer, global::Streaming.JsonFallback.Options)" : "WriteTo(writer)";
        if (!spec.IsReference)
        {
            PropertyName(name);
            _w.Line($"{value}.{writeTo};");
            return;
        }

        WhenNotNull(value, name, hint, local =>
        {
            PropertyName(name);
            _w.Line($"{local}.{writeTo};");
        });
    }

    private void WriteArray(JsonValueSpec spec, string value, string? name)
    {
        _w.Line(name is null ? "writer.WriteStartArray();" : $"writer.WriteStartArray({name});");
        var item = _locals.Next("item");
        using (_w.Block($"foreach (var {item} in {Enumerable(spec, value)})"))
        {
            Write(spec.Element!, item, null, item);
        }

        _w.Line("writer.WriteEndArray();");
    }

    private void WriteDictionary(JsonValueSpec spec, string value, string? name)
    {
        _w.Line(name is null ? "writer.WriteStartObject();" : $"writer.WriteStartObject({name});");
        WriteEntries(spec, value);
        _w.Line("writer.WriteEndObject();");
    }

    /// <summary>A concrete collection is enumerated directly; an interface through <c>JsonSequence</c>, which spares arrays, lists and dictionaries a boxed enumerator.</summary>
    private static string Enumerable(JsonValueSpec spec, string value)
        => !spec.IsInterface ? value
            : spec.Kind == JsonValueKind.Dictionary ? $"global::Streaming.JsonSequence.Entries({value})"
            : $"global::Streaming.JsonSequence.Of({value})";

    /// <summary>Writes null for a null reference, otherwise runs <paramref name="write"/> on the value read once.</summary>
    private void WhenNotNull(string value, string? name, string hint, System.Action<string> write)
    {
        var local = value;
        if (!IsIdentifier(value))
        {
            local = _locals.Next(hint);
            _w.Line($"var {local} = {value};");
        }

        using (_w.Block($"if ({local} is null)"))
        {
            WriteNull(name);
        }

        using (_w.Block("else"))
        {
            write(local);
        }
    }

    private void Call(string method, string? name, string argument)
        => _w.Line(name is null ? $"writer.{method}Value({argument});" : $"writer.{method}({name}, {argument});");

    private void PropertyName(string? name)
    {
        if (name is not null)
        {
            _w.Line($"writer.WritePropertyName({name});");
        }
    }

    private void WriteNull(string? name) => _w.Line(name is null ? "writer.WriteNullValue();" : $"writer.WriteNull({name});");

    /// <summary>The type with <c>?</c> on a reference, which may be null.</summary>
    private static string Nullable(JsonValueSpec spec) => spec.IsReference ? spec.Type + "?" : spec.Type;

    private static bool IsIdentifier(string expression) => expression.All(c => char.IsLetterOrDigit(c) || c is '_' or '@');
}
