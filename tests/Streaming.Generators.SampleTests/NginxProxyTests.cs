using Streaming.Generators.SampleTests.Infrastructure;

namespace Streaming.Generators.SampleTests;

/// <summary>
/// The sample behind Debian's nginx with its default response buffering on: once with nothing but
/// <c>proxy_pass</c>, once with the configuration docs/deployment.md shows.
/// </summary>
public sealed class NginxProxyTests : IAsyncLifetime
{
    private static readonly TimeSpan s_prompt = TimeSpan.FromSeconds(5);
    private SampleServer _sample = null!;

    public static TheoryData<string> Sites => new() { "bare proxy_pass", "docs/deployment.md" };

    public async Task InitializeAsync() => _sample = await SampleServer.StartAsync(new SampleOptions { SeedRows = 20_000 });

    public async Task DisposeAsync() => await _sample.DisposeAsync();

    [Fact]
    public void The_documented_configuration_leaves_proxy_buffering_at_its_default()
        => Assert.DoesNotContain("proxy_buffering", Nginx.DocumentedConfiguration().Replace("# proxy_buffering stays on", ""));

    [Theory]
    [MemberData(nameof(Sites))]
    public async Task Feed_rows_pass_through_nginx_while_the_producer_is_blocked(string site)
    {
        await using var nginx = await StartNginxAsync(site);
        using var proxied = nginx.CreateClient();
        using var lines = await StreamedLines.OpenAsync(proxied, "/orders/feed");

        // Ten rows (about 1.3 kB, well under nginx's buffers), then the producer waits for a new order.
        await lines.NextIdsAsync(10, s_prompt, "the recent orders through nginx");

        using var direct = _sample.CreateClient();
        var placed = await Shop.PlaceOrderAsync(direct);
        Assert.Equal([placed], await lines.NextIdsAsync(1, s_prompt, $"order {placed} through nginx"));
    }

    [Theory]
    [MemberData(nameof(Sites))]
    public async Task Live_events_pass_through_nginx_while_the_producer_is_blocked(string site)
    {
        await using var nginx = await StartNginxAsync(site);
        using var proxied = nginx.CreateClient();
        using var events = await StreamedLines.OpenAsync(proxied, "/orders/live");
        await events.NextEventsAsync(10, s_prompt, "the recent order events through nginx");

        using var direct = _sample.CreateClient();
        var placed = await Shop.PlaceOrderAsync(direct);
        Assert.Equal(placed.ToString(System.Globalization.CultureInfo.InvariantCulture), (await events.NextEventAsync(s_prompt, $"event {placed} through nginx")).Id);
    }

    [Theory]
    [MemberData(nameof(Sites))]
    public async Task A_large_stream_through_nginx_is_byte_for_byte_what_kestrel_sends(string site)
    {
        await using var nginx = await StartNginxAsync(site);
        using var proxied = nginx.CreateClient();
        using var direct = _sample.CreateClient();

        var throughNginx = await proxied.GetByteArrayAsync("/orders?limit=20000");
        var fromKestrel = await direct.GetByteArrayAsync("/orders?limit=20000");

        Assert.True(fromKestrel.Length > 2_000_000, $"Only {fromKestrel.Length} bytes: the seed is smaller than the test assumes.");
        Assert.Equal(fromKestrel, throughNginx);
    }

    [Fact]
    public async Task An_idle_feed_is_closed_by_nginx_at_proxy_read_timeout()
    {
        var site = Nginx.DocumentedConfiguration().Replace("proxy_read_timeout 60s;", "proxy_read_timeout 2s;");
        await using var nginx = await Nginx.StartAsync(site, _sample.BaseAddress);
        using var proxied = nginx.CreateClient();
        using var lines = await StreamedLines.OpenAsync(proxied, "/orders/feed");
        await lines.NextIdsAsync(10, s_prompt, "the recent orders through nginx");

        // Nothing more to send: the feed has no heartbeat, so nginx gives up on it.
        var ended = await lines.EndAsync(TimeSpan.FromSeconds(15));
        Assert.InRange(ended, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        Assert.Contains("upstream timed out", nginx.ErrorLog);
    }

    [Fact]
    public async Task Heartbeats_keep_an_idle_event_stream_open_past_proxy_read_timeout()
    {
        await using var sample = await SampleServer.StartAsync(new SampleOptions
        {
            SeedRows = 100,
            Settings = new Dictionary<string, string> { ["Streaming__SseHeartbeatInterval"] = "00:00:01" },
        });
        var site = Nginx.DocumentedConfiguration().Replace("proxy_read_timeout 60s;", "proxy_read_timeout 2s;");
        await using var nginx = await Nginx.StartAsync(site, sample.BaseAddress);
        using var proxied = nginx.CreateClient();
        using var events = await StreamedLines.OpenAsync(proxied, "/orders/live");
        await events.NextEventsAsync(10, s_prompt, "the recent order events");

        // Six seconds of nothing but heartbeats, three times nginx's read timeout: the stream is still open.
        var quiet = System.Diagnostics.Stopwatch.StartNew();
        while (quiet.Elapsed < TimeSpan.FromSeconds(6))
        {
            Assert.Equal("heartbeat", (await events.NextEventAsync(s_prompt, "a heartbeat")).Comment);
        }

        using var direct = sample.CreateClient();
        var placed = await Shop.PlaceOrderAsync(direct);
        Assert.Equal(placed.ToString(System.Globalization.CultureInfo.InvariantCulture), (await events.NextEventAsync(s_prompt, $"event {placed}")).Id);
    }

    private Task<Nginx> StartNginxAsync(string site)
        => Nginx.StartAsync(site == "bare proxy_pass" ? Nginx.BareProxyPass : Nginx.DocumentedConfiguration(), _sample.BaseAddress);
}
