using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Streaming.Generators.IntegrationTests.Infrastructure;

/// <summary>
/// Records every measurement of the <c>Streaming.Generators</c> meter created by one application's
/// <see cref="IMeterFactory"/>, so that servers running side by side in this process do not see each other.
/// </summary>
public sealed class MetricsRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();
    private readonly ConcurrentDictionary<string, Instrument> _instruments = new();

    public MetricsRecorder(IServiceProvider services)
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == StreamingTelemetry.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                _instruments[instrument.Name] = instrument;
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    public IReadOnlyList<Measurement> Measurements => _measurements.ToList();

    public Instrument? Instrument(string name) => _instruments.TryGetValue(name, out var instrument) ? instrument : null;

    public IEnumerable<Measurement> Of(string name) => _measurements.Where(m => m.Instrument == name);

    public double Sum(string name, Func<Measurement, bool>? where = null) => Of(name).Where(where ?? (_ => true)).Sum(m => m.Value);

    public double ActiveStreams => Sum("streaming.server.active_streams");

    /// <summary>Waits until the active-streams gauge is back to zero (the last decrement follows the producer's <c>finally</c> closely but not at once).</summary>
    public async Task<bool> WaitForNoActiveStreamsAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (ActiveStreams != 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        _measurements.Enqueue(new Measurement(instrument.Name, value, copy));
    }
}

public sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    public string? Tag(string key) => Tags.TryGetValue(key, out var value) ? value as string : null;
}
