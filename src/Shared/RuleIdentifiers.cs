namespace Streaming;

/// <summary>
/// Every diagnostic ID of Streaming.Generators, and its help link. IDs are public contract: never reuse or renumber
/// one. STRM000, 002, 003, 006, 007, 008 and 009 are reported by the source generator.
/// This one file is compiled into both the generator and the analyzers.
/// </summary>
internal static class RuleIdentifiers
{
    public const string GeneratorInternalError = "STRM000";
    public const string MaterializedStream = "STRM001";
    public const string NotASequence = "STRM002";
    public const string UnwritableElement = "STRM003";
    public const string UnobservedCancellation = "STRM004";
    public const string BlockingCall = "STRM005";
    public const string BadRoute = "STRM006";
    public const string NotCallable = "STRM007";
    public const string SerializerFallback = "STRM008";
    public const string NavigationCycle = "STRM009";
    public const string BufferedEndpoint = "STRM010";

    public const string HelpLinkBase = "https://github.com/streaming-generators/streaming-generators/blob/main/docs/diagnostics/";

    public static string HelpLink(string id) => HelpLinkBase + id + ".md";
}
