using Orders;
using Orders.Data;
using Orders.Live;
using Orders.Relay;
using Streaming;

// The content root is the app's own folder, so `dotnet run --project samples/Orders` finds wwwroot from anywhere.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

builder.Services.AddOrderStore(builder.Configuration);
// Streaming:SseHeartbeatInterval, Streaming:FlushThresholdBytes … can be set like any other setting.
builder.Services.Configure<StreamingOptions>(builder.Configuration.GetSection("Streaming"));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<OrderFeed>();
builder.Services.AddHostedService<ShopSimulator>();
// /relay/orders reads an upstream order stream with Streaming.Generators.Client and streams it on.
builder.Services.AddOrderRelay();
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, OrdersJsonContext.Default));
// Error responses (a stream's 400 for a bad query value, a minimal API's 400 for a malformed order) are
// ProblemDetails written by the application's problem details service.
builder.Services.AddProblemDetails();

var app = builder.Build();

// Created and seeded on first start: a million orders by default, Database:SeedRows to change it.
var seedRows = builder.Configuration.GetValue("Database:SeedRows", 1_000_000);
await app.Services.GetRequiredService<OrderStore>().EnsureSeededAsync(seedRows, app.Lifetime.ApplicationStopping);

app.UseDefaultFiles();
app.UseStaticFiles();
app.MapOrderPlacement();
app.MapStreamEndpoints();

app.Run();
