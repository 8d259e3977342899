using System;
using Streaming;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Adds the buffered-response detector to the request pipeline.</summary>
public static class BufferedResponseDetectionExtensions
{
    /// <summary>
    /// Watches the application's ordinary (not <c>[Stream]</c>) endpoints, and logs a warning the first time one of
    /// them sends a JSON response of at least <see cref="BufferedResponseDetectionOptions.ThresholdBytes"/> that was
    /// built whole in memory before its first byte went out, with the endpoint, the size and the time to first byte.
    /// Every such response also counts in <c>streaming.server.buffered_responses</c>. The response itself is passed
    /// through untouched: nothing is buffered, copied or changed.
    /// </summary>
    /// <remarks>Call it after <c>UseRouting()</c> when the application calls that itself, so that the endpoint is known.</remarks>
    /// <example><code>app.UseBufferedResponseDetection(o => o.ThresholdBytes = 256 * 1024);</code></example>
    public static IApplicationBuilder UseBufferedResponseDetection(this IApplicationBuilder app, Action<BufferedResponseDetectionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(app);

        var options = new BufferedResponseDetectionOptions();
        configure?.Invoke(options);
        var detector = new BufferedResponseDetector(StreamingRuntime.For(app.ApplicationServices), options);
        return app.Use(next => context => detector.InvokeAsync(context, next));
    }
}
