using Orders;

var builder = WebApplication.CreateBuilder(args);

// An embedded SQLite file next to the app, created and seeded on first start.
SQLitePCL.Batteries_V2.Init();
var databasePath = builder.Configuration["Database:Path"] ?? Path.Combine(AppContext.BaseDirectory, "orders.db");
var seedRows = builder.Configuration.GetValue("Database:SeedRows", 1_000_000);
builder.Services.AddSingleton(sp => new OrderDatabase($"Data Source={databasePath}", sp.GetRequiredService<ILogger<OrderDatabase>>()));

var app = builder.Build();
app.Services.GetRequiredService<OrderDatabase>().EnsureSeeded(seedRows);

app.MapGet("/", () => """
    Streaming.Generators sample. Try:
      curl -N http://localhost:5000/orders?limit=5
      curl -N http://localhost:5000/customers/42/orders.csv
      curl -N http://localhost:5000/customers/42/report.txt
      curl -N http://localhost:5000/orders/live -H "Last-Event-ID: 1000"
    """);
app.MapStreamEndpoints();

app.Run();
