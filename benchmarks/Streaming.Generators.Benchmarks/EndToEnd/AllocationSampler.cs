using System.Diagnostics.Tracing;
using System.Globalization;
using System.Text;

namespace Streaming.Generators.Benchmarks.EndToEnd;

/// <summary>
/// A sampling allocation profile of the server process: the runtime raises a <c>GCAllocationTick</c> event about
/// every 100 KB allocated, naming the type of the object that crossed the mark, so the counts per type show where
/// the bytes go. Started with <c>server --profile-allocations</c>; read and reset through <c>/_allocations</c>.
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly Dictionary<string, (long Samples, long Bytes)> _types = [];

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs data)
    {
        if (data.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || data.Payload is null)
        {
            return;
        }

        var type = data.PayloadNames!.IndexOf("TypeName") is var t and >= 0 ? data.Payload[t] as string ?? "?" : "?";
        var amount = data.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(data.Payload[a], CultureInfo.InvariantCulture) : 0;
        lock (_types)
        {
            var (samples, bytes) = _types.GetValueOrDefault(type);
            _types[type] = (samples + 1, bytes + amount);
        }
    }

    /// <summary>The sampled types, most sampled first, and a fresh start.</summary>
    public string TakeReport()
    {
        lock (_types)
        {
            var text = new StringBuilder();
            var total = _types.Values.Sum(v => v.Samples);
            foreach (var (type, (samples, _)) in _types.OrderByDescending(pair => pair.Value.Samples).Take(15))
            {
                text.Append(CultureInfo.InvariantCulture, $"{100.0 * samples / total,5:0.0}%  {samples,6}  {type}\n");
            }

            _types.Clear();
            return text.ToString();
        }
    }
}
