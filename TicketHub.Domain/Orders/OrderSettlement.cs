using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;
using TicketHub.Domain.ETickets;
using TicketHub.Domain.Events;
using TicketHub.Domain.Live;
using TicketHub.Domain.Orders.Settlement;
using TicketHub.Domain.Payments;
using TicketHub.Domain.Resale;

namespace TicketHub.Domain.Orders;

/// <summary>
/// Moves a Pending order to Paid (tickets delivered) or Failed (reservation released), exactly once whoever asks: the
/// buying request, or any node's reconciler.
/// </summary>
public sealed class OrderSettlement(
    IWriteUnits writes, ISaleSettlement sales, IDbContextFactory<TicketHubDbContext> dbFactory, EventFigures figures, LiveSignals live, TimeProvider clock)
{
    /// <summary>
    /// Settles the order by the payment's outcome; returns the order as it ends up, and whether this call settled it
    /// (false when another worker had: the conditional update on the Pending status lets one through). A settlement
    /// lost in a database crash leaves the order Pending, which the reconciler settles again from the payment
    /// provider's record of the charge, so a settlement's commit need not wait for its own disk flush (one fsync per
    /// purchase fewer). Availability shown by browsing follows within its cache
    /// lifetime: a sale does not evict the event's cache entries (in a flash sale they would be rebuilt on every sale);
    /// a release marks the event's figures for the refresher (EventFigures). Open pages of the event hear of every
    /// settlement at once, coalesced per node (see <see cref="AvailabilityFeed"/>).
    /// </summary>
    public async Task<(Order Order, bool ByThisCall)> SettleAsync(Order order, PaymentOutcome outcome, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var result = outcome.Status == PaymentStatus.Succeeded
            ? await sales.PayAsync(order, outcome, now, ct) ? true : SaleSettlements.AlreadySettled
            : await FailAsync(order, outcome, now, ct);
        if (!result.IsSuccess) return (await ReadAsync(order.Id, ct), false);
        if (outcome.Status != PaymentStatus.Succeeded) figures.MarkChanged(order.EventId);   // the released tickets are on sale again
        live.Publish(LiveTopics.Availability(order.EventId));
        return (Settled(order, outcome, now), true);
    }

    private async Task<Result<bool>> FailAsync(Order order, PaymentOutcome outcome, DateTime now, CancellationToken ct)
    {
        var result = await writes.RunAsync<bool>(async db =>
        {
            var pending = db.Orders.Where(o => o.Id == order.Id && o.Status == OrderStatus.Pending);

            // The order first: a second worker settling the same order waits on its row and then finds it settled,
            // before it has released anything. Then stock, then counter: the lock order of a lot reservation, so the two
            // never deadlock.
            if (await pending.ExecuteUpdateAsync(s => s
                    .SetProperty(o => o.Status, OrderStatus.Failed)
                    .SetProperty(o => o.FailureCode, outcome.DeclineCode)
                    .SetProperty(o => o.PaymentReference, outcome.Reference)
                    .SetProperty(o => o.UpdatedAtUtc, now), ct) == 0)
                return SaleSettlements.AlreadySettled;
            await ReleaseAsync(db, order, ct);
            await db.PurchaseCounters.Where(c => c.UserId == order.BuyerId && c.EventId == order.EventId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Bought, c => c.Bought - order.Count), ct);
            return true;
        }, ct, Durability.Deferred);
        if (!result.IsSuccess && result.Error != SaleSettlements.AlreadySettled) throw new InvalidOperationException(result.Error.Message);
        return result;
    }

    private async Task<Order> ReadAsync(string orderId, CancellationToken ct)
    {
        await using var read = await dbFactory.CreateDbContextAsync(ct);
        return await read.Orders.AsNoTracking().FirstAsync(o => o.Id == orderId, ct);
    }

    // The order exactly as this settlement wrote it, without reading it back.
    private static Order Settled(Order order, PaymentOutcome outcome, DateTime now)
    {
        var paid = outcome.Status == PaymentStatus.Succeeded;
        order.Status = paid ? OrderStatus.Paid : OrderStatus.Failed;
        order.FailureCode = paid ? order.FailureCode : outcome.DeclineCode;
        order.PaymentReference = outcome.Reference;
        order.UpdatedAtUtc = now;
        return order;
    }

    private static async Task ReleaseAsync(TicketHubDbContext db, Order order, CancellationToken ct)
    {
        if (order.ListingId is not { } listingId)
        {
            // Back into the bucket the tickets came from (any bucket would do: the lot's stock is their sum).
            var bucket = order.StockBucket ?? 0;
            await db.TicketLotStock.Where(s => s.LotId == order.TicketLotId && s.Bucket == bucket)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Remaining, t => t.Remaining + order.Count), ct);
            return;
        }
        var backOnSale = await db.ResaleListings.Where(l => l.Id == listingId && l.Status == ListingStatus.Active)
            .ExecuteUpdateAsync(s => s
                .SetProperty(l => l.Count, l => l.Count + order.Count)
                .SetProperty(l => l.Sold, l => l.Sold - order.Count), ct);
        if (backOnSale == 1) return;

        // The seller cancelled the listing meanwhile: the tickets go back to the seller's holding.
        var holdingId = await db.ResaleListings.Where(l => l.Id == listingId).Select(l => l.HoldingId).FirstAsync(ct);
        await db.ResaleListings.Where(l => l.Id == listingId)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Sold, l => l.Sold - order.Count), ct);
        await db.Holdings.Where(h => h.Id == holdingId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Count, h => h.Count + order.Count), ct);
        await TicketUnitLedger.ReturnAsync(db, listingId, order.Count, ct);
    }
}
