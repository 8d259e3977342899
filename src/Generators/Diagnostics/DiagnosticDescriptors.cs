using Microsoft.CodeAnalysis;

namespace Streaming.Generators.Diagnostics;

/// <summary>The rules the generator reports while it reads <c>[Stream]</c> methods.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Streaming";
    private const string HelpLinkBase = "https://github.com/streaming-generators/streaming-generators/blob/main/docs/diagnostics/";

    public static readonly DiagnosticDescriptor NotASequence = Rule(
        "STRM002",
        "[Stream] method must return IEnumerable<T> or IAsyncEnumerable<T>",
        "'{0}' returns '{1}'; a [Stream] method must return IEnumerable<T> or IAsyncEnumerable<T> so that items can be written as they are produced",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnwritableElement = Rule(
        "STRM003",
        "The element type cannot be written in this format",
        "'{0}' cannot be written as {1}: {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor BadRoute = Rule(
        "STRM006",
        "The route does not match the method",
        "The route '{0}' of '{1}' is not valid: {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NotCallable = Rule(
        "STRM007",
        "The generated endpoint cannot call this [Stream] method",
        "The generated endpoint cannot call '{0}': {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SerializerFallback = Rule(
        "STRM008",
        "A member is written by JsonSerializer, which allocates",
        "'{0}' is written by JsonSerializer because {1}; it allocates on every item and needs serializer metadata for its type at run time (under NativeAOT, set JsonFallback.Options)",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor NavigationCycle = Rule(
        "STRM009",
        "An entity navigation cycle can fail mid-stream",
        "'{0}' leads back to '{1}' ({2}): when both ends are loaded, every item nests until System.Text.Json's depth limit (64) and the stream fails mid-way; mark '{0}' [JsonIgnore] or stream a projection without it",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InternalError = Rule(
        "STRM000",
        "Streaming.Generators could not read this method",
        "Streaming.Generators could not read this method ({0}: {1}); no endpoint was generated for it. Please report this.",
        DiagnosticSeverity.Warning);

    public static DiagnosticDescriptor ById(string id) => id switch
    {
        "STRM000" => InternalError,
        "STRM002" => NotASequence,
        "STRM003" => UnwritableElement,
        "STRM006" => BadRoute,
        "STRM007" => NotCallable,
        "STRM008" => SerializerFallback,
        "STRM009" => NavigationCycle,
        _ => throw new System.ArgumentOutOfRangeException(nameof(id), id, "Unknown diagnostic id."),
    };

    private static DiagnosticDescriptor Rule(string id, string title, string message, DiagnosticSeverity severity)
        => new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md");
}
