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
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromMilliseconds(300);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        // Readiness must answer fast whatever Redis does: a load balancer that waits too long takes the node out.
        var ping = redis.PingAsync();
        try
        {
            var latency = await ping.WaitAsync(ProbeTimeout, ct);
            return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:0.#} ms.");
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
        {
            _ = ping.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);   // observed: it may fail after we stopped waiting
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis does not answer; serving from the local cache and the database.", ex);
        }
    }
}
