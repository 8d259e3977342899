namespace Streaming.Generators.Model;

/// <summary>What a generated JSON writer class does.</summary>
internal enum JsonWriterKind
{
    /// <summary>Writes a class, record or struct as a JSON object, one property per member.</summary>
    Object,

    /// <summary>Writes a root element type that is not an object of ours (a string, a number, a list …).</summary>
    Value,

    /// <summary>Writes an enum by member name, as <c>JsonStringEnumConverter</c> does.</summary>
    EnumNames,
}

/// <summary>One generated writer class.</summary>
/// <param name="Kind">What the writer does.</param>
/// <param name="Type">The type written, <c>global::</c>-qualified.</param>
/// <param name="DisplayName">Its name as C# shows it, for documentation comments.</param>
/// <param name="WriterNamespace">The namespace of the writer.</param>
/// <param name="WriterName">The simple name of the writer.</param>
/// <param name="IsValueType">Whether the type is a struct (never null).</param>
/// <param name="Properties">For <see cref="JsonWriterKind.Object"/>, the JSON properties in the order they are written.</param>
/// <param name="Value">For <see cref="JsonWriterKind.Value"/>, how the root value is written.</param>
/// <param name="Enum">For <see cref="JsonWriterKind.EnumNames"/>, the enum's members.</param>
/// <param name="Unbounded">Whether the writer can run at any depth (its type is recursive, or a recursive type
/// holds it), so it enforces the serializer's maximum depth before each value it writes inside a container.</param>
/// <param name="Suppressions">The warnings its code triggers through what the user's model marks <c>[Obsolete]</c>
/// (CS0612, CS0618 and any custom <c>DiagnosticId</c>), suppressed in the generated file only.</param>
internal sealed record JsonTypeSpec(
    JsonWriterKind Kind,
    string Type,
    string DisplayName,
    string WriterNamespace,
    string WriterName,
    bool IsValueType,
    EquatableArray<JsonPropertySpec> Properties,
    JsonValueSpec? Value,
    JsonEnumSpec? Enum,
    bool Unbounded,
    EquatableArray<string> Suppressions)
{
    public string QualifiedWriterName => $"global::{WriterNamespace}.{WriterName}";
}

/// <summary>When a property is left out, after <c>[JsonIgnore(Condition = …)]</c>.</summary>
internal enum JsonIgnoreWhen
{
    Never,
    Null,
    Default,
}

/// <summary>How generated code reads a member.</summary>
internal enum MemberAccess
{
    /// <summary><c>value.Name</c>: the getter or field is visible to generated code.</summary>
    Direct,

    /// <summary>An <c>[UnsafeAccessor]</c> for the getter of a property the writer cannot see (a <c>[JsonInclude]</c> private one).</summary>
    PropertyAccessor,

    /// <summary>An <c>[UnsafeAccessor]</c> for a field the writer cannot see.</summary>
    FieldAccessor,
}

/// <summary>One JSON property of an object.</summary>
/// <param name="MemberName">The C# member name.</param>
/// <param name="JsonName">The name written, after <c>[JsonPropertyName]</c> and the camelCase policy.</param>
/// <param name="Value">How the value is written.</param>
/// <param name="IgnoreWhen">When the property is left out.</param>
/// <param name="Access">How the member is read.</param>
/// <param name="DeclaringType">The type that declares the member, <c>global::</c>-qualified (for accessors).</param>
/// <param name="IsExtensionData">Whether this is a <c>[JsonExtensionData]</c> dictionary, whose entries are written as properties of the object.</param>
internal sealed record JsonPropertySpec(
    string MemberName,
    string JsonName,
    JsonValueSpec Value,
    JsonIgnoreWhen IgnoreWhen,
    MemberAccess Access,
    string DeclaringType,
    bool IsExtensionData);
