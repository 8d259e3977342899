using System.Linq;

namespace Streaming.Generators.Model;

/// <summary>A type written as CSV records by a generated <c>ICsvRowWriter&lt;T&gt;</c>.</summary>
/// <param name="Type">The type, <c>global::</c>-qualified.</param>
/// <param name="DisplayName">Its name as C# shows it, for documentation comments.</param>
/// <param name="WriterNamespace">The namespace of its generated writer.</param>
/// <param name="WriterName">The simple name of its generated writer.</param>
/// <param name="IsValueType">Whether the type is a struct (never null).</param>
/// <param name="Members">Its columns in order; a nested object's member holds the columns it is flattened into.</param>
/// <param name="Suppressions">The warnings its code triggers through what the user marks <c>[Obsolete]</c>, suppressed in the generated file only.</param>
internal sealed record CsvTypeSpec(
    string Type,
    string DisplayName,
    string WriterNamespace,
    string WriterName,
    bool IsValueType,
    EquatableArray<CsvMemberSpec> Members,
    EquatableArray<string> Suppressions)
{
    public string QualifiedWriterName => $"global::{WriterNamespace}.{WriterName}";

    public int ColumnCount => Members.Sum(m => m.ColumnCount);
}

/// <summary>What a CSV column holds, which decides how its text is written.</summary>
internal enum CsvValueKind
{
    Text,
    Char,
    Boolean,
    Number,
    DateTime,
    DateTimeOffset,
    DateOnly,
    TimeOnly,
    TimeSpan,
    Guid,
    Enum,

    /// <summary>A <c>Uri</c>: its original string, as System.Text.Json writes it.</summary>
    Uri,

    /// <summary>A <c>Version</c>: <c>Major.Minor[.Build[.Revision]]</c>.</summary>
    Version,

    /// <summary><c>byte[]</c>, <c>ReadOnlyMemory&lt;byte&gt;</c> or <c>Memory&lt;byte&gt;</c>: base64, as System.Text.Json writes it.</summary>
    Base64,

    /// <summary>A nested object, flattened into one column per property (<c>Parent.Child</c>).</summary>
    Object,
}

/// <summary>One property of a <see cref="CsvTypeSpec"/>: a column, or a nested object's columns.</summary>
/// <param name="MemberName">The C# property name.</param>
/// <param name="Header">The column name (for a nested object, the prefix of its columns' names).</param>
/// <param name="Kind">What the value is.</param>
/// <param name="Type">The C# type, <c>global::</c>-qualified, without nullability.</param>
/// <param name="IsNullableValueType">Whether the value is a <c>Nullable&lt;T&gt;</c>.</param>
/// <param name="IsReference">Whether the value is a reference that may be null.</param>
/// <param name="Format">The <c>[CsvColumn(Format = …)]</c> string, or <see langword="null"/>.</param>
/// <param name="Children">For <see cref="CsvValueKind.Object"/>, the nested members in column order.</param>
internal sealed record CsvMemberSpec(
    string MemberName,
    string Header,
    CsvValueKind Kind,
    string Type,
    bool IsNullableValueType,
    bool IsReference,
    string? Format,
    EquatableArray<CsvMemberSpec> Children)
{
    public int ColumnCount => Kind == CsvValueKind.Object ? Children.Sum(c => c.ColumnCount) : 1;
}
