using Microsoft.AspNetCore.Server.Kestrel.Core;
using Streaming;

// Streaming:SseEndOnShutdown … and ShutdownTimeoutSeconds come from the environment (Streaming__…, ShutdownTimeoutSeconds).
var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Listen(System.Net.IPAddress.Loopback, builder.Configuration.GetValue<int>("Http1Port"), listen => listen.Protocols = HttpProtocols.Http1);
    kestrel.Listen(System.Net.IPAddress.Loopback, builder.Configuration.GetValue<int>("Http2Port"), listen => listen.Protocols = HttpProtocols.Http2);
});
builder.Services.Configure<StreamingOptions>(builder.Configuration.GetSection("Streaming"));
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(builder.Configuration.GetValue("ShutdownTimeoutSeconds", 30)));

var app = builder.Build();
app.MapGet("/ready", () => "ready");
app.MapStreamEndpoints();
app.Lifetime.ApplicationStopping.Register(() => Console.WriteLine("Application stopping."));
app.Run();
Console.WriteLine("Application stopped.");
