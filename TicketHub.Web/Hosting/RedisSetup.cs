using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace TicketHub.Web.Hosting;

public static class RedisSetup
{
    /// <summary>
    /// With <c>ConnectionStrings:Redis</c> set, Redis becomes HybridCache's second level, shared by every instance.
    /// A Redis outage only costs cache hits: HybridCache falls back to its in-process level and the database.
    /// </summary>
    public static IServiceCollection AddTicketHubRedis(this IServiceCollection services, IConfiguration config)
    {
        var connectionString = config.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(connectionString)) return services;

        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;   // start, and keep serving, while Redis is away
        options.ConnectTimeout = 2000;
        options.SyncTimeout = 1000;
        options.AsyncTimeout = 1000;
        services.AddStackExchangeRedisCache(o =>
        {
            o.ConfigurationOptions = options;
            o.InstanceName = "tickethub:";
        });
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", failureStatus: HealthStatus.Degraded, tags: ["ready"]);
        services.AddSingleton(new RedisProbe(options));
        return services;
    }
}

public sealed class RedisProbe(ConfigurationOptions options) : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _connection = new(() => ConnectionMultiplexer.ConnectAsync(options));

    public async Task<TimeSpan> PingAsync() => await (await _connection.Value).GetDatabase().PingAsync();

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated) await (await _connection.Value).DisposeAsync();
    }
}

/// <summary>Redis down makes the instance Degraded, not Unhealthy: it still serves, only slower.</summary>
public sealed class RedisHealthCheck(RedisProbe redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var latency = await redis.PingAsync();
            return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:0.#} ms.");
        }
        catch (Exception ex)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis does not answer; serving from the local cache and the database.", ex);
        }
    }
}
