using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Streaming.Generators.IntegrationTests.Browser;
using Streaming.Generators.IntegrationTests.Streams;

namespace Streaming.Generators.IntegrationTests.Infrastructure;

/// <summary>
/// A real Kestrel on 127.0.0.1 serving this assembly's <c>[Stream]</c> methods on two ports: HTTP/1.1, and
/// HTTP/2 without TLS (h2c, prior knowledge). Subclasses configure services and the pipeline for a scenario.
/// Every instance has its own logs and its own meter, so a test class with its own server can assert on them.
/// </summary>
public class StreamingServer : IAsyncLifetime
{
    private WebApplication? _app;
    private Uri? _http1;
    private Uri? _http2;

    public ProducerProbes Probes { get; } = new();

    public BrowserRuns BrowserRuns { get; } = new();

    public InMemoryLogs Logs { get; } = new();

    public MetricsRecorder Metrics { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    /// <summary>The HTTP/1.1 address.</summary>
    public Uri BaseAddress => _http1!;

    protected virtual string EnvironmentName => "Production";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = EnvironmentName });
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1);
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(Logs);
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton(Probes);
        builder.Services.AddSingleton(BrowserRuns);
        builder.Services.AddSingleton<ReadingArchive>();
        ConfigureServices(builder.Services);

        _app = builder.Build();
        Metrics = new MetricsRecorder(_app.Services);
        ConfigureApp(_app);
        await _app.StartAsync();

        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        _http1 = addresses[0];
        _http2 = addresses[1];
    }

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    protected virtual void ConfigureApp(WebApplication app)
    {
        app.MapStreamEndpoints();
        app.MapBrowserPages();
        ByHandEndpoints.Map(app);
    }

    /// <summary>A client for <paramref name="protocol"/>: <c>"1.1"</c> or <c>"2"</c> (h2c, nothing else accepted).</summary>
    public HttpClient CreateClient(string protocol = Protocols.Http1, DecompressionMethods decompression = DecompressionMethods.None)
    {
        // A response disposed before its end closes the connection at once, instead of being drained for up to
        // two seconds to reuse it (SocketsHttpHandler's default): a test's disconnect happens when the test says.
        var handler = new SocketsHttpHandler { AutomaticDecompression = decompression, MaxResponseDrainSize = 0 };
        return protocol switch
        {
            Protocols.Http1 => new HttpClient(handler) { BaseAddress = _http1, Timeout = TimeSpan.FromSeconds(30) },
            Protocols.Http2 => new HttpClient(handler)
            {
                BaseAddress = _http2,
                Timeout = TimeSpan.FromSeconds(30),
                DefaultRequestVersion = HttpVersion.Version20,
                DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            },
            _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "Use \"1.1\" or \"2\"."),
        };
    }

    public virtual async Task DisposeAsync()
    {
        Metrics?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

/// <summary>The protocols tests run over, as theory data.</summary>
public static class Protocols
{
    public const string Http1 = "1.1";
    public const string Http2 = "2";

    public static TheoryData<string> Both => new() { Http1, Http2 };
}
