using System;

namespace Streaming;

/// <summary>Options of <c>app.UseBufferedResponseDetection()</c>.</summary>
public sealed class BufferedResponseDetectionOptions
{
    /// <summary>
    /// The body size from which a buffered JSON response is reported. 1 MiB by default: below it, holding the
    /// response in memory costs little; above it, the client waits for the whole result and the server holds it.
    /// </summary>
    public long ThresholdBytes
    {
        get;
        set => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The threshold must be positive.");
    } = 1024 * 1024;
}
