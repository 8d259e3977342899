using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Streaming.Generators.IntegrationTests.Browser;

namespace Streaming.Generators.IntegrationTests.Infrastructure;

/// <summary>A real Kestrel on 127.0.0.1 (port 0) serving this assembly's <c>[Stream]</c> methods.</summary>
public class StreamingServer : IAsyncLifetime
{
    private WebApplication? _app;

    public ProducerProbes Probes { get; } = new();

    public BrowserRuns BrowserRuns { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(Probes);
        builder.Services.AddSingleton(BrowserRuns);
        Configure(builder.Services);

        _app = builder.Build();
        _app.MapStreamEndpoints();
        _app.MapBrowserPages();
        await _app.StartAsync();

        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address);
    }

    /// <summary>Adds or changes services (options) before the server starts.</summary>
    protected virtual void Configure(IServiceCollection services)
    {
    }

    public HttpClient CreateClient() => new(new SocketsHttpHandler()) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
