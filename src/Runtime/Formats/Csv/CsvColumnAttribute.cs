using System;

namespace Streaming;

/// <summary>
/// Adjusts the CSV column of a property: its header <see cref="Name"/>, its place (<see cref="Order"/>) and
/// the <see cref="Format"/> its value is written with. Without it a column is named as the property and
/// keeps its declaration order.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class CsvColumnAttribute : Attribute
{
    /// <summary>Keeps the property's name; set <see cref="Order"/> or <see cref="Format"/>.</summary>
    public CsvColumnAttribute()
    {
    }

    /// <summary>Names the column <paramref name="name"/>.</summary>
    public CsvColumnAttribute(string name) => Name = name;

    /// <summary>The header of the column, or <see langword="null"/> for the property's name. For a nested object,
    /// the prefix of its columns (<c>Name.Child</c>).</summary>
    public string? Name { get; set; }

    /// <summary>Columns are sorted by this value (0 by default), then by declaration order.</summary>
    public int Order { get; set; }

    /// <summary>
    /// A .NET format string for numbers, dates, times, Guids and enums (<c>"F2"</c>, <c>"yyyy-MM-dd"</c>,
    /// <c>"D"</c>), applied with the invariant culture. Without it a value is written as System.Text.Json writes
    /// it and an enum by name.
    /// </summary>
    public string? Format { get; set; }
}
