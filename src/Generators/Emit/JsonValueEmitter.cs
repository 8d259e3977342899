using System.Linq;
using Streaming.Generators.Model;

namespace Streaming.Generators.Emit;

/// <summary>
/// How each kind of value is written: the one place that turns a <see cref="JsonValueSpec"/> into calls on
/// <c>Streaming.JsonOutput</c>. The property name, when there is one, is already written; null is written wherever
/// the serializer writes it. In the writer of a recursive type the serializer's depth limit is checked where the
/// serializer checks it: before every item and entry, and before every property value that is not null.
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

    /// <summary>Writes <paramref name="value"/>, an expression read once, as the value of a property (or the root value).</summary>
    /// <param name="spec">How the value is written.</param>
    /// <param name="value">The C# expression of the value.</param>
    /// <param name="hint">A word to name locals after.</param>
    /// <param name="converter">For <see cref="JsonValueKind.Converter"/>, the field holding the converter.</param>
    public void Write(JsonValueSpec spec, string value, string hint, string? converter = null)
        => Write(spec, value, hint, converter, _checkDepth ? DepthCheck.UnlessNull : DepthCheck.None);

    private void Write(JsonValueSpec spec, string value, string hint, string? converter, DepthCheck check)
    {
        // A value handed to the serializer is checked whether null or not, as the serializer checks it on entry.
        if (check == DepthCheck.Always || (check == DepthCheck.UnlessNull && spec.Kind == JsonValueKind.Serializer))
        {
            CheckDepth();
        }

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

                WriteValue(spec, local, hint, converter, knownNotNull: true);
            }

            using (_w.Block("else"))
            {
                _w.Line("output.WriteNull();");
            }

            return;
        }

        if (checkUnlessNull && spec.IsReference)
        {
            WhenNotNull(value, hint, local =>
            {
                CheckDepth();
                WriteValue(spec, local, hint, converter, knownNotNull: true);
            });
            return;
        }

        if (checkUnlessNull)
        {
            CheckDepth();
        }

        WriteValue(spec, value, hint, converter, knownNotNull: false);
    }

    private void WriteValue(JsonValueSpec spec, string value, string hint, string? converter, bool knownNotNull)
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
                WriteNumber(spec, spec.Detail is { } cast ? $"({cast}){value}" : value);
                break;
            case JsonValueKind.Base64 when !spec.IsReference:
                // ReadOnlyMemory<byte> and Memory<byte>: never null, written from their span.
                _w.Line($"output.WriteBase64({value}.Span);");
                break;
            case JsonValueKind.Base64:
                WhenNotNull(value, hint, local => _w.Line($"output.WriteBase64({local});"), knownNotNull);
                break;
            case JsonValueKind.Formatted when spec.Numbers != JsonNumberWrite.Plain && FormattedNumberMethod(spec) is { } method:
                _w.Line($"global::Streaming.JsonNumbers.{method}(ref output, {value});");
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
                WhenNotNull(value, hint, local => WriteArray(spec, local), knownNotNull || !spec.IsReference);
                break;
            case JsonValueKind.Dictionary:
                WhenNotNull(value, hint, local => WriteDictionary(spec, local), knownNotNull);
                break;
            case JsonValueKind.Serializer:
                _w.Line($"global::Streaming.JsonFallback.Write<{Nullable(spec)}>(ref output, {value});");
                break;
            case JsonValueKind.Converter:
                _w.Line($"global::Streaming.JsonFallback.Write<{Nullable(spec)}>(ref output, {value}, {converter});");
                break;
        }
    }

    /// <summary>A number, as plain JSON or as <c>[JsonNumberHandling]</c> asks.</summary>
    private void WriteNumber(JsonValueSpec spec, string number)
    {
        var isFloatingPoint = spec.Type is "double" or "float";
        var method = (spec.Numbers & JsonNumberWrite.AsString) != 0 ? "WriteAsString"
            : (spec.Numbers & JsonNumberWrite.NamedLiterals) != 0 && isFloatingPoint ? "WriteAllowingNamedLiterals"
            : null;
        _w.Line(method is null ? $"output.WriteNumber({number});" : $"global::Streaming.JsonNumbers.{method}(ref output, {number});");
    }

    /// <summary>For <c>Half</c>, <c>Int128</c> and <c>UInt128</c> under <c>[JsonNumberHandling]</c>, the <c>JsonNumbers</c> method; otherwise <see langword="null"/>.</summary>
    private static string? FormattedNumberMethod(JsonValueSpec spec)
        => spec.Detail is not ("WriteHalf" or "WriteInt128" or "WriteUInt128") ? null
            : (spec.Numbers & JsonNumberWrite.AsString) != 0 ? "WriteAsString"
            : (spec.Numbers & JsonNumberWrite.NamedLiterals) != 0 && spec.Detail == "WriteHalf" ? "WriteAllowingNamedLiterals"
            : null;

    /// <summary>
    /// Writes the entries of a dictionary as properties of the current object: of a dictionary, or the
    /// <c>[JsonExtensionData]</c> of an object. Each entry after the first gets a <c>,</c>; before the first,
    /// <paramref name="separator"/> (a <see langword="bool"/> local) tells, or <see langword="null"/> when a
    /// property is always written before.
    /// </summary>
    public void WriteEntries(JsonValueSpec dictionary, string value, string? separator)
    {
        var entry = _locals.Next("entry");
        using (_w.Block($"foreach (var {entry} in {Enumerable(dictionary, value)})"))
        {
            _w.Line(separator is null ? "output.WriteRaw(\",\"u8);" : $"output.WriteSeparator(ref {separator});");

            // A string key is escaped as any name; another key is written as the serializer's converter for its type writes it.
            _w.Line(dictionary.Key is null || dictionary.Key.Kind == JsonValueKind.String
                ? $"output.WritePropertyName({entry}.Key);"
                : $"global::Streaming.JsonKeys.WritePropertyName(ref output, {entry}.Key);");
            Write(dictionary.Element!, $"{entry}.Value", entry + "Value", null, _checkDepth ? DepthCheck.Always : DepthCheck.None);
        }
    }

    private void WriteArray(JsonValueSpec spec, string value)
    {
        _w.Line("output.WriteStartArray();");
        var separator = _locals.Next("separator");
        _w.Line($"var {separator} = false;");
        var item = _locals.Next("item");
        using (_w.Block($"foreach (var {item} in {Enumerable(spec, value)})"))
        {
            _w.Line($"output.WriteSeparator(ref {separator});");
            Write(spec.Element!, item, item, null, _checkDepth ? DepthCheck.Always : DepthCheck.None);
        }

        _w.Line("output.WriteEndArray();");
    }

    private void WriteDictionary(JsonValueSpec spec, string value)
    {
        _w.Line("output.WriteStartObject();");
        var separator = _locals.Next("separator");
        _w.Line($"var {separator} = false;");
        WriteEntries(spec, value, separator);
        _w.Line("output.WriteEndObject();");
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
    private void WhenNotNull(string value, string hint, System.Action<string> write, bool knownNotNull = false)
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
            _w.Line("output.WriteNull();");
        }

        using (_w.Block("else"))
        {
            write(local);
        }
    }

    private void CheckDepth() => _w.Line("global::Streaming.JsonDepth.Check(ref output);");

    /// <summary>The type with <c>?</c> on a reference, which may be null.</summary>
    private static string Nullable(JsonValueSpec spec) => spec.IsReference ? spec.Type + "?" : spec.Type;

    private static bool IsIdentifier(string expression) => expression.All(c => char.IsLetterOrDigit(c) || c is '_' or '@');
}
