using System.Collections.Immutable;
using System.Runtime.CompilerServices;
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

    private KnownSymbols(Compilation compilation)
    {
        Compilation = compilation;
        INamedTypeSymbol? Get(string metadataName) => compilation.GetTypeByMetadataName(metadataName);

        IAsyncEnumerableOfT = Get("System.Collections.Generic.IAsyncEnumerable`1");
        IAsyncDisposable = Get("System.IAsyncDisposable");
        IDisposable = Get("System.IDisposable");
        IParsableOfT = Get("System.IParsable`1");
        Type = Get("System.Type");
        ObsoleteAttribute = Get("System.ObsoleteAttribute");
        FlagsAttribute = Get("System.FlagsAttribute");

        Guid = Get("System.Guid");
        DateTimeOffset = Get("System.DateTimeOffset");
        DateOnly = Get("System.DateOnly");
        TimeOnly = Get("System.TimeOnly");
        TimeSpan = Get("System.TimeSpan");
        Half = Get("System.Half");
        Int128 = Get("System.Int128");
        UInt128 = Get("System.UInt128");
        Uri = Get("System.Uri");
        Version = Get("System.Version");
        MemoryOfT = Get("System.Memory`1");
        ReadOnlyMemoryOfT = Get("System.ReadOnlyMemory`1");

        ListOfT = Get("System.Collections.Generic.List`1");
        HashSetOfT = Get("System.Collections.Generic.HashSet`1");
        DictionaryOfTKeyTValue = Get("System.Collections.Generic.Dictionary`2");
        ImmutableArrayOfT = Get("System.Collections.Immutable.ImmutableArray`1");
        ImmutableListOfT = Get("System.Collections.Immutable.ImmutableList`1");
        SequenceInterfaces = Resolve(
            compilation,
            "System.Collections.Generic.IEnumerable`1",
            "System.Collections.Generic.ICollection`1",
            "System.Collections.Generic.IList`1",
            "System.Collections.Generic.IReadOnlyCollection`1",
            "System.Collections.Generic.IReadOnlyList`1",
            "System.Collections.Generic.ISet`1",
            "System.Collections.Generic.IReadOnlySet`1");
        DictionaryInterfaces = Resolve(
            compilation,
            "System.Collections.Generic.IDictionary`2",
            "System.Collections.Generic.IReadOnlyDictionary`2");

        JsonElement = Get("System.Text.Json.JsonElement");
        JsonDocument = Get("System.Text.Json.JsonDocument");
        JsonNode = Get("System.Text.Json.Nodes.JsonNode");
        JsonConverterOfT = Get("System.Text.Json.Serialization.JsonConverter`1");
        JsonConverterAttribute = Get("System.Text.Json.Serialization.JsonConverterAttribute");
        JsonStringEnumConverter = Get("System.Text.Json.Serialization.JsonStringEnumConverter");
        JsonStringEnumConverterOfT = Get("System.Text.Json.Serialization.JsonStringEnumConverter`1");
        JsonPropertyNameAttribute = Get("System.Text.Json.Serialization.JsonPropertyNameAttribute");
        JsonIgnoreAttribute = Get("System.Text.Json.Serialization.JsonIgnoreAttribute");
        JsonIncludeAttribute = Get("System.Text.Json.Serialization.JsonIncludeAttribute");
        JsonPropertyOrderAttribute = Get("System.Text.Json.Serialization.JsonPropertyOrderAttribute");
        JsonExtensionDataAttribute = Get("System.Text.Json.Serialization.JsonExtensionDataAttribute");
        JsonNumberHandlingAttribute = Get("System.Text.Json.Serialization.JsonNumberHandlingAttribute");
        JsonPolymorphicAttribute = Get("System.Text.Json.Serialization.JsonPolymorphicAttribute");
        JsonDerivedTypeAttribute = Get("System.Text.Json.Serialization.JsonDerivedTypeAttribute");
        JsonStringEnumMemberNameAttribute = Get("System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute");

        SseItemOfT = Get("System.Net.ServerSentEvents.SseItem`1");
        HttpContext = Get("Microsoft.AspNetCore.Http.HttpContext");
        HttpRequest = Get("Microsoft.AspNetCore.Http.HttpRequest");
        HttpResponse = Get("Microsoft.AspNetCore.Http.HttpResponse");
        ClaimsPrincipal = Get("System.Security.Claims.ClaimsPrincipal");
        CancellationToken = Get("System.Threading.CancellationToken");
        FromRouteMetadata = Get("Microsoft.AspNetCore.Http.Metadata.IFromRouteMetadata");
        FromQueryMetadata = Get("Microsoft.AspNetCore.Http.Metadata.IFromQueryMetadata");
        FromHeaderMetadata = Get("Microsoft.AspNetCore.Http.Metadata.IFromHeaderMetadata");
        FromBodyMetadata = Get("Microsoft.AspNetCore.Http.Metadata.IFromBodyMetadata");
        FromServiceMetadata = Get("Microsoft.AspNetCore.Http.Metadata.IFromServiceMetadata");

        CsvColumnAttribute = Get("Streaming.CsvColumnAttribute");
        CsvIgnoreAttribute = Get("Streaming.CsvIgnoreAttribute");
    }

    public Compilation Compilation { get; }

    public INamedTypeSymbol? IAsyncEnumerableOfT { get; }
    public INamedTypeSymbol? IAsyncDisposable { get; }
    public INamedTypeSymbol? IDisposable { get; }
    public INamedTypeSymbol? IParsableOfT { get; }
    public INamedTypeSymbol? Type { get; }
    public INamedTypeSymbol? ObsoleteAttribute { get; }
    public INamedTypeSymbol? FlagsAttribute { get; }

    public INamedTypeSymbol? Guid { get; }
    public INamedTypeSymbol? DateTimeOffset { get; }
    public INamedTypeSymbol? DateOnly { get; }
    public INamedTypeSymbol? TimeOnly { get; }
    public INamedTypeSymbol? TimeSpan { get; }
    public INamedTypeSymbol? Half { get; }
    public INamedTypeSymbol? Int128 { get; }
    public INamedTypeSymbol? UInt128 { get; }
    public INamedTypeSymbol? Uri { get; }
    public INamedTypeSymbol? Version { get; }
    public INamedTypeSymbol? MemoryOfT { get; }
    public INamedTypeSymbol? ReadOnlyMemoryOfT { get; }

    public INamedTypeSymbol? ListOfT { get; }
    public INamedTypeSymbol? HashSetOfT { get; }
    public INamedTypeSymbol? DictionaryOfTKeyTValue { get; }
    public INamedTypeSymbol? ImmutableArrayOfT { get; }
    public INamedTypeSymbol? ImmutableListOfT { get; }
    public ImmutableArray<INamedTypeSymbol> SequenceInterfaces { get; }
    public ImmutableArray<INamedTypeSymbol> DictionaryInterfaces { get; }

    public INamedTypeSymbol? JsonElement { get; }
    public INamedTypeSymbol? JsonDocument { get; }
    public INamedTypeSymbol? JsonNode { get; }
    public INamedTypeSymbol? JsonConverterOfT { get; }
    public INamedTypeSymbol? JsonConverterAttribute { get; }
    public INamedTypeSymbol? JsonStringEnumConverter { get; }
    public INamedTypeSymbol? JsonStringEnumConverterOfT { get; }
    public INamedTypeSymbol? JsonPropertyNameAttribute { get; }
    public INamedTypeSymbol? JsonIgnoreAttribute { get; }
    public INamedTypeSymbol? JsonIncludeAttribute { get; }
    public INamedTypeSymbol? JsonPropertyOrderAttribute { get; }
    public INamedTypeSymbol? JsonExtensionDataAttribute { get; }
    public INamedTypeSymbol? JsonNumberHandlingAttribute { get; }
    public INamedTypeSymbol? JsonPolymorphicAttribute { get; }
    public INamedTypeSymbol? JsonDerivedTypeAttribute { get; }
    public INamedTypeSymbol? JsonStringEnumMemberNameAttribute { get; }

    public INamedTypeSymbol? SseItemOfT { get; }
    public INamedTypeSymbol? HttpContext { get; }
    public INamedTypeSymbol? HttpRequest { get; }
    public INamedTypeSymbol? HttpResponse { get; }
    public INamedTypeSymbol? ClaimsPrincipal { get; }
    public INamedTypeSymbol? CancellationToken { get; }
    public INamedTypeSymbol? FromRouteMetadata { get; }
    public INamedTypeSymbol? FromQueryMetadata { get; }
    public INamedTypeSymbol? FromHeaderMetadata { get; }
    public INamedTypeSymbol? FromBodyMetadata { get; }
    public INamedTypeSymbol? FromServiceMetadata { get; }

    public INamedTypeSymbol? CsvColumnAttribute { get; }
    public INamedTypeSymbol? CsvIgnoreAttribute { get; }

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
