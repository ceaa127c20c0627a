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
            if (await db.Database.ExecuteSqlAsync($"""
                    UPDATE "Orders" SET "Status" = {nameof(OrderStatus.Paid)}, "PaymentReference" = {outcome.Reference}, "UpdatedAtUtc" = {now}
                    WHERE "Id" = {order.Id} AND "Status" = {nameof(OrderStatus.Pending)}
                    """, ct) == 0)
                return SaleSettlements.AlreadySettled;
            await DeliverAsync(db, order, now, ct);
            return true;
        }, ct, Durability.Deferred);
        if (!result.IsSuccess && result.Error != SaleSettlements.AlreadySettled) throw new InvalidOperationException(result.Error.Message);
        return result.IsSuccess;
    }

    private static async Task DeliverAsync(TicketHubDbContext db, Order order, DateTime now, CancellationToken ct)
    {
        // One holding per buyer, lot and price paid: the price paid is what caps a later resale.
        var holdingIds = await db.Database.SqlQuery<string>($"""
            INSERT INTO "Holdings" ("Id", "UserId", "TicketLotId", "EventId", "Count", "PricePaidCents", "PurchasedAtUtc")
            VALUES ({Ids.New()}, {order.BuyerId}, {order.TicketLotId}, {order.EventId}, {order.Count}, {order.UnitPriceCents}, {now})
            ON CONFLICT ("UserId", "TicketLotId", "PricePaidCents")
            DO UPDATE SET "Count" = "Holdings"."Count" + excluded."Count", "PurchasedAtUtc" = excluded."PurchasedAtUtc"
            RETURNING "Id" AS "Value"
            """).ToListAsync(ct);
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
