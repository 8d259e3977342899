using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Streaming.Generators.Diagnostics;
using Streaming.Generators.Model;

namespace Streaming.Generators;

/// <summary>
/// The writers to emit once every method has been read: one per writer name, however many methods stream its
/// type. A JSON writer that some method reaches through a recursive type keeps its depth checks. Two types that
/// still map to one name (two spellings that read alike) are reported as STRM003 and neither is emitted, so
/// the build says why instead of failing inside generated code.
/// </summary>
internal static class WriterSet
{
    public static (EquatableArray<JsonTypeSpec> Writers, EquatableArray<DiagnosticInfo> Clashes) Json(ImmutableArray<JsonTypeSpec> types)
        => Unique(types, "JSON", static t => t.QualifiedWriterName, static t => t.Type, static t => t.DisplayName, static (kept, other) => other.Unbounded && !kept.Unbounded);

    public static (EquatableArray<CsvTypeSpec> Writers, EquatableArray<DiagnosticInfo> Clashes) Csv(ImmutableArray<CsvTypeSpec> types)
        => Unique(types, "Format.Csv", static t => t.QualifiedWriterName, static t => t.Type, static t => t.DisplayName, static (_, _) => false);

    private static (EquatableArray<T> Writers, EquatableArray<DiagnosticInfo> Clashes) Unique<T>(
        ImmutableArray<T> types,
        string format,
        System.Func<T, string> writerName,
        System.Func<T, string> type,
        System.Func<T, string> display,
        System.Func<T, T, bool> prefer)
        where T : System.IEquatable<T>
    {
        var byName = new Dictionary<string, int>();
        var clashing = new HashSet<string>();
        var writers = new List<T>();
        var clashes = new List<DiagnosticInfo>();
        foreach (var candidate in types)
        {
            var name = writerName(candidate);
            if (!byName.TryGetValue(name, out var index))
            {
                byName[name] = writers.Count;
                writers.Add(candidate);
            }
            else if (type(writers[index]) != type(candidate))
            {
                if (clashing.Add(name))
                {
                    clashes.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.UnwritableElement,
                        null,
                        display(candidate),
                        format,
                        $"its writer would be named '{name}' like that of '{display(writers[index])}'; rename one of the two types"));
                }
            }
            else if (prefer(writers[index], candidate))
            {
                writers[index] = candidate;
            }
        }

        var kept = new List<T>();
        foreach (var writer in writers)
        {
            if (!clashing.Contains(writerName(writer)))
            {
                kept.Add(writer);
            }
        }

        return (kept.ToEquatableArray(), clashes.ToEquatableArray());
    }
}
