namespace Streaming.Generators;

/// <summary>Tracking names of the pipeline's steps, so tests can check what an edit re-runs.</summary>
internal static class StepNames
{
    /// <summary>The compilation's declarations: runs on every compilation, and is equal to the last unless a declaration changed.</summary>
    public const string Declarations = nameof(Declarations);

    /// <summary>Every <c>[Stream]</c> method read, in one output: runs only when <see cref="Declarations"/> changed.</summary>
    public const string ReadMethods = nameof(ReadMethods);

    /// <summary>The methods read, one output each.</summary>
    public const string StreamMethods = nameof(StreamMethods);
    public const string Diagnostics = nameof(Diagnostics);
    public const string JsonTypes = nameof(JsonTypes);
    public const string CsvTypes = nameof(CsvTypes);
    public const string Endpoints = nameof(Endpoints);
}
