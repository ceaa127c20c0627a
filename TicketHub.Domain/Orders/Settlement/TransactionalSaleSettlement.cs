using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;
using TicketHub.Domain.ETickets;
using TicketHub.Domain.Payments;
using TicketHub.Domain.Resale;

namespace TicketHub.Domain.Orders.Settlement;

/// <summary>
/// The sale settled as one write unit: the order's conditional update to Paid, then the holding, the units and any
/// payout. SQLite settles every sale this way (inside its single writer, so the statements skip the change tracker);
/// PostgreSQL settles resale purchases this way.
/// </summary>
internal sealed class TransactionalSaleSettlement(IWriteUnits writes) : ISaleSettlement
{
    public async Task<bool> PayAsync(Order order, PaymentOutcome outcome, DateTime now, CancellationToken ct)
    {
        var result = await writes.RunAsync<bool>(async db =>
        {
            if (await MarkPaid.ExecuteAsync(db, ct, nameof(OrderStatus.Paid), outcome.Reference, now, order.Id, nameof(OrderStatus.Pending)) == 0)
                return SaleSettlements.AlreadySettled;
            await DeliverAsync(db, order, now, ct);
            return true;
        }, ct, Durability.Deferred);
        if (!result.IsSuccess && result.Error != SaleSettlements.AlreadySettled) throw new InvalidOperationException(result.Error.Message);
        return result.IsSuccess;
    }

    // {0} Paid, {1} the payment's reference, {2} now, {3} the order, {4} Pending.
    private static readonly FixedStatement MarkPaid = new("""
        UPDATE "Orders" SET "Status" = {0}, "PaymentReference" = {1}, "UpdatedAtUtc" = {2}
        WHERE "Id" = {3} AND "Status" = {4}
        """, typeof(string), typeof(string), typeof(DateTime), typeof(string), typeof(string));

    // {0} a new holding's id, {1} buyer, {2} lot, {3} event, {4} count, {5} price paid, {6} now.
    private static readonly FixedStatement AddToHolding = new("""
        INSERT INTO "Holdings" ("Id", "UserId", "TicketLotId", "EventId", "Count", "PricePaidCents", "PurchasedAtUtc")
        VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6})
        ON CONFLICT ("UserId", "TicketLotId", "PricePaidCents")
        DO UPDATE SET "Count" = "Holdings"."Count" + excluded."Count", "PurchasedAtUtc" = excluded."PurchasedAtUtc"
        RETURNING "Id"
        """, typeof(string), typeof(string), typeof(string), typeof(string), typeof(int), typeof(long), typeof(DateTime));

    private static async Task DeliverAsync(TicketHubDbContext db, Order order, DateTime now, CancellationToken ct)
    {
        // One holding per buyer, lot and price paid: the price paid is what caps a later resale.
        var holdingIds = await AddToHolding.ReadAsync(db, r => r.GetString(0), ct,
            Ids.New(), order.BuyerId, order.TicketLotId, order.EventId, order.Count, order.UnitPriceCents, now);
        await TicketUnitLedger.DeliverAsync(db, order, holdingIds.Single(), now, ct);
        if (order.ListingId is not { } listingId) return;

        var sellerId = await db.ResaleListings.Where(l => l.Id == listingId).Select(l => l.SellerId).FirstAsync(ct);
        db.Payouts.Add(new Payout
        {
            Id = Ids.New(),
            SellerId = sellerId,
            ListingId = listingId,
            OrderId = order.Id,
            Count = order.Count,
            AmountCents = order.AmountCents,
            Currency = order.Currency,
            CreatedAtUtc = now,
        });
        await db.SaveChangesAsync(ct);
    }
}
