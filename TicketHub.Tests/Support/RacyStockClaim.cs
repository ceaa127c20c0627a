using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Data;
using TicketHub.Domain.Tickets;

namespace TicketHub.Tests.Support;

/// <summary>
/// The bug the atomic guard exists to prevent, for the control spec only: read what is left, think a moment, then
/// write back an absolute value. Two buyers who read the same figure both succeed and one decrement is lost.
/// </summary>
internal sealed class RacyStockClaim : IStockClaim
{
    public bool IsConditionalUpdate => false;

    public async Task<bool> TakeFromLotAsync(TicketHubDbContext db, string lotId, int count, CancellationToken ct)
    {
        var remaining = await db.TicketLots.Where(t => t.Id == lotId).Select(t => t.Remaining).FirstAsync(ct);
        if (remaining < count) return false;
        await Task.Delay(20, ct);
        await db.TicketLots.Where(t => t.Id == lotId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Remaining, remaining - count), ct);
        return true;
    }

    public async Task<bool> TakeFromListingAsync(TicketHubDbContext db, string listingId, int count, CancellationToken ct)
    {
        var listing = await db.ResaleListings.Where(l => l.Id == listingId).Select(l => new { l.Count, l.Sold }).FirstAsync(ct);
        if (listing.Count < count) return false;
        await Task.Delay(20, ct);
        await db.ResaleListings.Where(l => l.Id == listingId)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Count, listing.Count - count).SetProperty(l => l.Sold, listing.Sold + count), ct);
        return true;
    }
}
