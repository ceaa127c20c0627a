using Microsoft.EntityFrameworkCore;
using Npgsql;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;
using TicketHub.Domain.ETickets;
using TicketHub.Domain.Payments;

namespace TicketHub.Domain.Orders.Settlement;

/// <summary>
/// PostgreSQL. A sale of vendor stock settles in one statement, three round trips instead of six (the unit's BEGIN
/// and <c>SET LOCAL synchronous_commit</c>, the statement, COMMIT): the order's conditional update to Paid, the
/// holding's upsert fed by it, and the units fed by the holding, so an order another worker settled first (no row
/// updated) delivers nothing. Its commit does not wait for a disk flush or the standby, as every settlement (see
/// <see cref="OrderSettlement.SettleAsync"/>). Resale purchases go through <see cref="TransactionalSaleSettlement"/>
/// (they move the listing's units and write a payout).
/// </summary>
internal sealed class PostgresSaleSettlement(IWriteUnits writes, TransactionalSaleSettlement transactional) : ISaleSettlement
{
    private const string Statement = """
        WITH paid AS (
            UPDATE "Orders" SET "Status" = @paid, "PaymentReference" = @reference, "UpdatedAtUtc" = @now
            WHERE "Id" = @order AND "Status" = @pending
            RETURNING "Id"),
        holding AS (
            INSERT INTO "Holdings" ("Id", "UserId", "TicketLotId", "EventId", "Count", "PricePaidCents", "PurchasedAtUtc")
            SELECT @holding, @buyer, @lot, @event, @count, @price, @now FROM paid
            ON CONFLICT ("UserId", "TicketLotId", "PricePaidCents")
            DO UPDATE SET "Count" = "Holdings"."Count" + excluded."Count", "PurchasedAtUtc" = excluded."PurchasedAtUtc"
            RETURNING "Id")
        INSERT INTO "TicketUnits" ("Id", "EventId", "TicketLotId", "HoldingId", "OwnerId", "Generation", "Status", "ListingId", "IssuedAtUtc", "CheckedInAtUtc")
        SELECT unit.id, @event, @lot, holding."Id", @buyer, 1, @active, NULL, @now, NULL
        FROM holding CROSS JOIN unnest(@units) AS unit(id)
        """;

    public async Task<bool> PayAsync(Order order, PaymentOutcome outcome, DateTime now, CancellationToken ct)
    {
        if (order.ListingId is not null) return await transactional.PayAsync(order, outcome, now, ct);
        var units = Enumerable.Range(0, order.Count).Select(_ => Ids.New()).ToArray();
        var holdingId = Ids.New();
        var result = await writes.RunAsync<bool>(async db =>
        {
            var delivered = await db.Database.ExecuteSqlRawAsync(Statement,
            [
                new NpgsqlParameter("paid", nameof(OrderStatus.Paid)), new NpgsqlParameter("pending", nameof(OrderStatus.Pending)),
                new NpgsqlParameter("reference", (object?)outcome.Reference ?? DBNull.Value), new NpgsqlParameter("now", now),
                new NpgsqlParameter("order", order.Id), new NpgsqlParameter("holding", holdingId), new NpgsqlParameter("buyer", order.BuyerId),
                new NpgsqlParameter("lot", order.TicketLotId), new NpgsqlParameter("event", order.EventId),
                new NpgsqlParameter("count", order.Count), new NpgsqlParameter("price", order.UnitPriceCents),
                new NpgsqlParameter("active", nameof(TicketUnitStatus.Active)), new NpgsqlParameter("units", units),
            ], ct);
            // Rows affected are the units inserted: all of them when this unit moved the order to Paid, none when another had.
            return delivered == order.Count ? true : SaleSettlements.AlreadySettled;
        }, ct, Durability.Deferred);
        if (!result.IsSuccess && result.Error != SaleSettlements.AlreadySettled) throw new InvalidOperationException(result.Error.Message);
        return result.IsSuccess;
    }
}
