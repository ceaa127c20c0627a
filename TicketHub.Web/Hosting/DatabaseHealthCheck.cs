using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TicketHub.Domain.Data;

namespace TicketHub.Web.Hosting;

/// <summary>
/// Ready means the primary database answers a query. While it does not but the browse database (the replica, when
/// one is configured) does, the node is Degraded, not Unhealthy: it still serves browsing, and writes get a quick
/// 503 with Retry-After. Taking every node out of the load balancer during a failover would turn that into errors for all.
/// </summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<TicketHubDbContext> dbFactory, ReadOnlyDb browse) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        Exception? failure;
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (await db.Database.CanConnectAsync(ct)) return HealthCheckResult.Healthy();
            failure = null;
        }
        catch (Exception ex) when (DatabaseAvailability.IsUnavailable(ex))
        {
            failure = ex;
        }

        if (browse.IsSeparate)
        {
            await using var replica = await browse.CreateAsync(ct);
            if (await replica.Database.CanConnectAsync(ct))
                return HealthCheckResult.Degraded("The primary database does not answer; browsing is served from the replica.", failure);
        }
        return HealthCheckResult.Unhealthy("The database does not answer.", failure);
    }
}
