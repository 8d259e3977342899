using System;

namespace Streaming;

/// <summary>Leaves a property out of the CSV columns.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class CsvIgnoreAttribute : Attribute
{
}
