using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace Streaming;

/// <summary>
/// The <c>Streaming.Generators</c> meter, named after OpenTelemetry's semantic conventions: dotted lowercase
/// names under <c>streaming.server</c>, UCUM units, <c>http.route</c> for the route template.
/// </summary>
internal sealed class StreamingMetrics
{
    public const string RouteTag = "http.route";
    public const string FormatTag = "streaming.format";
    public const string OutcomeTag = "streaming.outcome";
    public const string ErrorTypeTag = "error.type";

    // Streams last from milliseconds to hours; the default HTTP buckets stop at 10 s.
    private static readonly IReadOnlyList<double> s_durationBuckets = [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 120, 300, 600, 1800, 3600];

    private readonly UpDownCounter<long> _active;
    private readonly Counter<long> _items;
    private readonly Counter<long> _bytes;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _buffered;

    public StreamingMetrics(IMeterFactory? meterFactory)
    {
        // A meter from the container's factory lives and dies with the application (and tests can tell two apps apart).
        var meter = meterFactory?.Create(StreamingTelemetry.MeterName) ?? new Meter(StreamingTelemetry.MeterName);
        _active = meter.CreateUpDownCounter<long>("streaming.server.active_streams", "{stream}", "Streams being written.");
        _items = meter.CreateCounter<long>("streaming.server.items", "{item}", "Items flushed to the server.");
        _bytes = meter.CreateCounter<long>("streaming.server.bytes", "By", "Body bytes flushed to the server, before any response compression.");
        _duration = meter.CreateHistogram<double>(
            "streaming.server.duration",
            "s",
            "How long streams ran, from the first write to the end, by outcome.",
            tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = s_durationBuckets });
        _rejected = meter.CreateCounter<long>("streaming.server.rejected_streams", "{stream}", "Streams refused with 503 because MaxConcurrentStreams were running.");
        _buffered = meter.CreateCounter<long>(
            "streaming.server.buffered_responses",
            "{response}",
            "Large JSON responses of ordinary endpoints that were built whole in memory before their first byte (seen by UseBufferedResponseDetection).");
    }

    public void Started(string route, string format) => _active.Add(1, Tag(RouteTag, route), Tag(FormatTag, format));

    public void Sent(string route, string format, long items, long bytes)
    {
        if (items > 0)
        {
            _items.Add(items, Tag(RouteTag, route), Tag(FormatTag, format));
        }

        if (bytes > 0)
        {
            _bytes.Add(bytes, Tag(RouteTag, route), Tag(FormatTag, format));
        }
    }

    public void Ended(string route, string format, StreamOutcome outcome, string? errorType, double seconds)
    {
        _active.Add(-1, Tag(RouteTag, route), Tag(FormatTag, format));
        if (errorType is null)
        {
            _duration.Record(seconds, Tag(RouteTag, route), Tag(FormatTag, format), Tag(OutcomeTag, outcome.TagValue()));
        }
        else
        {
            _duration.Record(seconds, Tag(RouteTag, route), Tag(FormatTag, format), Tag(OutcomeTag, outcome.TagValue()), Tag(ErrorTypeTag, errorType));
        }
    }

    public void Rejected(string route, string format) => _rejected.Add(1, Tag(RouteTag, route), Tag(FormatTag, format));

    public void Buffered(string route) => _buffered.Add(1, Tag(RouteTag, route));

    private static KeyValuePair<string, object?> Tag(string key, string value) => new(key, value);
}
