using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Streaming.Generators.SampleTests;

/// <summary>
/// What docs/migration.md says about the starting point: a minimal API that returns <c>IAsyncEnumerable&lt;T&gt;</c>,
/// measured over a real Kestrel socket.
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

    private async IAsyncEnumerable<Order> GatedAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var id = 1; id <= 4; id++)
        {
            await _permits.WaitAsync(cancellationToken);
            yield return new Order(id, $"p{id}");
        }
    }
}
