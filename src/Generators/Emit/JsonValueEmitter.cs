using System.Linq;
using Streaming.Generators.Model;

namespace Streaming.Generators.Emit;

/// <summary>
/// How each kind of value is written: the one place that turns a <see cref="JsonValueSpec"/> into calls on
/// <c>Streaming.JsonOutput</c>. The property name, when there is one, is already written; null is written wherever
/// the serializer writes it.
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
    /// <param name="hint">A word to name locals after.</param>
    /// <param name="converter">For <see cref="JsonValueKind.Converter"/>, the field holding the converter.</param>
    public void Write(JsonValueSpec spec, string value, string hint, string? converter = null)
    {
        if (spec.IsNullableValueType)
        {
            var local = _locals.Next(hint);
            using (_w.Block($"if ({value} is {{ }} {local})"))
            {
                WriteValue(spec, local, hint, converter);
            }

            using (_w.Block("else"))
            {
                _w.Line("output.WriteNull();");
            }

            return;
        }

        WriteValue(spec, value, hint, converter);
    }

    private void WriteValue(JsonValueSpec spec, string value, string hint, string? converter)
    {
        switch (spec.Kind)
        {
            case JsonValueKind.String:
                // A null string is written as null, as the serializer does.
                _w.Line($"output.WriteString({value});");
                break;
            case JsonValueKind.Boolean:
                _w.Line($"output.WriteBoolean({value});");
                break;
            case JsonValueKind.Number:
                _w.Line($"output.WriteNumber({(spec.Detail is { } cast ? $"({cast}){value}" : value)});");
                break;
            case JsonValueKind.Base64:
                WhenNotNull(value, hint, local => _w.Line($"output.WriteBase64({local});"));
                break;
            case JsonValueKind.Formatted:
                // These methods write null themselves for a null Uri or Version.
                _w.Line($"global::Streaming.JsonValues.{spec.Detail}(ref output, {value});");
                break;
            case JsonValueKind.Json:
                // Null too: JsonDocument and JsonNode write null themselves.
                _w.Line($"global::Streaming.JsonValues.WriteJson(ref output, {value});");
                break;
            case JsonValueKind.EnumName or JsonValueKind.Object:
                // Object writers write null themselves.
                _w.Line($"{spec.Detail}.Write(ref output, {value});");
                break;
            case JsonValueKind.Array:
                WhenNotNull(value, hint, local => WriteArray(spec, local));
                break;
            case JsonValueKind.Dictionary:
                WhenNotNull(value, hint, local => WriteDictionary(spec, local));
                break;
            case JsonValueKind.Serializer:
                _w.Line($"global::Streaming.JsonFallback.Write<{Nullable(spec)}>(ref output, {value});");
                break;
            case JsonValueKind.Converter:
                _w.Line($"global::Streaming.JsonFallback.Write<{Nullable(spec)}>(ref output, {value}, {converter});");
                break;
        }
    }

    /// <summary>
    /// Writes the entries of a string-keyed dictionary as properties of the current object: of a dictionary, or
    /// the <c>[JsonExtensionData]</c> of an object. Each entry after the first gets a <c>,</c>; before the first,
    /// <paramref name="separator"/> (a <see langword="bool"/> local) tells, or <see langword="null"/> when a
    /// property is always written before.
    /// </summary>
    public void WriteEntries(JsonValueSpec dictionary, string value, string? separator)
    {
        var entry = _locals.Next("entry");
        using (_w.Block($"foreach (var {entry} in {Enumerable(dictionary, value)})"))
        {
            _w.Line(separator is null ? "output.WriteRaw(\",\"u8);" : $"output.WriteSeparator(ref {separator});");
            _w.Line($"output.WritePropertyName({entry}.Key);");
            Write(dictionary.Element!, $"{entry}.Value", entry + "Value");
        }
    }

    private void WriteArray(JsonValueSpec spec, string value)
    {
        _w.Line("output.WriteRaw(\"[\"u8);");
        var separator = _locals.Next("separator");
        _w.Line($"var {separator} = false;");
        var item = _locals.Next("item");
        using (_w.Block($"foreach (var {item} in {Enumerable(spec, value)})"))
        {
            _w.Line($"output.WriteSeparator(ref {separator});");
            Write(spec.Element!, item, item);
        }

        _w.Line("output.WriteRaw(\"]\"u8);");
    }

    private void WriteDictionary(JsonValueSpec spec, string value)
    {
        _w.Line("output.WriteRaw(\"{\"u8);");
        var separator = _locals.Next("separator");
        _w.Line($"var {separator} = false;");
        WriteEntries(spec, value, separator);
        _w.Line("output.WriteRaw(\"}\"u8);");
    }

    /// <summary>A concrete collection is enumerated directly; an interface through <c>JsonSequence</c>, which spares arrays, lists and dictionaries a boxed enumerator.</summary>
    private static string Enumerable(JsonValueSpec spec, string value)
        => !spec.IsInterface ? value
            : spec.Kind == JsonValueKind.Dictionary ? $"global::Streaming.JsonSequence.Entries({value})"
            : $"global::Streaming.JsonSequence.Of({value})";

    /// <summary>Writes null for a null reference, otherwise runs <paramref name="write"/> on the value read once.</summary>
    private void WhenNotNull(string value, string hint, System.Action<string> write)
    {
        var local = value;
        if (!IsIdentifier(value))
        {
            local = _locals.Next(hint);
            _w.Line($"var {local} = {value};");
        }

        using (_w.Block($"if ({local} is null)"))
        {
            _w.Line("output.WriteNull();");
        }

        using (_w.Block("else"))
        {
            write(local);
        }
    }

    /// <summary>The type with <c>?</c> on a reference, which may be null.</summary>
    private static string Nullable(JsonValueSpec spec) => spec.IsReference ? spec.Type + "?" : spec.Type;

    private static bool IsIdentifier(string expression) => expression.All(c => char.IsLetterOrDigit(c) || c is '_' or '@');
}
