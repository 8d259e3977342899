using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Streaming.Generators.ClientTests;

/// <summary>
/// A real Kestrel on 127.0.0.1: HTTP/1.1 on one port and HTTP/2 without TLS (prior knowledge) on another,
/// serving this assembly's <c>[Stream]</c> methods and whatever endpoints a test maps. It can be started
/// again on the same ports, as a restarted server would be.
/// </summary>
public sealed class Server : IAsyncDisposable
{
    private readonly Action<WebApplication> _map;
    private WebApplication? _app;

    private Server(Action<WebApplication> map) => _map = map;

    public Uri Http1 { get; private set; } = null!;

    public Uri Http2 { get; private set; } = null!;

    public Gate Gate { get; } = new();

    public static async Task<Server> StartAsync(Action<WebApplication>? map = null)
    {
        var server = new Server(map ?? (_ => { }));
        await server.StartAsync(0, 0);
        return server;
    }

    /// <summary>Stops the server, aborting its open streams at once.</summary>
    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>Starts the server again on the ports it had.</summary>
    public Task RestartAsync() => StartAsync(Http1.Port, Http2.Port);

    public HttpClient CreateClient(string protocol = "1.1")
    {
        var handler = new SocketsHttpHandler { MaxResponseDrainSize = 0 };
        return protocol == "2"
            ? new HttpClient(handler) { BaseAddress = Http2, DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact, Timeout = TimeSpan.FromSeconds(30) }
            : new HttpClient(handler) { BaseAddress = Http1, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task StartAsync(int http1Port, int http2Port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, http1Port, listen => listen.Protocols = HttpProtocols.Http1);
            kestrel.Listen(IPAddress.Loopback, http2Port, listen => listen.Protocols = HttpProtocols.Http2);
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(Gate);

        // A stop does not wait for open streams: they are cut, as in a crash or a hard restart.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMilliseconds(100));
        var app = builder.Build();
        app.MapStreamEndpoints();
        _map(app);
        await app.StartAsync();

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        Http1 = addresses[0];
        Http2 = addresses[1];
        _app = app;
    }
}

/// <summary>Holds a producer on the server until the test lets it go on.</summary>
public sealed class Gate
{
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => _opened.TrySetResult();

    public Task WaitAsync(CancellationToken cancellationToken) => _opened.Task.WaitAsync(cancellationToken);
}

/// <summary>The protocols tests run over, as theory data.</summary>
public static class Protocols
{
    public static TheoryData<string> Both => new() { "1.1", "2" };
}
