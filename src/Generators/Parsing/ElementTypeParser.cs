using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Streaming.Generators.Diagnostics;
using Streaming.Generators.Model;

namespace Streaming.Generators.Parsing;

/// <summary>The writer and payload of a stream's element type in one format, with the types whose writers it needs.</summary>
/// <param name="Writer">The generated writer of the payload, or <see langword="null"/> for text.</param>
/// <param name="Payload">What the payload is.</param>
/// <param name="SseItemData">For an <c>SseItem&lt;T&gt;</c> element, <c>T</c>.</param>
internal readonly record struct ElementEncoding(string? Writer, PayloadKind Payload, string? SseItemData);

/// <summary>
/// Decides how each format writes an element type, and reports the element types a format cannot write:
/// NdJson and JsonArray write any JSON value; Sse writes strings as they are and other values as JSON (and
/// <c>SseItem&lt;T&gt;</c> of either); Csv writes objects as records; Text writes <c>string</c> and
/// <c>ReadOnlyMemory&lt;char&gt;</c>.
/// </summary>
internal sealed class ElementTypeParser
{
    private readonly Location? _location;
    private readonly StreamFormat _format;
    private readonly KnownSymbols _symbols;
    private readonly JsonTypeParser _json;
    private readonly CsvTypeParser _csv;
    private readonly List<DiagnosticInfo> _diagnostics = new();

    public ElementTypeParser(Location? location, StreamFormat format, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        _location = location;
        _format = format;
        _symbols = symbols;
        _json = new JsonTypeParser(location, FormatName, symbols, cancellationToken);
        _csv = new CsvTypeParser(location, symbols, cancellationToken);
    }

    public IReadOnlyList<JsonTypeSpec> JsonTypes => _json.Types;

    public IReadOnlyList<CsvTypeSpec> CsvTypes => _csv.Types;

    public IEnumerable<DiagnosticInfo> Diagnostics => _diagnostics.Concat(_json.Diagnostics).Concat(_csv.Diagnostics);

    private string FormatName => $"Format.{_format}";

    /// <summary>How <paramref name="elementType"/> is written, or <see langword="null"/> (with diagnostics) when it cannot be.</summary>
    public ElementEncoding? Parse(ITypeSymbol elementType)
    {
        switch (_format)
        {
            case StreamFormat.NdJson or StreamFormat.JsonArray:
                return ParseJson(elementType);
            case StreamFormat.Csv:
                return _csv.Parse(elementType) is { } csv ? new ElementEncoding(csv.QualifiedWriterName, PayloadKind.Object, null) : null;
            case StreamFormat.Text:
                return ParseText(elementType);
            case StreamFormat.Sse:
                return ParseSse(elementType);
            default:
                Report(KnownTypes.MetadataName(elementType), $"{FormatName} is not a format this version of Streaming.Generators knows");
                return null;
        }
    }

    private ElementEncoding? ParseJson(ITypeSymbol type)
        => _json.ParseRoot(type) is { } writer ? new ElementEncoding(writer, PayloadKind.Object, null) : null;

    private ElementEncoding? ParseText(ITypeSymbol elementType)
    {
        if (elementType.SpecialType == SpecialType.System_String)
        {
            return new ElementEncoding(null, PayloadKind.String, null);
        }

        if (KnownSymbols.Is(elementType, _symbols.ReadOnlyMemoryOfT, SpecialType.System_Char))
        {
            return new ElementEncoding(null, PayloadKind.CharMemory, null);
        }

        Report(KnownTypes.MetadataName(elementType), "Format.Text writes string or ReadOnlyMemory<char> items as they are; stream text (for example with Select) or choose Format.NdJson");
        return null;
    }

    private ElementEncoding? ParseSse(ITypeSymbol elementType)
    {
        if (elementType is INamedTypeSymbol { IsGenericType: true } named && KnownSymbols.Is(named, _symbols.SseItemOfT))
        {
            var data = named.TypeArguments[0];
            if (KnownSymbols.Is(data, _symbols.SseItemOfT))
            {
                Report(KnownTypes.MetadataName(elementType), "an SseItem cannot carry another SseItem; give it the data itself");
                return null;
            }

            return ParseSseData(data) is { } payload ? payload with { SseItemData = KnownTypes.Name(data) } : null;
        }

        return ParseSseData(elementType);
    }

    /// <summary>SSE data: a string as it is, anything else as the JSON NDJSON would write for it.</summary>
    private ElementEncoding? ParseSseData(ITypeSymbol data)
        => data.SpecialType == SpecialType.System_String
            ? new ElementEncoding(null, PayloadKind.String, null)
            : ParseJson(data);

    private void Report(string member, string reason)
        => _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnwritableElement, _location, member, FormatName, reason));
}
