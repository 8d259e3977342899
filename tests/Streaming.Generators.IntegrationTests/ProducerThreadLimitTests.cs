using Streaming.Generators.IntegrationTests.Infrastructure;

namespace Streaming.Generators.IntegrationTests;

/// <summary><see cref="StreamingOptions.MaxBlockingProducerThreads"/>: a synchronous producer past the limit waits for a thread, and gets one when a stream ends.</summary>
public sealed class ProducerThreadLimitTests(TwoProducerThreadsServer server) : IClassFixture<TwoProducerThreadsServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_third_blocking_producer_starts_when_one_of_the_two_threads_is_free()
    {
        using var client = server.CreateClient();
        var runs = Enumerable.Range(0, 3).Select(_ => server.Probes.Create()).ToArray();
        var first = client.GetStringAsync($"/blocking-gated/{runs[0].Run}");
        var second = client.GetStringAsync($"/blocking-gated/{runs[1].Run}");
        await Task.WhenAll(runs[0].Probe.Started.Task, runs[1].Probe.Started.Task).WaitAsync(Patience);

        var third = client.GetStringAsync($"/blocking-gated/{runs[2].Run}");
        await Task.Delay(500);
        Assert.False(runs[2].Probe.Started.Task.IsCompleted, "A third producer ran while two threads were busy.");

        runs[0].Probe.Release();
        Assert.Single((await first.WaitAsync(Patience)).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        await runs[2].Probe.Started.Task.WaitAsync(Patience);

        runs[1].Probe.Release();
        runs[2].Probe.Release();
        await Task.WhenAll(second, third).WaitAsync(Patience);
        Assert.All(new[] { await second, await third }, body => Assert.Single(body.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }
}
