namespace Streaming;

/// <summary>Where streams report: the meter to subscribe to and the log category to filter on.</summary>
public static class StreamingTelemetry
{
    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> of stream metrics (<c>streaming.server.*</c>).</summary>
    public const string MeterName = "Streaming.Generators";

    /// <summary>The category of the start and end lines of each stream.</summary>
    public const string LoggerCategory = "Streaming.StreamResponse";

    /// <summary>The category of the warnings of <c>UseBufferedResponseDetection()</c>.</summary>
    public const string BufferedResponseLoggerCategory = "Streaming.BufferedResponseDetector";
}
