using Streaming.Generators.IntegrationTests.Infrastructure;

namespace Streaming.Generators.IntegrationTests.Streams;

/// <summary>
/// One item, then a producer that blocks its thread without awaiting, so the writer gets no sign that it
/// waits: only a flush policy that flushes the item on its own gets it to the client before the block ends.
/// </summary>
public static class FlushPolicyStreams
{
    [Stream(Format.NdJson, "/flush/default/{run}")]
    public static IAsyncEnumerable<Reading> Default(string run, ProducerProbes probes) => ThenBlock(run, probes);

    [Stream(Format.NdJson, "/flush/every-item/{run}", FlushEveryItem = true)]
    public static IAsyncEnumerable<Reading> EveryItem(string run, ProducerProbes probes) => ThenBlock(run, probes);

    [Stream(Format.NdJson, "/flush/threshold/{run}", FlushThresholdBytes = 64)]
    public static IAsyncEnumerable<Reading> SmallThreshold(string run, ProducerProbes probes) => ThenBlock(run, probes);

    private static async IAsyncEnumerable<Reading> ThenBlock(string run, ProducerProbes probes)
    {
        using var producer = probes.Enter(run);
        await Task.CompletedTask;
        yield return Reading.Create(0);
        producer.Probe.WaitBlocking();
        yield return Reading.Create(1);
    }
}
