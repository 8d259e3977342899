namespace Streaming.Generators;

/// <summary>Tracking names of the pipeline's steps, so tests can check what an edit re-runs.</summary>
internal static class StepNames
{
    public const string StreamMethods = nameof(StreamMethods);
    public const string Diagnostics = nameof(Diagnostics);
    public const string JsonTypes = nameof(JsonTypes);
    public const string CsvTypes = nameof(CsvTypes);
    public const string Endpoints = nameof(Endpoints);
}
