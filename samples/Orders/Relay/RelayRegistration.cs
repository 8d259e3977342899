namespace Orders.Relay;

public static class RelayRegistration
{
    /// <summary>The relay's HTTP client. It has no overall timeout: a relayed stream lasts as long as its upstream's.</summary>
    public static IServiceCollection AddOrderRelay(this IServiceCollection services)
    {
        services.AddHttpClient<OrderRelay>(http => http.Timeout = Timeout.InfiniteTimeSpan);
        return services;
    }
}
