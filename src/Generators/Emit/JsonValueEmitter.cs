using System.Linq;
using Streaming.Generators.Model;

namespace Streaming.Generators.Emit;

/// <summary>
/// How each kind of value is written: the one place that turns a <see cref="JsonValueSpec"/> into
/// <c>Utf8JsonWriter</c> calls, either as a property (with a pre-encoded name) or as a plain value (an array
/// item, a root element). Null is written wherever the serializer writes it. In the writer of a recursive type
/// the serializer's depth limit is checked where the serializer checks it: before every item and entry, and
/// before every property whose value is not null.
/// </summary>
internal sealed class JsonValueEmitter
{
    private readonly SourceWriter _w;
    private readonly LocalNames _locals;
    private readonly bool _checkDepth;

    public JsonValueEmitter(SourceWriter w, LocalNames locals, bool checkDepth = false)
    {
        _w = w;
        _locals = locals;
        _checkDepth = checkDepth;
    }

    /// <summary>Where the depth limit is checked before a value.</summary>
    private enum DepthCheck
    {
        None,

        /// <summary>A property: the serializer writes a null one without looking at the depth.</summary>
        UnlessNull,

        /// <summary>An array item or dictionary entry, null or not.</summary>
        Always,
    }

    /// <summary>Writes <paramref name="value"/>, an expression read once.</summary>
    /// <param name="spec">How the value is written.</param>
    /// <param name="value">The C# expression of the value.</param>
    /// <param name="name">The property name (a <c>JsonEncodedText</c> or <c>string</c> expression), or <see langword="null"/> for a plain value.</param>
    /// <param name="hint">A word to name locals after.</param>
    /// <param name="converter">For <see cref="JsonValueKind.Converter"/>, the field holding the converter.</param>
    public void Write(JsonValueSpec spec, string value, string? name, string hint, string? converter = null)
        => Write(spec, value, name, hint, converter, !_checkDepth ? DepthCheck.None : name is null ? DepthCheck.Always : DepthCheck.UnlessNull);

    private void Write(JsonValueSpec spec, string value, string? name, string hint, string? converter, DepthCheck check)
    {
        if (check == DepthCheck.Always)
        {
            CheckDepth();
        }

        // A fallback's JsonSerializer call checks the depth itself.
        var checkUnlessNull = check == DepthCheck.UnlessNull && spec.Kind is not (JsonValueKind.Serializer or JsonValueKind.Converter);
        if (spec.IsNullableValueType)
        {
            var local = _locals.Next(hint);
            using (_w.Block($"if ({value} is {{ }} {local})"))
            {
                if (checkUnlessNull)
                {
                    CheckDepth();
                }

                WriteValue(spec, local, name, hint, converter, knownNotNull: true);
            }

            using (_w.Block("else"))
            {
                WriteNull(name);
            }

            return;
        }

        if (checkUnlessNull && spec.IsReference)
        {
            WhenNotNull(value, name, hint, local =>
            {
                CheckDepth();
                WriteValue(spec, local, name, hint, converter, knownNotNull: true);
            });
            return;
        }

        if (checkUnlessNull)
        {
            CheckDepth();
        }

        WriteValue(spec, value, name, hint, converter, knownNotNull: false);
    }

    private void WriteValue(JsonValueSpec spec, string value, string? name, string hint, string? converter, bool knownNotNull)
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
                WriteNumber(spec, spec.Detail is { } cast ? $"({cast}){value}" : value, name);
                break;
            case JsonValueKind.Base64:
                if (spec.IsReference)
                {
                    WhenNotNull(value, name, hint, local => Call("WriteBase64String", name, local), knownNotNull);
                }
                else
                {
                    // ReadOnlyMemory<byte> and Memory<byte>: never null, written from their span.
                    Call("WriteBase64String", name, $"{value}.Span");
                }

                break;
            case JsonValueKind.Formatted when spec.Numbers != JsonNumberWrite.Plain && FormattedNumberMethod(spec) is { } method:
                PropertyName(name);
                _w.Line($"global::Streaming.JsonNumbers.{method}(writer, {value});");
                break;
            case JsonValueKind.Formatted:
                // These methods write null themselves for a null Uri or Version.
                PropertyName(name);
                _w.Line($"global::Streaming.JsonValues.{spec.Detail}(writer, {value});");
                break;
            case JsonValueKind.Json:
                WriteJson(spec, value, name, hint, knownNotNull);
                break;
            case JsonValueKind.EnumName or JsonValueKind.Object:
                // Object writers write null themselves.
                PropertyName(name);
                _w.Line($"{spec.Detail}.Write(writer, {value});");
                break;
            case JsonValueKind.Array:
                WhenNotNull(value, name, hint, local => WriteArray(spec, local, name), knownNotNull || !spec.IsReference);
                break;
            case JsonValueKind.Dictionary:
                WhenNotNull(value, name, hint, local => WriteDictionary(spec, local, name), knownNotNull);
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

    /// <summary>A number, as plain JSON or as <c>[JsonNumberHandling]</c> asks.</summary>
    private void WriteNumber(JsonValueSpec spec, string number, string? name)
    {
        var isFloatingPoint = spec.Type is "double" or "float";
        var method = (spec.Numbers & JsonNumberWrite.AsString) != 0 ? "WriteAsString"
            : (spec.Numbers & JsonNumberWrite.NamedLiterals) != 0 && isFloatingPoint ? "WriteAllowingNamedLiterals"
            : null;
        if (method is null)
        {
            Call("WriteNumber", name, number);
            return;
        }

        PropertyName(name);
        _w.Line($"global::Streaming.JsonNumbers.{method}(writer, {number});");
    }

    /// <summary>For <c>Half</c>, <c>Int128</c> and <c>UInt128</c> under <c>[JsonNumberHandling]</c>, the <c>JsonNumbers</c> method; otherwise <see langword="null"/>.</summary>
    private static string? FormattedNumberMethod(JsonValueSpec spec)
        => spec.Detail is not ("WriteHalf" or "WriteInt128" or "WriteUInt128") ? null
            : (spec.Numbers & JsonNumberWrite.AsString) != 0 ? "WriteAsString"
            : (spec.Numbers & JsonNumberWrite.NamedLiterals) != 0 && spec.Detail == "WriteHalf" ? "WriteAllowingNamedLiterals"
            : null;

    /// <summary>Writes the entries of a dictionary as properties of the current object (for <c>[JsonExtensionData]</c>).</summary>
    public void WriteEntries(JsonValueSpec dictionary, string value)
    {
        var entry = _locals.Next("entry");
        var check = _checkDepth ? DepthCheck.Always : DepthCheck.None;
        using (_w.Block($"foreach (var {entry} in {Enumerable(dictionary, value)})"))
        {
            if (dictionary.Key is null || dictionary.Key.Kind == JsonValueKind.String)
            {
                Write(dictionary.Element!, $"{entry}.Value", $"{entry}.Key", entry + "Value", null, check);
            }
            else
            {
                // The key's converter writes the name; the value follows it as a plain value.
                _w.Line($"global::Streaming.JsonKeys.WritePropertyName(writer, {entry}.Key);");
                Write(dictionary.Element!, $"{entry}.Value", null, entry + "Value", null, check);
            }
        }
    }

    /// <summary>JsonElement and JsonDocument write themselves; a JsonNode writes its values with the serializer's options, as its converter does.</summary>
    private void WriteJson(JsonValueSpec spec, string value, string? name, string hint, bool knownNotNull)
    {
        var isNode = !spec.Type.EndsWith(".JsonElement", System.StringComparison.Ordinal) && !spec.Type.EndsWith(".JsonDocument", System.StringComparison.Ordinal);
        var writeTo = isNode ? "WriteTo(writer, global::Streaming.JsonFallback.Options)" : "WriteTo(writer)";
        WhenNotNull(value, name, hint, local =>
        {
            PropertyName(name);
            _w.Line($"{local}.{writeTo};");
        }, knownNotNull || !spec.IsReference);
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

    /// <summary>
    /// A concrete collection is enumerated directly; an interface through <c>JsonSequence</c>, which spares arrays,
    /// lists and dictionaries a boxed enumerator; an <c>ImmutableArray&lt;T&gt;</c> through <c>JsonSequence</c> too,
    /// which refuses a default one as the serializer does.
    /// </summary>
    private static string Enumerable(JsonValueSpec spec, string value)
        => spec.IsInterface
            ? spec.Kind == JsonValueKind.Dictionary ? $"global::Streaming.JsonSequence.Entries({value})" : $"global::Streaming.JsonSequence.Of({value})"
            : !spec.IsReference ? $"global::Streaming.JsonSequence.Of({value})"
            : value;

    /// <summary>Writes null for a null reference, otherwise runs <paramref name="write"/> on the value read once.</summary>
    private void WhenNotNull(string value, string? name, string hint, System.Action<string> write, bool knownNotNull = false)
    {
        if (knownNotNull)
        {
            write(value);
            return;
        }

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

    private void CheckDepth() => _w.Line("global::Streaming.JsonDepth.Check(writer);");

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
