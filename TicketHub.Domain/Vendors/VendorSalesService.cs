using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;
using TicketHub.Domain.Events;
using TicketHub.Domain.Orders;
using TicketHub.Domain.Resale;

namespace TicketHub.Domain.Vendors;

/// <summary>What a vendor sold and when: the dashboard's charts, an event's sales per lot and its sales export.</summary>
public sealed class VendorSalesService(IDbContextFactory<TicketHubDbContext> dbFactory, TimeProvider clock)
{
    public const int DefaultDays = 30;

    /// <summary>
    /// Paid tickets and revenue from the vendor's own stock per day, over the last <paramref name="days"/> days up to
    /// today (the latest "today" among the vendor's venues).
    /// </summary>
    public async Task<DailySales> DailySalesAsync(string vendorId, int days = DefaultDays, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var zones = await db.Events.Where(e => e.VendorId == vendorId).Select(e => e.Venue.TimeZone).Distinct().ToListAsync(ct);
        var today = zones.Count == 0 ? DateOnly.FromDateTime(now) : zones.Max(zone => DateOnly.FromDateTime(LocalTime(now, zone)));
        var first = today.AddDays(1 - days);
        // A day starts at most 14 hours before it does in UTC: read from there, then keep what falls on the axis.
        var since = first.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-14);
        var sales = await db.Orders.AsNoTracking()
            .Where(o => o.Status == OrderStatus.Paid && o.ListingId == null && o.CreatedAtUtc >= since)
            .Join(db.Events.Where(e => e.VendorId == vendorId), o => o.EventId, e => e.Id,
                (o, e) => new { o.CreatedAtUtc, o.Count, o.AmountCents, o.Currency, e.Venue.TimeZone })
            .ToListAsync(ct);
        var axis = Enumerable.Range(0, days).Select(first.AddDays).ToList();
        var byDay = sales.Select(s => (Day: DateOnly.FromDateTime(LocalTime(s.CreatedAtUtc, s.TimeZone)), Sale: s))
            .Where(x => x.Day >= first && x.Day <= today)
            .ToList();
        var tickets = axis.Select(day => byDay.Where(x => x.Day == day).Sum(x => x.Sale.Count)).ToList();
        var revenue = byDay.GroupBy(x => x.Sale.Currency).OrderBy(g => g.Key)
            .Select(g => new CurrencySeries(g.Key,
                axis.Select(day => Money.ToDecimal(g.Where(x => x.Day == day).Sum(x => x.Sale.AmountCents), g.Key)).ToList()))
            .ToList();
        return new DailySales(axis, tickets, revenue);
    }

    /// <summary>An event's lots with paid, pending, removed and remaining tickets and resale activity. Errors: not_found, not_owner (403).</summary>
    public async Task<Result<EventSales>> EventSalesAsync(string vendorId, string eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ev = await db.Events.Where(e => e.Id == eventId).Select(e => new { e.VendorId, e.Currency }).FirstOrDefaultAsync(ct);
        if (ev is null) return EventErrors.NotFound(eventId);
        if (ev.VendorId != vendorId) return EventErrors.NotOwner;

        var lots = await db.TicketLots.AsNoTracking().Where(t => t.EventId == eventId)
            .OrderBy(t => t.Section).ThenBy(t => t.Seat)
            .Select(t => new { t.Id, t.Section, t.Seat, t.PriceCents, t.Uploaded, t.Removed, Remaining = t.Stock.Sum(s => s.Remaining) })
            .ToListAsync(ct);
        var orders = await db.Orders.AsNoTracking().Where(o => o.EventId == eventId && o.Status != OrderStatus.Failed)
            .GroupBy(o => new { o.TicketLotId, o.Status, Resale = o.ListingId != null })
            .Select(g => new { g.Key.TicketLotId, g.Key.Status, g.Key.Resale, Tickets = g.Sum(o => o.Count) })
            .ToListAsync(ct);
        var listed = await db.ResaleListings.AsNoTracking().Where(l => l.EventId == eventId && l.Status == ListingStatus.Active)
            .GroupBy(l => l.TicketLotId).Select(g => new { TicketLotId = g.Key, Tickets = g.Sum(l => l.Count) })
            .ToListAsync(ct);

        int Tickets(string lot, OrderStatus status, bool resale) =>
            orders.Where(o => o.TicketLotId == lot && o.Status == status && o.Resale == resale).Sum(o => o.Tickets);
        return new EventSales(eventId, ev.Currency, lots.Select(t => new LotSales(
            t.Id, t.Section, t.Seat, Money.ToDecimal(t.PriceCents, ev.Currency), t.Uploaded,
            Tickets(t.Id, OrderStatus.Paid, resale: false), Tickets(t.Id, OrderStatus.Pending, resale: false), t.Removed, t.Remaining,
            listed.Where(l => l.TicketLotId == t.Id).Sum(l => l.Tickets), Tickets(t.Id, OrderStatus.Paid, resale: true))).ToList());
    }

    /// <summary>
    /// Every paid or pending order of the event, oldest first, for the vendor's sales export; failed payments sold
    /// nothing and are left out. Errors: not_found, not_owner (403).
    /// </summary>
    public async Task<Result<IReadOnlyList<SaleRecord>>> SalesExportAsync(string vendorId, string eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ev = await db.Events.Where(e => e.Id == eventId).Select(e => new { e.VendorId, e.Venue.TimeZone }).FirstOrDefaultAsync(ct);
        if (ev is null) return EventErrors.NotFound(eventId);
        if (ev.VendorId != vendorId) return EventErrors.NotOwner;

        var rows = await db.Orders.AsNoTracking().Where(o => o.EventId == eventId && o.Status != OrderStatus.Failed)
            .Join(db.TicketLots, o => o.TicketLotId, t => t.Id, (o, t) => new
            {
                o.Id, o.CreatedAtUtc, o.Status, Resale = o.ListingId != null, o.TicketLotId, t.Section, t.Seat, o.Count,
                o.UnitPriceCents, o.AmountCents, o.Currency,
            })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.CreatedAtUtc).ThenBy(r => r.Id)
            .Select(r => new SaleRecord(
                r.Id, r.CreatedAtUtc, ev.TimeZone, r.Status == OrderStatus.Paid ? "paid" : "pending", r.Resale ? "resale" : "primary",
                r.TicketLotId, r.Section, r.Seat, r.Count, Money.ToDecimal(r.UnitPriceCents, r.Currency),
                Money.ToDecimal(r.AmountCents, r.Currency), r.Currency))
            .ToList();
    }

    private static DateTime LocalTime(DateTime utc, string zoneId) => TimeZoneInfo.ConvertTimeFromUtc(
        DateTime.SpecifyKind(utc, DateTimeKind.Utc),
        TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) ? zone : TimeZoneInfo.Utc);
}
