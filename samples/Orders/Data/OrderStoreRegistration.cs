using Npgsql;
using Orders.Live;

namespace Orders.Data;

public static class OrderStoreRegistration
{
    /// <summary>
    /// PostgreSQL when <c>ConnectionStrings:Orders</c> is set (env <c>ConnectionStrings__Orders</c>), otherwise
    /// the embedded SQLite file at <c>Database:Path</c> (by default <c>orders.db</c> next to the app).
    /// </summary>
    public static IServiceCollection AddOrderStore(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Orders");
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
            services.AddSingleton<OrderStore, PostgresOrderStore>();
            // Several instances on one database: each one's followers wake on orders placed through any of them.
            services.AddHostedService<PostgresOrderNotifications>();
            return services;
        }

        var path = configuration["Database:Path"] ?? Path.Combine(AppContext.BaseDirectory, "orders.db");
        services.AddSingleton<OrderStore>(sp => new SqliteOrderStore(path, sp.GetRequiredService<ILogger<SqliteOrderStore>>()));
        return services;
    }
}
