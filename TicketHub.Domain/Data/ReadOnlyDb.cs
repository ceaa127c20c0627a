using Microsoft.EntityFrameworkCore;

namespace TicketHub.Domain.Data;

/// <summary>
/// Contexts for browsing: the read replica (<c>ConnectionStrings:TicketHubReplica</c>) when one is configured, the
/// primary otherwise, with no change tracking. Decisions (buy, sell, caps, login) never use it: a replica lags.
/// On PostgreSQL a replica context re-runs a query that failed to reach the server (up to 3 times within a few
/// seconds): in the cluster the replica address is a load balancer that sends reads to the primary while no
/// replica is healthy, so a stopped replica costs a retry, not an error.
/// </summary>
public sealed class ReadOnlyDb(IDbContextFactory<TicketHubDbContext> factory, bool isSeparate = false)
{
    /// <summary>True when browsing reads from a replica, not from the primary.</summary>
    public bool IsSeparate => isSeparate;

    public async Task<TicketHubDbContext> CreateAsync(CancellationToken ct)
    {
        var db = await factory.CreateDbContextAsync(ct);
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return db;
    }
}
