using Microsoft.Extensions.Diagnostics.HealthChecks;
using TicketHub.Domain.Common;

namespace TicketHub.Web.Hosting;

public static class RedisSetup
{
    /// <summary>
    /// With <c>ConnectionStrings:Redis</c> set (the cache's second level and backplane, see <see cref="CacheSetup"/>),
    /// readiness reports whether Redis answers.
    /// </summary>
    public static IServiceCollection AddTicketHubRedisHealth(this IServiceCollection services, IConfiguration config)
    {
        if (string.IsNullOrWhiteSpace(config.GetConnectionString("Redis"))) return services;
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", failureStatus: HealthStatus.Degraded, tags: ["ready"]);
        return services;
    }
}

/// <summary>Redis down makes the instance Degraded, not Unhealthy: it still serves, only slower.</summary>
public sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var latency = await redis.PingAsync();
            return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:0.#} ms.");
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis does not answer; serving from the local cache and the database.", ex);
        }
    }
}
