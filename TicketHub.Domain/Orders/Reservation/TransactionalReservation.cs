using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;
using TicketHub.Domain.Resale;
using TicketHub.Domain.Tickets;

namespace TicketHub.Domain.Orders.Reservation;

/// <summary>
/// The reservation as one write unit: stock, then the cap counter, then the order, each a conditional set-based write
/// judged by rows affected, so of any number of concurrent buyers only those the stock and the cap can serve get
/// through. SQLite runs every reservation this way (its write units commit in groups); PostgreSQL runs resale
/// purchases this way, and lot purchases that no single bucket can serve.
/// </summary>
internal sealed class TransactionalReservation(IWriteUnits writes) : IStockReservation
{
    public Task<Result<bool>> ReserveAsync(Order order, CancellationToken ct) =>
        ReserveAsync(order, (db, o, token) => LotStock.TakeAsync(db, o.TicketLotId, o.Count, StockBuckets.StartFor(o.Id), token), ct);

    /// <summary>
    /// The same, with the lot's stock taken by <paramref name="takeFromLot"/> (returns the bucket taken from, the lowest
    /// for several, or null when the lot has too few).
    /// </summary>
    internal Task<Result<bool>> ReserveAsync(
        Order order, Func<TicketHubDbContext, Order, CancellationToken, Task<int?>> takeFromLot, CancellationToken ct) => writes.RunAsync<bool>(async db =>
    {
        if (order.ListingId is { } listingId)
        {
            if (!await TakeFromListingAsync(db, listingId, order.Count, ct))
            {
                var left = await db.ResaleListings.Where(l => l.Id == listingId).Select(l => l.Status == ListingStatus.Active ? l.Count : 0).FirstAsync(ct);
                return left == 0 ? TicketErrors.SoldOut(listingId) : TicketErrors.InsufficientQuantity(left);
            }
        }
        else if (await takeFromLot(db, order, ct) is { } bucket)
        {
            order.StockBucket = bucket;
        }
        else
        {
            var left = await LotStock.LeftAsync(db, order.TicketLotId, ct);
            return left == 0 ? TicketErrors.SoldOut(order.TicketLotId) : TicketErrors.InsufficientQuantity(left);
        }

        // Every purchase for this buyer and event passes through one counter row, raised only while it stays within
        // the cap (one upsert: created at the order's count, or raised when that keeps it within the cap): two racing
        // requests of the same buyer cannot both pass.
        var counted = await CountPurchase.ExecuteAsync(db, ct, order.BuyerId, order.EventId, order.Count, PurchaseCounter.MaxPerEvent);
        if (counted == 0) return PurchaseErrors.LimitExceeded(await BoughtAsync(db, order, ct));

        try
        {
            await OrderInsert.RunAsync(db, order, ct);
        }
        catch (DbException ex) when (order.IdempotencyKey is not null && Transactions.IsUniqueViolation(ex))
        {
            return StockReservations.DuplicateKey;   // the same request is in flight; the unit rolls the reservation back
        }
        return true;
    }, ct);

    // {0} buyer, {1} event, {2} the order's count, {3} the cap.
    private static readonly FixedStatement CountPurchase = new("""
        INSERT INTO "PurchaseCounters" ("UserId", "EventId", "Bought") VALUES ({0}, {1}, {2})
        ON CONFLICT ("UserId", "EventId") DO UPDATE SET "Bought" = "PurchaseCounters"."Bought" + excluded."Bought"
        WHERE "PurchaseCounters"."Bought" + excluded."Bought" <= {3}
        """, typeof(string), typeof(string), typeof(int), typeof(int));

    internal static Task<int> BoughtAsync(TicketHubDbContext db, Order order, CancellationToken ct) =>
        db.PurchaseCounters.Where(c => c.UserId == order.BuyerId && c.EventId == order.EventId).Select(c => c.Bought).FirstOrDefaultAsync(ct);

    internal static async Task<bool> TakeFromListingAsync(TicketHubDbContext db, string listingId, int count, CancellationToken ct) =>
        await db.ResaleListings.Where(l => l.Id == listingId && l.Status == ListingStatus.Active && l.Count >= count)
            .ExecuteUpdateAsync(s => s
                .SetProperty(l => l.Count, l => l.Count - count)
                .SetProperty(l => l.Sold, l => l.Sold + count), ct) == 1;
}
