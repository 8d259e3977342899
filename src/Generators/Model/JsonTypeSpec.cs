namespace Streaming.Generators.Model;

/// <summary>A type written as a JSON object by a generated writer.</summary>
/// <param name="Type">The type, <c>global::</c>-qualified.</param>
/// <param name="DisplayName">Its name as C# shows it, for documentation comments.</param>
/// <param name="WriterNamespace">The namespace of its generated writer.</param>
/// <param name="WriterName">The simple name of its generated writer.</param>
/// <param name="IsValueType">Whether the type is a struct (never null).</param>
/// <param name="Properties">The JSON properties, in the order they are written.</param>
internal sealed record JsonTypeSpec(
    string Type,
    string DisplayName,
    string WriterNamespace,
    string WriterName,
    bool IsValueType,
    EquatableArray<JsonPropertySpec> Properties)
{
    public string QualifiedWriterName => $"global::{WriterNamespace}.{WriterName}";
}

/// <summary>One JSON property of a <see cref="JsonTypeSpec"/>.</summary>
/// <param name="MemberName">The C# property name.</param>
/// <param name="JsonName">The name written, after <c>[JsonPropertyName]</c> and the camelCase policy.</param>
/// <param name="Value">How the value is written.</param>
internal sealed record JsonPropertySpec(string MemberName, string JsonName, JsonValueSpec Value);

/// <summary>What kind of JSON a value is written as.</summary>
internal enum JsonValueKind
{
    String,
    Boolean,
    Number,
    DateTime,
    DateTimeOffset,
    Guid,
}

/// <summary>How one value is written.</summary>
/// <param name="Kind">The kind of JSON written.</param>
/// <param name="Type">The C# type, <c>global::</c>-qualified, without nullability.</param>
/// <param name="NumberType">For <see cref="JsonValueKind.Number"/>, the C# type handed to <c>Utf8JsonWriter</c>
/// (<c>int</c>, <c>long</c>, <c>uint</c>, <c>ulong</c>, <c>float</c>, <c>double</c>, <c>decimal</c>) when it
/// differs from <paramref name="Type"/>, as for enums and small integers; otherwise <see langword="null"/>.</param>
/// <param name="IsNullableValueType">Whether the value is a <c>Nullable&lt;T&gt;</c>.</param>
/// <param name="IsReference">Whether the value is a reference that may be null.</param>
internal sealed record JsonValueSpec(
    JsonValueKind Kind,
    string Type,
    string? NumberType,
    bool IsNullableValueType,
    bool IsReference);
