using Streaming.Generators.Diagnostics;

namespace Streaming.Generators.Model;

/// <summary>What reading one <c>[Stream]</c> method yields: its spec when it can be generated, the writers it
/// needs, and the diagnostics found on the way.</summary>
internal sealed record MethodParseResult(
    StreamMethodSpec? Method,
    EquatableArray<JsonTypeSpec> JsonTypes,
    EquatableArray<CsvTypeSpec> CsvTypes,
    EquatableArray<DiagnosticInfo> Diagnostics);
