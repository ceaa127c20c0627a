using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;
using TicketHub.Domain.Resale;

namespace TicketHub.Domain.Orders;

public sealed class HoldingService(IDbContextFactory<TicketHubDbContext> dbFactory)
{
    /// <summary>The tickets a user holds or has listed for resale, soonest event first (view-tickets for individuals).</summary>
    public async Task<IReadOnlyList<HoldingView>> HoldingsAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Holdings.AsNoTracking()
            .Where(h => h.UserId == userId)
            .Select(h => new
            {
                h.TicketLotId, h.EventId, h.Count, h.PricePaidCents, h.PurchasedAtUtc,
                Listed = db.ResaleListings.Where(l => l.HoldingId == h.Id && l.Status == ListingStatus.Active).Sum(l => (int?)l.Count) ?? 0,
                Lot = db.TicketLots.Where(t => t.Id == h.TicketLotId).Select(t => new { t.Section, t.Seat }).First(),
                Event = db.Events.Where(e => e.Id == h.EventId).Select(e => new { e.Name, e.StartUtc, e.Currency, Venue = e.Venue.Name, e.Venue.TimeZone }).First(),
            })
            .Where(x => x.Count > 0 || x.Listed > 0)
            .ToListAsync(ct);
        return rows
            .OrderBy(x => x.Event.StartUtc).ThenBy(x => x.TicketLotId).ThenByDescending(x => x.PricePaidCents)
            .Select(x => new HoldingView(
                x.TicketLotId, x.EventId, x.Event.Name, x.Event.StartUtc, x.Event.Venue, x.Lot.Section, x.Lot.Seat, x.Count,
                Money.ToDecimal(x.PricePaidCents, x.Event.Currency), x.PurchasedAtUtc, x.Listed, x.Event.Currency, x.Event.TimeZone))
            .ToList();
    }

    /// <summary>How many more tickets the user may buy for the event (the 10-per-event cap less what they bought).</summary>
    public async Task<int> AllowanceAsync(string userId, string eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var bought = await db.PurchaseCounters.Where(c => c.UserId == userId && c.EventId == eventId)
            .Select(c => (int?)c.Bought).FirstOrDefaultAsync(ct) ?? 0;
        return Math.Max(0, PurchaseCounter.MaxPerEvent - bought);
    }

    /// <summary>One of the buyer's own orders; null for an unknown order or someone else's.</summary>
    public async Task<OrderDetails?> OrderAsync(string buyerId, string orderId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await OrderHistoryService.Project(db, db.Orders.AsNoTracking().Where(o => o.Id == orderId && o.BuyerId == buyerId))
            .FirstOrDefaultAsync(ct);
    }
}
