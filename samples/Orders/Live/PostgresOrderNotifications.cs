using Npgsql;

namespace Orders.Live;

/// <summary>
/// Wakes this instance's followers when an order is placed through any instance that shares the PostgreSQL
/// database. The database notifies on <see cref="Channel"/> when an insert into <c>orders</c> commits (a trigger
/// that <c>PostgresOrderStore</c> creates); one connection per instance listens. A notification carries nothing:
/// followers read what is new from the database, which stays the one log of orders.
/// </summary>
public sealed class PostgresOrderNotifications(NpgsqlDataSource dataSource, OrderFeed feed, ILogger<PostgresOrderNotifications> logger)
    : BackgroundService
{
    public const string Channel = "orders_placed";

    private static readonly TimeSpan s_retryAfter = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => feed.Placed();
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Orders committed while no connection was listening: followers look once more.
                feed.Placed();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or System.IO.IOException or TimeoutException)
            {
                logger.LogWarning(exception, "Lost the connection that listens for orders placed by other instances; retrying in {Delay}.", s_retryAfter);
                await Task.Delay(s_retryAfter, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
