using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;

namespace TicketHub.Domain.Orders;

/// <summary>
/// A buyer's own orders and how each one ended (view-orders, view-order). Reads the primary, never the replica: a
/// buyer polling for the outcome of a purchase must not be shown an older status than the one already written.
/// </summary>
public sealed class OrderHistoryService(IDbContextFactory<TicketHubDbContext> dbFactory)
{
    /// <summary>The buyer's orders, newest first.</summary>
    public async Task<Page<OrderDetails>> OrdersAsync(string buyerId, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = db.Orders.AsNoTracking().Where(o => o.BuyerId == buyerId);
        var total = await mine.CountAsync(ct);
        var rows = await Project(db, mine.OrderByDescending(o => o.CreatedAtUtc).ThenByDescending(o => o.Id).Skip(page.Skip).Take(page.PageSize))
            .ToListAsync(ct);
        // The join keeps no order of its own on every provider: sort the page again.
        return new Page<OrderDetails>(rows.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.OrderId).ToList(), total);
    }

    /// <summary>One of the buyer's orders; not_found for an unknown order and for someone else's alike.</summary>
    public async Task<Result<OrderDetails>> OrderAsync(string buyerId, string? orderId, CancellationToken ct = default)
    {
        if (new Validator().Required("order-id", orderId, Ids.MaxLength).ToError() is { } invalid) return invalid;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await Project(db, db.Orders.AsNoTracking().Where(o => o.Id == orderId && o.BuyerId == buyerId)).FirstOrDefaultAsync(ct);
        return order is null ? CommonErrors.NotFound("Order", orderId!) : order;
    }

    internal static IQueryable<OrderDetails> Project(TicketHubDbContext db, IQueryable<Order> orders) =>
        orders
            .Join(db.TicketLots, o => o.TicketLotId, t => t.Id, (o, t) => new { o, t.Section, t.Seat })
            .Join(db.Events, x => x.o.EventId, e => e.Id, (x, e) => new { x.o, x.Section, x.Seat, e.Name, e.StartUtc, Venue = e.Venue.Name })
            .Select(x => new OrderDetails(
                x.o.Id, x.o.EventId, x.Name, x.StartUtc, x.Venue, x.o.TicketLotId, x.o.ListingId, x.Section, x.Seat, x.o.Count,
                Money.ToDecimal(x.o.UnitPriceCents, x.o.Currency), Money.ToDecimal(x.o.AmountCents, x.o.Currency), x.o.Currency,
                x.o.Status, x.o.CreatedAtUtc, x.o.UpdatedAtUtc, x.o.FailureCode));
}
