using Streaming.Generators.IntegrationTests.Infrastructure;
using Streaming.Generators.IntegrationTests.Streams;

namespace Streaming.Generators.IntegrationTests;

/// <summary>
/// The flush policy, per endpoint and for the whole application. The producer yields one item and then blocks
/// its thread without awaiting, which gives the writer no sign that it waits: the item reaches the client
/// before the block ends only when the policy flushes it on its own.
/// </summary>
public sealed class FlushPolicyTests(StreamingServer server) : IClassFixture<StreamingServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("/flush/every-item/{0}")]
    [InlineData("/flush/threshold/{0}")]
    public async Task An_endpoint_that_flushes_each_item_delivers_it_before_the_producer_moves_on(string route)
        => await AssertDeliveredWhileBlockedAsync(server, string.Format(route, Guid.NewGuid().ToString("N")));

    [Fact]
    public async Task By_default_an_item_waits_for_the_producer_to_wait_or_the_threshold()
    {
        var (run, probe) = server.Probes.Create();
        using var client = server.CreateClient();

        var first = ReadFirstItemAsync(client, $"/flush/default/{run}");
        await probe.Started.Task.WaitAsync(Patience);
        await Task.Delay(500);
        Assert.False(first.IsCompleted, "The item left although nothing asked for a flush.");

        probe.Release();
        Assert.Equal(Oracle.Json(Reading.Create(0)), await first.WaitAsync(Patience));
    }

    internal static async Task AssertDeliveredWhileBlockedAsync(StreamingServer server, string path)
    {
        var run = path[(path.LastIndexOf('/') + 1)..];
        var probe = server.Probes[run];
        using var client = server.CreateClient();

        var first = await ReadFirstItemAsync(client, path).WaitAsync(Patience);

        Assert.Equal(Oracle.Json(Reading.Create(0)), first);
        Assert.False(probe.FinallyRan.Task.IsCompleted);
        probe.Release();
        await probe.FinallyRan.Task.WaitAsync(Patience);
    }

    private static async Task<string?> ReadFirstItemAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        return await reader.ReadLineAsync();
    }
}

/// <summary><see cref="StreamingOptions.FlushEveryItem"/> set for the application applies to endpoints that say nothing.</summary>
public sealed class ApplicationFlushPolicyTests(EveryItemServer server) : IClassFixture<EveryItemServer>
{
    [Fact]
    public async Task The_application_option_flushes_each_item_of_an_endpoint_with_no_setting_of_its_own()
        => await FlushPolicyTests.AssertDeliveredWhileBlockedAsync(server, $"/flush/default/{Guid.NewGuid():N}");
}
