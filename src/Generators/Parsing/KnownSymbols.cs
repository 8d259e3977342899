using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Streaming.Generators.Parsing;

/// <summary>
/// The framework types the parser recognises, resolved once per compilation and compared by symbol, so that a
/// user's own <c>Guid</c> or <c>IAsyncEnumerable&lt;T&gt;</c> in another namespace is never taken for the real one.
/// A type the compilation does not reference is <see langword="null"/> and matches nothing.
/// </summary>
internal sealed class KnownSymbols
{
    private static readonly ConditionalWeakTable<Compilation, KnownSymbols> s_cache = new();

    /// <summary>Each type, resolved on first use: <see cref="Compilation.GetTypeByMetadataName"/> searches every referenced assembly.</summary>
    private readonly object?[] _types = new object?[53];

    // Each wraps one array reference, so a read never sees half a write.
    private ImmutableArray<INamedTypeSymbol> _sequenceInterfaces;
    private ImmutableArray<INamedTypeSymbol> _dictionaryInterfaces;

    /// <summary>Marks a type the compilation does not have.</summary>
    private static readonly object s_missing = new();

    private KnownSymbols(Compilation compilation)
    {
        Compilation = compilation;
    }

    public Compilation Compilation { get; }

    public INamedTypeSymbol? IAsyncEnumerableOfT => Get(0, "System.Collections.Generic.IAsyncEnumerable`1");
    public INamedTypeSymbol? IAsyncDisposable => Get(1, "System.IAsyncDisposable");
    public INamedTypeSymbol? IDisposable => Get(2, "System.IDisposable");
    public INamedTypeSymbol? IParsableOfT => Get(3, "System.IParsable`1");
    public INamedTypeSymbol? Type => Get(4, "System.Type");
    public INamedTypeSymbol? ObsoleteAttribute => Get(5, "System.ObsoleteAttribute");
    public INamedTypeSymbol? FlagsAttribute => Get(6, "System.FlagsAttribute");

    public INamedTypeSymbol? Guid => Get(7, "System.Guid");
    public INamedTypeSymbol? DateTimeOffset => Get(8, "System.DateTimeOffset");
    public INamedTypeSymbol? DateOnly => Get(9, "System.DateOnly");
    public INamedTypeSymbol? TimeOnly => Get(10, "System.TimeOnly");
    public INamedTypeSymbol? TimeSpan => Get(11, "System.TimeSpan");
    public INamedTypeSymbol? Half => Get(12, "System.Half");
    public INamedTypeSymbol? Int128 => Get(13, "System.Int128");
    public INamedTypeSymbol? UInt128 => Get(14, "System.UInt128");
    public INamedTypeSymbol? Uri => Get(15, "System.Uri");
    public INamedTypeSymbol? Version => Get(16, "System.Version");
    public INamedTypeSymbol? MemoryOfT => Get(17, "System.Memory`1");
    public INamedTypeSymbol? ReadOnlyMemoryOfT => Get(18, "System.ReadOnlyMemory`1");

    public INamedTypeSymbol? ListOfT => Get(19, "System.Collections.Generic.List`1");
    public INamedTypeSymbol? HashSetOfT => Get(20, "System.Collections.Generic.HashSet`1");
    public INamedTypeSymbol? DictionaryOfTKeyTValue => Get(21, "System.Collections.Generic.Dictionary`2");
    public INamedTypeSymbol? ImmutableArrayOfT => Get(22, "System.Collections.Immutable.ImmutableArray`1");
    public INamedTypeSymbol? ImmutableListOfT => Get(23, "System.Collections.Immutable.ImmutableList`1");
    public ImmutableArray<INamedTypeSymbol> SequenceInterfaces => _sequenceInterfaces.IsDefault ? _sequenceInterfaces = Resolve(
        Compilation,
        "System.Collections.Generic.IEnumerable`1",
        "System.Collections.Generic.ICollection`1",
        "System.Collections.Generic.IList`1",
        "System.Collections.Generic.IReadOnlyCollection`1",
        "System.Collections.Generic.IReadOnlyList`1",
        "System.Collections.Generic.ISet`1",
        "System.Collections.Generic.IReadOnlySet`1") : _sequenceInterfaces;

    public ImmutableArray<INamedTypeSymbol> DictionaryInterfaces => _dictionaryInterfaces.IsDefault ? _dictionaryInterfaces = Resolve(
        Compilation,
        "System.Collections.Generic.IDictionary`2",
        "System.Collections.Generic.IReadOnlyDictionary`2") : _dictionaryInterfaces;

    public INamedTypeSymbol? JsonElement => Get(24, "System.Text.Json.JsonElement");
    public INamedTypeSymbol? JsonDocument => Get(25, "System.Text.Json.JsonDocument");
    public INamedTypeSymbol? JsonNode => Get(26, "System.Text.Json.Nodes.JsonNode");
    public INamedTypeSymbol? JsonConverterOfT => Get(27, "System.Text.Json.Serialization.JsonConverter`1");
    public INamedTypeSymbol? JsonConverterAttribute => Get(28, "System.Text.Json.Serialization.JsonConverterAttribute");
    public INamedTypeSymbol? JsonStringEnumConverter => Get(29, "System.Text.Json.Serialization.JsonStringEnumConverter");
    public INamedTypeSymbol? JsonStringEnumConverterOfT => Get(30, "System.Text.Json.Serialization.JsonStringEnumConverter`1");
    public INamedTypeSymbol? JsonPropertyNameAttribute => Get(31, "System.Text.Json.Serialization.JsonPropertyNameAttribute");
    public INamedTypeSymbol? JsonIgnoreAttribute => Get(32, "System.Text.Json.Serialization.JsonIgnoreAttribute");
    public INamedTypeSymbol? JsonIncludeAttribute => Get(33, "System.Text.Json.Serialization.JsonIncludeAttribute");
    public INamedTypeSymbol? JsonPropertyOrderAttribute => Get(34, "System.Text.Json.Serialization.JsonPropertyOrderAttribute");
    public INamedTypeSymbol? JsonExtensionDataAttribute => Get(35, "System.Text.Json.Serialization.JsonExtensionDataAttribute");
    public INamedTypeSymbol? JsonNumberHandlingAttribute => Get(36, "System.Text.Json.Serialization.JsonNumberHandlingAttribute");
    public INamedTypeSymbol? JsonPolymorphicAttribute => Get(37, "System.Text.Json.Serialization.JsonPolymorphicAttribute");
    public INamedTypeSymbol? JsonDerivedTypeAttribute => Get(38, "System.Text.Json.Serialization.JsonDerivedTypeAttribute");
    public INamedTypeSymbol? JsonStringEnumMemberNameAttribute => Get(39, "System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute");

    public INamedTypeSymbol? SseItemOfT => Get(40, "System.Net.ServerSentEvents.SseItem`1");
    public INamedTypeSymbol? HttpContext => Get(41, "Microsoft.AspNetCore.Http.HttpContext");
    public INamedTypeSymbol? HttpRequest => Get(42, "Microsoft.AspNetCore.Http.HttpRequest");
    public INamedTypeSymbol? HttpResponse => Get(43, "Microsoft.AspNetCore.Http.HttpResponse");
    public INamedTypeSymbol? ClaimsPrincipal => Get(44, "System.Security.Claims.ClaimsPrincipal");
    public INamedTypeSymbol? CancellationToken => Get(45, "System.Threading.CancellationToken");
    public INamedTypeSymbol? FromRouteMetadata => Get(46, "Microsoft.AspNetCore.Http.Metadata.IFromRouteMetadata");
    public INamedTypeSymbol? FromQueryMetadata => Get(47, "Microsoft.AspNetCore.Http.Metadata.IFromQueryMetadata");
    public INamedTypeSymbol? FromHeaderMetadata => Get(48, "Microsoft.AspNetCore.Http.Metadata.IFromHeaderMetadata");
    public INamedTypeSymbol? FromBodyMetadata => Get(49, "Microsoft.AspNetCore.Http.Metadata.IFromBodyMetadata");
    public INamedTypeSymbol? FromServiceMetadata => Get(50, "Microsoft.AspNetCore.Http.Metadata.IFromServiceMetadata");

    public INamedTypeSymbol? CsvColumnAttribute => Get(51, "Streaming.CsvColumnAttribute");
    public INamedTypeSymbol? CsvIgnoreAttribute => Get(52, "Streaming.CsvIgnoreAttribute");

    /// <summary>The symbols of <paramref name="compilation"/>, resolved on first use.</summary>
    public static KnownSymbols For(Compilation compilation) => s_cache.GetValue(compilation, static c => new KnownSymbols(c));

    /// <summary>Whether <paramref name="type"/> is <paramref name="known"/> (for a generic type, any construction of it).</summary>
    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known)
        => type is not null && known is not null
           && SymbolEqualityComparer.Default.Equals(type is INamedTypeSymbol { IsGenericType: true } named ? named.OriginalDefinition : type, known);

    /// <summary>Whether <paramref name="type"/> is <paramref name="known"/> of the one type argument <paramref name="argument"/> (<c>ReadOnlyMemory&lt;byte&gt;</c>).</summary>
    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known, SpecialType argument)
        => Is(type, known) && type is INamedTypeSymbol { TypeArguments.Length: 1 } named && named.TypeArguments[0].SpecialType == argument;

    /// <summary>Whether <paramref name="type"/> is one of <paramref name="known"/>.</summary>
    public static bool IsAny(ITypeSymbol? type, ImmutableArray<INamedTypeSymbol> known)
    {
        foreach (var candidate in known)
        {
            if (Is(type, candidate))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="type"/> is, derives from or implements <paramref name="known"/>.</summary>
    public static bool IsOrInherits(ITypeSymbol? type, INamedTypeSymbol? known)
    {
        if (type is null || known is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (Is(current, known))
            {
                return true;
            }
        }

        foreach (var candidate in type.AllInterfaces)
        {
            if (Is(candidate, known))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first attribute of <paramref name="symbol"/> whose class is <paramref name="attribute"/>, or <see langword="null"/>.</summary>
    public static AttributeData? Attribute(ISymbol symbol, INamedTypeSymbol? attribute)
    {
        if (attribute is null)
        {
            return null;
        }

        foreach (var data in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
            {
                return data;
            }
        }

        return null;
    }

    private INamedTypeSymbol? Get(int slot, string metadataName)
    {
        var type = Volatile.Read(ref _types[slot]);
        if (type is null)
        {
            type = Compilation.GetTypeByMetadataName(metadataName) ?? s_missing;
            Volatile.Write(ref _types[slot], type);
        }

        return type as INamedTypeSymbol;
    }

    private static ImmutableArray<INamedTypeSymbol> Resolve(Compilation compilation, params string[] metadataNames)
    {
        var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var name in metadataNames)
        {
            if (compilation.GetTypeByMetadataName(name) is { } type)
            {
                builder.Add(type);
            }
        }

        return builder.ToImmutable();
    }
}
