using Microsoft.CodeAnalysis;

namespace Streaming.Analyzers;

/// <summary>The rules the analyzers report. The generator's own rules live with the generator.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Streaming";

    /// <summary>{0}: the call, e.g. <c>ToListAsync()</c>; {1}: the source type.</summary>
    public static readonly DiagnosticDescriptor MaterializedStream = new(
        RuleIdentifiers.MaterializedStream,
        "A streamed source is buffered inside a [Stream] method",
        "'{0}' buffers the whole '{1}' in memory before the first item is sent; iterate the source itself (await foreach over AsAsyncEnumerable()) so items go out as they are read",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A [Stream] method exists to send each item as soon as it is produced. Materializing the query or async sequence it streams (ToList, ToArray, ToDictionary, ToHashSet, ToLookup, EF Core's ToListAsync/LoadAsync…) holds every row in server memory and delays the first byte until the last row has been read.",
        helpLinkUri: RuleIdentifiers.HelpLink(RuleIdentifiers.MaterializedStream));

    /// <summary>{0}: the method; {1}: what to do.</summary>
    public static readonly DiagnosticDescriptor UnobservedCancellation = new(
        RuleIdentifiers.UnobservedCancellation,
        "An async [Stream] iterator never observes a cancellation token",
        "'{0}' never observes a cancellation token, so it keeps reading after the client has gone; {1}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "When a client disconnects, the endpoint cancels the token passed to the iterator. An iterator that never looks at it keeps querying the database and producing items that nobody will read.",
        helpLinkUri: RuleIdentifiers.HelpLink(RuleIdentifiers.UnobservedCancellation));

    /// <summary>{0}: the blocking call; {1}: the method; {2}: what to do.</summary>
    public static readonly DiagnosticDescriptor BlockingCall = new(
        RuleIdentifiers.BlockingCall,
        "A blocking call inside an async [Stream] method",
        "'{0}' blocks a thread inside the async [Stream] method '{1}'; {2}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A streamed response can stay open for minutes. A thread blocked inside it (.Result, .Wait(), Thread.Sleep, synchronous I/O) is a thread-pool thread taken from every other request for that long.",
        helpLinkUri: RuleIdentifiers.HelpLink(RuleIdentifiers.BlockingCall));

    /// <summary>STRM005 in a synchronous <c>[Stream]</c> method. {0}: the call or loop; {1}: the method; {2}: the async way.</summary>
    public static readonly DiagnosticDescriptor BlockingCallInSynchronousStream = new(
        RuleIdentifiers.BlockingCall,
        "A blocking call inside a synchronous [Stream] method that could be async",
        "'{0}' blocks a thread inside the synchronous [Stream] method '{1}'; {2}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A synchronous [Stream] method holds a thread for as long as its stream lasts, and each of its waits (synchronous I/O with an async twin, a query enumerated synchronously, a sleep) keeps that thread idle. An async iterator that awaits the twin needs no thread while it waits.",
        helpLinkUri: RuleIdentifiers.HelpLink(RuleIdentifiers.BlockingCall));

    /// <summary>{0}: the call, e.g. <c>ToListAsync()</c>; {1}: the query type.</summary>
    public static readonly DiagnosticDescriptor BufferedEndpoint = new(
        RuleIdentifiers.BufferedEndpoint,
        "An endpoint returns a whole query as one buffered list",
        "This endpoint returns '{0}' of the unbounded '{1}': every row is held in memory before the first byte is sent; stream it from a [Stream] method, or page it with Take",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "A minimal-API handler or controller action that returns ToList()/ToListAsync() of a query with no Take holds the whole result in memory and sends nothing until the last row is read. A [Stream] method sends rows as they arrive, in constant memory.",
        helpLinkUri: RuleIdentifiers.HelpLink(RuleIdentifiers.BufferedEndpoint));
}
