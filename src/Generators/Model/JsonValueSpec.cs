namespace Streaming.Generators.Model;

/// <summary>How a value is written. <c>Emit/JsonValueEmitter.cs</c> turns each kind into code.</summary>
internal enum JsonValueKind
{
    /// <summary><c>string</c>, <c>DateTime</c>, <c>DateTimeOffset</c>, <c>Guid</c>: <c>JsonOutput.WriteString</c>.</summary>
    String,

    /// <summary><c>bool</c>: <c>JsonOutput.WriteBoolean</c>.</summary>
    Boolean,

    /// <summary>Integers, <c>float</c>, <c>double</c>, <c>decimal</c> and enums written as numbers: <c>JsonOutput.WriteNumber</c>.</summary>
    Number,

    /// <summary><c>byte[]</c> (a reference), <c>ReadOnlyMemory&lt;byte&gt;</c> and <c>Memory&lt;byte&gt;</c> (structs, written from their span): base64 text.</summary>
    Base64,

    /// <summary>A value whose text the serializer formats itself (<c>char</c>, <c>TimeSpan</c>, <c>Uri</c> …): a <c>Streaming.JsonValues</c> method.</summary>
    Formatted,

    /// <summary><c>JsonElement</c>, <c>JsonDocument</c>, <c>JsonNode</c>: written as they are.</summary>
    Json,

    /// <summary>An enum written by member name: its generated names writer.</summary>
    EnumName,

    /// <summary>A class, record or struct: its generated writer.</summary>
    Object,

    /// <summary>An array, list, set or <c>ImmutableArray&lt;T&gt;</c>: a JSON array of its items.</summary>
    Array,

    /// <summary>A dictionary whose keys the serializer writes as property names: a JSON object of its entries.</summary>
    Dictionary,

    /// <summary>Written by <c>JsonSerializer</c> (<c>object</c>, interfaces, polymorphic and unknown collection types).</summary>
    Serializer,

    /// <summary>Written by the custom converter of a member's <c>[JsonConverter]</c>.</summary>
    Converter,
}

/// <summary>How one value is written.</summary>
/// <param name="Kind">How the value is written.</param>
/// <param name="Type">The C# type, <c>global::</c>-qualified, without nullability (for a <c>Nullable&lt;T&gt;</c>, <c>T</c>).</param>
/// <param name="IsNullableValueType">Whether the value is a <c>Nullable&lt;T&gt;</c> of <paramref name="Type"/>.</param>
/// <param name="IsReference">Whether the value is a reference, which may be null.</param>
/// <param name="Detail">
/// What the kind needs besides: for <see cref="JsonValueKind.Number"/> the type to cast to when it differs (enums,
/// small integers); for <see cref="JsonValueKind.Formatted"/> the <c>Streaming.JsonValues</c> method; for
/// <see cref="JsonValueKind.EnumName"/> and <see cref="JsonValueKind.Object"/> the writer class; for
/// <see cref="JsonValueKind.Converter"/> the converter type; otherwise <see langword="null"/>.
/// </param>
/// <param name="Element">For arrays the item, for dictionaries the entry value.</param>
/// <param name="IsInterface">For arrays and dictionaries, whether the collection is held through an interface.</param>
/// <param name="Key">For dictionaries, the key: a <see cref="JsonValueKind.String"/> for <c>string</c> keys, otherwise
/// the key type's spec, written as a property name the way the serializer's converter for that type writes it.</param>
/// <param name="Numbers">For <see cref="JsonValueKind.Number"/>, how <c>[JsonNumberHandling]</c> writes it.</param>
internal sealed record JsonValueSpec(
    JsonValueKind Kind,
    string Type,
    bool IsNullableValueType,
    bool IsReference,
    string? Detail = null,
    JsonValueSpec? Element = null,
    bool IsInterface = false,
    JsonValueSpec? Key = null,
    JsonNumberWrite Numbers = JsonNumberWrite.Plain)
{
    /// <summary>Whether the value can be null: a reference or a <c>Nullable&lt;T&gt;</c>.</summary>
    public bool CanBeNull => IsReference || IsNullableValueType;

    /// <summary>The C# type as declared, with <c>?</c> for a <c>Nullable&lt;T&gt;</c>.</summary>
    public string DeclaredType => IsNullableValueType ? Type + "?" : Type;
}

/// <summary>How a number is written after <c>[JsonNumberHandling]</c>; the reading flags change nothing here.</summary>
[System.Flags]
internal enum JsonNumberWrite
{
    /// <summary>A JSON number; NaN and the infinities fail, as in the serializer.</summary>
    Plain = 0,

    /// <summary><c>WriteAsString</c>: the number's text as a JSON string (<c>"42"</c>, <c>"NaN"</c>).</summary>
    AsString = 1,

    /// <summary><c>AllowNamedFloatingPointLiterals</c>: NaN and the infinities as the strings <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>.</summary>
    NamedLiterals = 2,
}

/// <summary>An enum written by member name.</summary>
/// <param name="UnderlyingType">The C# type of its numbers (<c>int</c>, <c>long</c>, <c>uint</c>, <c>ulong</c>), for values that have no name.</param>
/// <param name="IsFlags">Whether it has <c>[Flags]</c>, so combinations are written as <c>"A, B"</c>.</param>
/// <param name="Members">One member per distinct value, in the order the serializer looks them up.</param>
internal sealed record JsonEnumSpec(
    string UnderlyingType,
    bool IsFlags,
    EquatableArray<JsonEnumMemberSpec> Members);

/// <summary>One named value of an enum.</summary>
/// <param name="MemberName">The C# member name.</param>
/// <param name="JsonName">The name written: the member name, or its <c>[JsonStringEnumMemberName]</c>.</param>
/// <param name="Bits">The value, sign-extended to 64 bits, as the serializer compares flags.</param>
internal sealed record JsonEnumMemberSpec(string MemberName, string JsonName, ulong Bits);
