using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.ETickets;
using TicketHub.Domain.Orders;
using TicketHub.Domain.Resale;

namespace TicketHub.Tests.Support;

/// <summary>
/// Checks the trading invariants over the whole database and names every violation: stock accounted for per lot,
/// at most 10 per buyer and event, no holding or listing above what its holder paid, and ticket units in step with both.
/// </summary>
public static class InvariantAudit
{
    public static async Task<IReadOnlyList<string>> RunAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var violations = new List<string>();

        var lots = await db.TicketLots.AsNoTracking().Select(t => new { t.Id, t.Uploaded, t.Removed, Remaining = t.Stock.Sum(s => s.Remaining) }).ToListAsync();
        var held = await db.Holdings.GroupBy(h => h.TicketLotId).Select(g => new { g.Key, Count = g.Sum(h => h.Count) }).ToDictionaryAsync(x => x.Key, x => x.Count);
        var listed = await db.ResaleListings.GroupBy(l => l.TicketLotId).Select(g => new { g.Key, Count = g.Sum(l => l.Count) }).ToDictionaryAsync(x => x.Key, x => x.Count);
        var pending = await db.Orders.Where(o => o.Status == OrderStatus.Pending).GroupBy(o => o.TicketLotId)
            .Select(g => new { g.Key, Count = g.Sum(o => o.Count) }).ToDictionaryAsync(x => x.Key, x => x.Count);
        foreach (var lot in lots)
        {
            var accounted = lot.Remaining + held.GetValueOrDefault(lot.Id) + listed.GetValueOrDefault(lot.Id) + pending.GetValueOrDefault(lot.Id);
            if (accounted != lot.Uploaded - lot.Removed)
                violations.Add($"lot {lot.Id}: remaining {lot.Remaining} + held {held.GetValueOrDefault(lot.Id)} + listed {listed.GetValueOrDefault(lot.Id)} " +
                               $"+ pending {pending.GetValueOrDefault(lot.Id)} = {accounted}, but uploaded − removed = {lot.Uploaded - lot.Removed}");
        }

        var bought = await db.Orders.Where(o => o.Status != OrderStatus.Failed).GroupBy(o => new { o.BuyerId, o.EventId })
            .Select(g => new { g.Key.BuyerId, g.Key.EventId, Count = g.Sum(o => o.Count) }).ToListAsync();
        var counters = await db.PurchaseCounters.AsNoTracking().ToDictionaryAsync(c => (c.UserId, c.EventId), c => c.Bought);
        foreach (var b in bought)
        {
            if (b.Count > PurchaseCounter.MaxPerEvent) violations.Add($"buyer {b.BuyerId} bought {b.Count} for event {b.EventId}");
            if (counters.GetValueOrDefault((b.BuyerId, b.EventId)) != b.Count)
                violations.Add($"buyer {b.BuyerId}, event {b.EventId}: counter {counters.GetValueOrDefault((b.BuyerId, b.EventId))} but orders {b.Count}");
        }

        var paidPrices = (await db.Orders.Where(o => o.Status == OrderStatus.Paid)
            .Select(o => new { o.BuyerId, o.TicketLotId, o.UnitPriceCents }).ToListAsync()).ToHashSet();
        foreach (var h in await db.Holdings.AsNoTracking().ToListAsync())
            if (!paidPrices.Contains(new { BuyerId = h.UserId, h.TicketLotId, UnitPriceCents = h.PricePaidCents }))
                violations.Add($"holding {h.Id} at {h.PricePaidCents} matches no paid order of its holder");
        var holdingPrices = await db.Holdings.ToDictionaryAsync(h => h.Id, h => h.PricePaidCents);
        foreach (var l in await db.ResaleListings.AsNoTracking().ToListAsync())
            if (l.PriceCents > l.SellerPaidCents || holdingPrices[l.HoldingId] != l.SellerPaidCents)
                violations.Add($"listing {l.Id} at {l.PriceCents} above what its seller paid ({holdingPrices[l.HoldingId]})");

        // Ticket units follow the counts: a holding's active units number its count; a listing's listed units its
        // count plus what pending purchases reserved from it.
        var active = await db.TicketUnits.Where(u => u.Status == TicketUnitStatus.Active).GroupBy(u => u.HoldingId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        foreach (var h in await db.Holdings.AsNoTracking().ToListAsync())
            if (active.GetValueOrDefault(h.Id) != h.Count)
                violations.Add($"holding {h.Id}: count {h.Count} but {active.GetValueOrDefault(h.Id)} active ticket units");
        var listedUnits = await db.TicketUnits.Where(u => u.Status == TicketUnitStatus.Listed).GroupBy(u => u.ListingId!)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        var reserved = await db.Orders.Where(o => o.Status == OrderStatus.Pending && o.ListingId != null).GroupBy(o => o.ListingId!)
            .Select(g => new { g.Key, Count = g.Sum(o => o.Count) }).ToDictionaryAsync(x => x.Key, x => x.Count);
        foreach (var l in await db.ResaleListings.AsNoTracking().ToListAsync())
            if (listedUnits.GetValueOrDefault(l.Id) != l.Count + reserved.GetValueOrDefault(l.Id))
                violations.Add($"listing {l.Id}: count {l.Count} + reserved {reserved.GetValueOrDefault(l.Id)} but {listedUnits.GetValueOrDefault(l.Id)} listed ticket units");
        return violations;
    }

    public static async Task AssertHoldsAsync(TestDatabase database) => Assert.Empty(await RunAsync(database));
}
