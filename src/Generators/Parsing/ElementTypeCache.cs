using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Streaming.Generators.Model;

namespace Streaming.Generators.Parsing;

/// <summary>
/// Element types read once per compilation and format, however many <c>[Stream]</c> methods stream them: the
/// methods are read together whenever a declaration changes, and without this each would read its element type
/// and every type it reaches again. Only readings without diagnostics are kept: those depend on nothing but the
/// type and the format (a diagnostic names the method's location).
/// </summary>
internal sealed class ElementTypeCache
{
    private static readonly ConditionalWeakTable<Compilation, ElementTypeCache> s_cache = new();

    private readonly ConcurrentDictionary<(ITypeSymbol Type, StreamFormat Format), Reading> _readings = new(new KeyComparer());

    /// <summary>The cache of <paramref name="compilation"/>.</summary>
    public static ElementTypeCache For(Compilation compilation) => s_cache.GetValue(compilation, static _ => new ElementTypeCache());

    /// <summary>A reading of <paramref name="type"/> in <paramref name="format"/> made before, or <see langword="null"/>.</summary>
    public Reading? Find(ITypeSymbol type, StreamFormat format) => _readings.TryGetValue((type, format), out var reading) ? reading : null;

    /// <summary>Keeps a reading that has no diagnostics.</summary>
    public void Keep(ITypeSymbol type, StreamFormat format, Reading reading) => _readings.TryAdd((type, format), reading);

    /// <summary>How an element type is written, and the writers it needs.</summary>
    internal sealed record Reading(ElementEncoding Encoding, EquatableArray<JsonTypeSpec> JsonTypes, EquatableArray<CsvTypeSpec> CsvTypes);

    /// <summary>Types compared with their nullable annotations, which change what is written for an element.</summary>
    private sealed class KeyComparer : IEqualityComparer<(ITypeSymbol Type, StreamFormat Format)>
    {
        public bool Equals((ITypeSymbol Type, StreamFormat Format) x, (ITypeSymbol Type, StreamFormat Format) y)
            => x.Format == y.Format && SymbolEqualityComparer.IncludeNullability.Equals(x.Type, y.Type);

        public int GetHashCode((ITypeSymbol Type, StreamFormat Format) key)
            => (SymbolEqualityComparer.Default.GetHashCode(key.Type) * 31) + (int)key.Format;
    }
}
