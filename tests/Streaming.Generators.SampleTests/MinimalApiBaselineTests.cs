using System.Globalization;
using System.Net;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Streaming.Generators.SampleTests.Infrastructure;

namespace Streaming.Generators.SampleTests;

/// <summary>
/// What docs/migration.md says about the starting points — a minimal API that returns <c>IAsyncEnumerable&lt;T&gt;</c>,
/// and one that returns <c>TypedResults.ServerSentEvents</c> — measured over a real Kestrel socket.
/// </summary>
public sealed class MinimalApiBaselineTests : IAsyncLifetime
{
    public sealed record Order(long Id, string Product);

    private readonly SemaphoreSlim _permits = new(0);
    private WebApplication _app = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/orders", (CancellationToken cancellationToken) => GatedAsync(cancellationToken));
        _app.MapGet("/events", (CancellationToken cancellationToken) => TypedResults.ServerSentEvents(EventsAsync(cancellationToken)));
        await _app.StartAsync();
        _address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task It_streams_one_json_array_whose_items_go_out_while_the_producer_waits()
    {
        using var client = new HttpClient { BaseAddress = _address };
        _permits.Release(3);
        using var response = await client.GetAsync("/orders", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);

        // Three items are produced, then the producer waits for a fourth: the three are on the wire, inside an
        // array that is not closed yet, so the client needs an incremental JSON parser to use them.
        var body = await response.Content.ReadAsStreamAsync();
        var received = new System.Text.StringBuilder();
        var buffer = new byte[4096];
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!received.ToString().Contains("p3", StringComparison.Ordinal))
        {
            var read = await body.ReadAsync(buffer, deadline.Token);
            Assert.True(read > 0, "The body ended early.");
            received.Append(System.Text.Encoding.UTF8.GetString(buffer, 0, read));
        }

        Assert.Equal("""[{"id":1,"product":"p1"},{"id":2,"product":"p2"},{"id":3,"product":"p3"}""", received.ToString());

        _permits.Release();
        received.Append(await new StreamReader(body).ReadToEndAsync());
        Assert.Equal("""[{"id":1,"product":"p1"},{"id":2,"product":"p2"},{"id":3,"product":"p3"},{"id":4,"product":"p4"}]""", received.ToString());
    }

    [Fact]
    public async Task TypedResults_ServerSentEvents_writes_the_id_after_the_data_and_no_proxy_header()
    {
        using var client = new HttpClient { BaseAddress = _address };
        _permits.Release(2);
        using var response = await client.GetAsync("/events");

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store, no-cache", string.Join(", ", response.Headers.GetValues("Cache-Control")));
        Assert.False(response.Headers.Contains("X-Accel-Buffering"));
        Assert.Equal(
            "event: order\ndata: {\"id\":1,\"product\":\"p1\"}\nid: 1\n\nevent: order\ndata: {\"id\":2,\"product\":\"p2\"}\nid: 2\n\n",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Behind_a_bare_nginx_proxy_pass_TypedResults_ServerSentEvents_holds_its_events_back()
    {
        await using var nginx = await Nginx.StartAsync(Nginx.BareProxyPass, _address);
        using var client = nginx.CreateClient();
        _permits.Release(1);

        // One event is written and flushed by Kestrel, then the producer waits: nginx passes on nothing, not even headers.
        var events = client.GetAsync("/events?count=2", HttpCompletionOption.ResponseHeadersRead);
        Assert.NotSame(events, await Task.WhenAny(events, Task.Delay(TimeSpan.FromSeconds(3))));

        _permits.Release(1);
        using var response = await events;
        Assert.EndsWith("id: 2\n\n", await response.Content.ReadAsStringAsync());
    }

    private async IAsyncEnumerable<SseItem<Order>> EventsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var order in GatedAsync(cancellationToken).Take(2).WithCancellation(cancellationToken))
        {
            yield return new SseItem<Order>(order, "order") { EventId = order.Id.ToString(CultureInfo.InvariantCulture) };
        }
    }

    private async IAsyncEnumerable<Order> GatedAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var id = 1; id <= 4; id++)
        {
            await _permits.WaitAsync(cancellationToken);
            yield return new Order(id, $"p{id}");
        }
    }
}
