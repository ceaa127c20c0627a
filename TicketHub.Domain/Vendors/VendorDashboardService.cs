using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;
using TicketHub.Domain.Orders;

namespace TicketHub.Domain.Vendors;

/// <summary>
/// One of a vendor's events with its stock and primary-sale revenue (resales are the sellers' money, not the vendor's).
/// <see cref="Sold"/> counts paid tickets only; <see cref="Pending"/> counts tickets reserved by orders whose payment is
/// still being confirmed (they are out of <see cref="Remaining"/> until it succeeds or fails).
/// </summary>
public sealed record VendorEventStats(
    string EventId, string Name, DateTime StartTime, string VenueName, string City, string TimeZone, string Currency,
    int Uploaded, int Removed, int Sold, int Remaining, decimal Revenue, bool Started, int Pending)
{
    /// <summary>Tickets put on sale: uploaded less removed.</summary>
    public int OnSale => Uploaded - Removed;

    public bool SoldOut => OnSale > 0 && Remaining == 0;
}

public sealed record CurrencyTotal(string Currency, decimal Revenue);

/// <summary>
/// The vendor's events and totals; <see cref="OnSale"/> counts tickets uploaded less removed, <see cref="Sold"/> paid
/// tickets and <see cref="Pending"/> tickets whose payment is still being confirmed.
/// </summary>
public sealed record VendorDashboard(
    IReadOnlyList<VendorEventStats> Events, int OnSale, int Sold, int Remaining, IReadOnlyList<CurrencyTotal> Revenue, int Pending);

public sealed class VendorDashboardService(IDbContextFactory<TicketHubDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Every event the vendor created, soonest first, with uploaded, paid, pending and remaining tickets and revenue.</summary>
    public async Task<VendorDashboard> DashboardAsync(string vendorId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Events.AsNoTracking().Where(e => e.VendorId == vendorId)
            .Select(e => new
            {
                e.Id, e.Name, e.StartUtc, Venue = e.Venue.Name, e.Venue.City, e.Venue.TimeZone, e.Currency,
                Uploaded = db.TicketLots.Where(t => t.EventId == e.Id).Sum(t => (int?)t.Uploaded) ?? 0,
                Removed = db.TicketLots.Where(t => t.EventId == e.Id).Sum(t => (int?)t.Removed) ?? 0,
                Remaining = db.TicketLots.Where(t => t.EventId == e.Id).SelectMany(t => t.Stock).Sum(s => (int?)s.Remaining) ?? 0,
                Sold = db.Orders.Where(o => o.EventId == e.Id && o.Status == OrderStatus.Paid && o.ListingId == null).Sum(o => (int?)o.Count) ?? 0,
                Pending = db.Orders.Where(o => o.EventId == e.Id && o.Status == OrderStatus.Pending && o.ListingId == null).Sum(o => (int?)o.Count) ?? 0,
                RevenueCents = db.Orders.Where(o => o.EventId == e.Id && o.Status == OrderStatus.Paid && o.ListingId == null)
                    .Sum(o => (long?)o.AmountCents) ?? 0,
            })
            .ToListAsync(ct);
        var events = rows.OrderBy(r => r.StartUtc < now).ThenBy(r => r.StartUtc < now ? -r.StartUtc.Ticks : r.StartUtc.Ticks)
            .Select(r => new VendorEventStats(
                r.Id, r.Name, r.StartUtc, r.Venue, r.City, r.TimeZone, r.Currency, r.Uploaded, r.Removed,
                r.Sold, r.Remaining, Money.ToDecimal(r.RevenueCents, r.Currency), r.StartUtc <= now, r.Pending))
            .ToList();
        var revenue = events.GroupBy(e => e.Currency).Select(g => new CurrencyTotal(g.Key, g.Sum(e => e.Revenue))).OrderBy(t => t.Currency).ToList();
        return new VendorDashboard(events, events.Sum(e => e.Uploaded - e.Removed), events.Sum(e => e.Sold), events.Sum(e => e.Remaining),
            revenue, events.Sum(e => e.Pending));
    }
}
