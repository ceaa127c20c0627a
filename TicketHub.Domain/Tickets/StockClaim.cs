using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Data;
using TicketHub.Domain.Resale;

namespace TicketHub.Domain.Tickets;

/// <summary>Takes tickets out of vendor stock or a resale listing; false when fewer than asked are left. Replaced only by the race tests' control.</summary>
public interface IStockClaim
{
    /// <summary>
    /// True when taking from a lot is exactly the conditional UPDATE below, which a PostgreSQL purchase then runs inside
    /// its one-statement reservation instead of calling <see cref="TakeFromLotAsync"/>.
    /// </summary>
    bool IsConditionalUpdate { get; }

    Task<bool> TakeFromLotAsync(TicketHubDbContext db, string lotId, int count, CancellationToken ct);
    Task<bool> TakeFromListingAsync(TicketHubDbContext db, string listingId, int count, CancellationToken ct);
}

/// <summary>
/// The no-oversell guard: one conditional UPDATE per claim, judged by rows affected. The database applies it
/// atomically, so of any number of concurrent buyers only those the stock can serve get a row.
/// </summary>
internal sealed class AtomicStockClaim : IStockClaim
{
    public bool IsConditionalUpdate => true;

    public async Task<bool> TakeFromLotAsync(TicketHubDbContext db, string lotId, int count, CancellationToken ct) =>
        await db.TicketLots.Where(t => t.Id == lotId && t.Remaining >= count)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Remaining, t => t.Remaining - count), ct) == 1;

    public async Task<bool> TakeFromListingAsync(TicketHubDbContext db, string listingId, int count, CancellationToken ct) =>
        await db.ResaleListings.Where(l => l.Id == listingId && l.Status == ListingStatus.Active && l.Count >= count)
            .ExecuteUpdateAsync(s => s
                .SetProperty(l => l.Count, l => l.Count - count)
                .SetProperty(l => l.Sold, l => l.Sold + count), ct) == 1;
}
