using Orders.Data;

namespace Orders.Live;

/// <summary>
/// Places a random order every <c>Simulator:Interval</c> (default two seconds), so the live feeds have something
/// to show. <c>Simulator:Interval=0</c> turns it off.
/// </summary>
public sealed class ShopSimulator(OrderStore store, OrderFeed feed, TimeProvider clock, IConfiguration configuration, ILogger<ShopSimulator> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Simulator:Interval", TimeSpan.FromSeconds(2));
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        var random = new Random();
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var product = Catalog.Products[random.Next(Catalog.Products.Count)];
            try
            {
                await store.PlaceAsync(product, random.Next(1, Catalog.Customers + 1), random.Next(1, 4), clock.GetUtcNow().UtcDateTime, stoppingToken);
                feed.Placed();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "The simulator could not place an order.");
            }
        }
    }
}
