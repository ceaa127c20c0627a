using Microsoft.EntityFrameworkCore;

namespace TicketHub.Domain.Data;

/// <summary>
/// Contexts for browsing: the read replica (<c>ConnectionStrings:TicketHubReplica</c>) when one is configured, the
/// primary otherwise, with no change tracking. Decisions (buy, sell, caps, login) never use it: a replica lags.
/// </summary>
public sealed class ReadOnlyDb(IDbContextFactory<TicketHubDbContext> factory)
{
    public async Task<TicketHubDbContext> CreateAsync(CancellationToken ct)
    {
        var db = await factory.CreateDbContextAsync(ct);
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return db;
    }
}
