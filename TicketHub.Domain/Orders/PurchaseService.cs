using TicketHub.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;
using TicketHub.Domain.Events;
using TicketHub.Domain.Payments;
using TicketHub.Domain.Resale;
using TicketHub.Domain.Tickets;

namespace TicketHub.Domain.Orders;

/// <summary>
/// Buying from vendor stock or a resale listing. Tickets are reserved and a Pending order written in one
/// transaction; the charge runs outside it; then the order becomes Paid (tickets delivered) or Failed (reservation
/// released), again in one transaction. A crash between charge and settlement is repaired by <see cref="ReconcileAsync"/>.
/// </summary>
public sealed class PurchaseService(
    IDbContextFactory<TicketHubDbContext> dbFactory,
    IPaymentGateway payments,
    IStockClaim stock,
    CatalogCache cache,
    IActionRateLimiter limits,
    AuditTrail audit,
    TimeProvider clock,
    ILogger<PurchaseService> logger)
{
    public const string DefaultPaymentMethod = "pm_card_visa";
    public const int IdempotencyKeyMaxLength = 128;

    /// <summary>
    /// An individual buys tickets. Errors: validation_failed, not_found, event_in_past, sold_out,
    /// insufficient_quantity, purchase_limit_exceeded (10 per event over all purchases), payment_declined,
    /// not_owner (403, not an individual), payment_unavailable (503, the order stays pending). Also rate_limited (429) past the
    /// per-user limit.
    /// </summary>
    public async Task<Result<OrderSummary>> BuyAsync(string buyerId, BuyCommand cmd, CancellationToken ct = default)
    {
        if (limits.Refuse(LimitedAction.Trading, buyerId) is { } limited) return audit.Outcome<OrderSummary>(AuditActions.Purchase, buyerId, "lot", limited, cmd.TicketId);
        return audit.Outcome(AuditActions.Purchase, buyerId, "order", await BuyCoreAsync(buyerId, cmd, ct), cmd.ListingId ?? cmd.TicketId,
            o => o.OrderId, o => $"{(o.ListingId is null ? "lot " + o.TicketId : "listing " + o.ListingId)}: {o.Count} for {o.Amount} {o.Currency}, {o.Status}");
    }

    private async Task<Result<OrderSummary>> BuyCoreAsync(string buyerId, BuyCommand cmd, CancellationToken ct = default)
    {
        var v = new Validator()
            .Required("ticketId", cmd.TicketId, Ids.MaxLength)
            .Check(cmd.Count is >= 1, "count", "count must be 1 or more.")
            .MaxLength("listingId", cmd.ListingId, Ids.MaxLength)
            .MaxLength("paymentMethod", cmd.PaymentMethod, 64)
            .MaxLength("Idempotency-Key", cmd.IdempotencyKey, IdempotencyKeyMaxLength);
        if (v.ToError() is { } invalid) return invalid;
        var count = cmd.Count!.Value;
        var paymentMethod = string.IsNullOrWhiteSpace(cmd.PaymentMethod) ? DefaultPaymentMethod : cmd.PaymentMethod.Trim();
        var key = string.IsNullOrWhiteSpace(cmd.IdempotencyKey) ? null : cmd.IdempotencyKey.Trim();

        Order order;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (key is not null && await FindByKeyAsync(db, buyerId, key, ct) is { } earlier) return Replay(earlier, cmd);
            if (!await db.UserRoles.AnyAsync(r => r.UserId == buyerId && r.RoleId == RoleIds.Individual, ct))
                return PurchaseErrors.OnlyIndividuals;
            if (count > PurchaseCounter.MaxPerEvent) return PurchaseErrors.LimitExceeded(0);

            var lot = await db.TicketLots.AsNoTracking().Where(t => t.Id == cmd.TicketId)
                .Join(db.Events, t => t.EventId, e => e.Id, (t, e) => new { t.Id, t.EventId, t.PriceCents, e.StartUtc, e.Currency, e.Name })
                .FirstOrDefaultAsync(ct);
            if (lot is null) return TicketErrors.NotFound(cmd.TicketId!);
            if (lot.StartUtc <= clock.GetUtcNow().UtcDateTime) return EventErrors.InPast(lot.EventId);

            var unitPrice = lot.PriceCents;
            if (!string.IsNullOrWhiteSpace(cmd.ListingId))
            {
                var listing = await db.ResaleListings.AsNoTracking()
                    .Where(l => l.Id == cmd.ListingId && l.TicketLotId == lot.Id && l.Status == ListingStatus.Active)
                    .Select(l => new { l.SellerId, l.PriceCents }).FirstOrDefaultAsync(ct);
                if (listing is null) return PurchaseErrors.ListingNotFound(cmd.ListingId);
                if (listing.SellerId == buyerId) return PurchaseErrors.OwnListing;
                unitPrice = listing.PriceCents;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            order = new Order
            {
                Id = Ids.New(clock),
                BuyerId = buyerId,
                EventId = lot.EventId,
                TicketLotId = lot.Id,
                ListingId = string.IsNullOrWhiteSpace(cmd.ListingId) ? null : cmd.ListingId,
                Count = count,
                UnitPriceCents = unitPrice,
                AmountCents = checked(unitPrice * count),   // within bounds by the price cap; checked should the cap ever go
                Currency = lot.Currency,
                Status = OrderStatus.Pending,
                PaymentMethod = paymentMethod,
                IdempotencyKey = key,
                CreatedAtUtc = now,
                UpdatedAtUtc = now,
            };
        }

        var reserved = await ReserveAsync(order, ct);
        if (!reserved.IsSuccess)
        {
            if (reserved.Error == DuplicateKey && await FindByKeyAsync(buyerId, key!) is { } winner) return Replay(winner, cmd);
            return reserved.Error;
        }

        // From here on the buyer's money may move: finish the job even if the client goes away.
        PaymentOutcome outcome;
        try
        {
            outcome = await payments.ChargeAsync(
                new PaymentRequest(order.Id, order.AmountCents, order.Currency, order.PaymentMethod, $"TicketHub order {order.Id}"),
                CancellationToken.None);
        }
        catch (PaymentUnavailableException ex)
        {
            logger.LogWarning(ex, "Payment for order {OrderId} has an unknown outcome; the reconciler will settle it.", order.Id);
            return PurchaseErrors.PaymentUnavailable;
        }

        var (settled, _) = await SettleAsync(order, outcome, CancellationToken.None);
        return settled.Status == OrderStatus.Paid
            ? ToSummary(settled)
            : PurchaseErrors.PaymentDeclined(settled.FailureCode);
    }

    /// <summary>
    /// Settles Pending orders older than <paramref name="olderThan"/> (a process died between charge and
    /// settlement) by asking the gateway: a charge found makes the order Paid, no charge or a decline releases it.
    /// Every node may run this at once: an order is settled by exactly one of them. Returns how many this call settled.
    /// </summary>
    public async Task<int> ReconcileAsync(TimeSpan olderThan, CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - olderThan;
        List<Order> stale;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            stale = await db.Orders.AsNoTracking()
                .Where(o => o.Status == OrderStatus.Pending && o.CreatedAtUtc <= cutoff)
                .OrderBy(o => o.CreatedAtUtc).Take(100).ToListAsync(ct);
        }
        var settled = 0;
        foreach (var order in stale)
        {
            PaymentOutcome? outcome;
            try
            {
                outcome = await payments.FindAsync(order.Id, ct);
            }
            catch (PaymentUnavailableException ex)
            {
                logger.LogWarning(ex, "Could not ask the gateway about order {OrderId}; will retry.", order.Id);
                continue;
            }
            var (result, byThisCall) = await SettleAsync(order, outcome ?? PaymentOutcome.Decline("no_charge"), ct);
            if (!byThisCall) continue;   // another node's reconciler or the buying request itself got there first
            logger.LogInformation("Reconciled order {OrderId}: {Status}.", order.Id, result.Status);
            settled++;
        }
        return settled;
    }

    private static readonly Error DuplicateKey = new("duplicate_key", "Idempotency key raced.");

    private async Task<Result<bool>> ReserveAsync(Order order, CancellationToken ct)
    {
        if (order.ListingId is null && stock.IsConditionalUpdate)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (db.Database.IsNpgsql()) return await ReserveLotInOneStatementAsync(db, order, ct);
        }
        return await ReserveInTransactionAsync(order, ct);
    }

    // PostgreSQL, vendor stock: stock, cap counter and Pending order in one autocommitted statement, so the hot lot row
    // is locked only inside the server, from its UPDATE to the commit, never across a round trip to this process (a
    // flash sale queues on that lock). Stock is taken first; the counter's CHECK (at most 10) aborts the whole
    // statement when the buyer's cap would be passed.
    private static Task<Result<bool>> ReserveLotInOneStatementAsync(TicketHubDbContext db, Order o, CancellationToken ct)
    {
        var status = o.Status.ToString();
        return Transactions.RunStatementAsync<bool>(async () =>
        {
            try
            {
                var placed = await db.Database.ExecuteSqlAsync($"""
                    WITH stock AS (
                        UPDATE "TicketLots" SET "Remaining" = "Remaining" - {o.Count}
                        WHERE "Id" = {o.TicketLotId} AND "Remaining" >= {o.Count}
                        RETURNING "Id"),
                    counter AS (
                        INSERT INTO "PurchaseCounters" ("UserId", "EventId", "Bought")
                        SELECT {o.BuyerId}, {o.EventId}, {o.Count} FROM stock
                        ON CONFLICT ("UserId", "EventId") DO UPDATE SET "Bought" = "PurchaseCounters"."Bought" + excluded."Bought"
                        RETURNING "Bought")
                    INSERT INTO "Orders" ("Id", "BuyerId", "EventId", "TicketLotId", "ListingId", "Count", "UnitPriceCents",
                        "AmountCents", "Currency", "Status", "PaymentMethod", "IdempotencyKey", "CreatedAtUtc", "UpdatedAtUtc")
                    SELECT {o.Id}, {o.BuyerId}, {o.EventId}, {o.TicketLotId}, NULL, {o.Count}, {o.UnitPriceCents},
                        {o.AmountCents}, {o.Currency}, {status}, {o.PaymentMethod}, {o.IdempotencyKey}, {o.CreatedAtUtc}, {o.UpdatedAtUtc}
                    FROM counter
                    """, ct);
                if (placed == 1) return true;
                var available = await db.TicketLots.Where(t => t.Id == o.TicketLotId).Select(t => t.Remaining).FirstAsync(ct);
                return available == 0 ? TicketErrors.SoldOut(o.TicketLotId) : TicketErrors.InsufficientQuantity(available);
            }
            catch (PostgresException ex) when (ex is { SqlState: "23514", ConstraintName: "CK_PurchaseCounters_Bought" })
            {
                var bought = await db.PurchaseCounters.Where(c => c.UserId == o.BuyerId && c.EventId == o.EventId)
                    .Select(c => c.Bought).FirstAsync(ct);
                return PurchaseErrors.LimitExceeded(bought);
            }
            catch (PostgresException ex) when (o.IdempotencyKey is not null && Transactions.IsUniqueViolation(ex))
            {
                return DuplicateKey;   // the same request is in flight; this statement changed nothing
            }
        }, ct);
    }

    private Task<Result<bool>> ReserveInTransactionAsync(Order order, CancellationToken ct) => Transactions.RunAsync<bool>(dbFactory, async db =>
    {
        // Every purchase for this buyer and event passes through one counter row, raised only while it stays within
        // the cap (one upsert: created at the order's count, or raised when that keeps it within the cap): two racing
        // requests of the same buyer cannot both pass.
        var counted = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "PurchaseCounters" ("UserId", "EventId", "Bought") VALUES ({order.BuyerId}, {order.EventId}, {order.Count})
            ON CONFLICT ("UserId", "EventId") DO UPDATE SET "Bought" = "PurchaseCounters"."Bought" + excluded."Bought"
            WHERE "PurchaseCounters"."Bought" + excluded."Bought" <= {PurchaseCounter.MaxPerEvent}
            """, ct);
        if (counted == 0)
        {
            var bought = await db.PurchaseCounters.Where(c => c.UserId == order.BuyerId && c.EventId == order.EventId)
                .Select(c => c.Bought).FirstAsync(ct);
            return PurchaseErrors.LimitExceeded(bought);
        }

        db.Orders.Add(order);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (order.IdempotencyKey is not null && Transactions.IsUniqueViolation(ex))
        {
            return DuplicateKey;   // the same request is in flight; the transaction rolls the reservation back
        }

        // The hot row last: on PostgreSQL its lock is then held only from this statement to the commit, not across
        // the order insert, which is what a flash sale queues on.
        var taken = order.ListingId is { } listingId
            ? await stock.TakeFromListingAsync(db, listingId, order.Count, ct)
            : await stock.TakeFromLotAsync(db, order.TicketLotId, order.Count, ct);
        if (!taken)
        {
            var available = order.ListingId is { } id
                ? await db.ResaleListings.Where(l => l.Id == id).Select(l => l.Status == ListingStatus.Active ? l.Count : 0).FirstAsync(ct)
                : await db.TicketLots.Where(t => t.Id == order.TicketLotId).Select(t => t.Remaining).FirstAsync(ct);
            return available == 0 ? TicketErrors.SoldOut(order.ListingId ?? order.TicketLotId) : TicketErrors.InsufficientQuantity(available);
        }
        db.ChangeTracker.Clear();
        return true;
    }, ct);

    /// <summary>
    /// Moves a Pending order to Paid or Failed exactly once; returns the order as it ends up, and whether this call
    /// settled it (false when another worker had: the conditional update on the Pending status lets one through). The settlement needs no
    /// disk flush of its own (one fsync per purchase instead of two): the reservation before the charge was flushed,
    /// and a settlement lost in a database crash leaves the order Pending, which <see cref="ReconcileAsync"/> settles
    /// again from the gateway's record of the charge.
    /// </summary>
    private async Task<(Order Order, bool ByThisCall)> SettleAsync(Order order, PaymentOutcome outcome, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var result = await Transactions.RunAsync<bool>(dbFactory, async db =>
        {
            var pending = db.Orders.Where(o => o.Id == order.Id && o.Status == OrderStatus.Pending);
            if (outcome.Status == PaymentStatus.Succeeded)
            {
                if (await pending.ExecuteUpdateAsync(s => s
                        .SetProperty(o => o.Status, OrderStatus.Paid)
                        .SetProperty(o => o.PaymentReference, outcome.Reference)
                        .SetProperty(o => o.UpdatedAtUtc, now), ct) == 0)
                    return AlreadySettled;
                await Deliver(db, order, now, ct);
                return true;
            }

            // The order first: a second worker settling the same order waits on its row and then finds it settled,
            // before it has released anything. Then stock, then counter: the lock order of a PostgreSQL lot
            // reservation, so the two never deadlock.
            if (await pending.ExecuteUpdateAsync(s => s
                    .SetProperty(o => o.Status, OrderStatus.Failed)
                    .SetProperty(o => o.FailureCode, outcome.DeclineCode)
                    .SetProperty(o => o.PaymentReference, outcome.Reference)
                    .SetProperty(o => o.UpdatedAtUtc, now), ct) == 0)
                return AlreadySettled;
            await Release(db, order, ct);
            await db.PurchaseCounters.Where(c => c.UserId == order.BuyerId && c.EventId == order.EventId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Bought, c => c.Bought - order.Count), ct);
            return true;
        }, ct, Durability.Deferred);
        if (!result.IsSuccess && result.Error != AlreadySettled) throw new InvalidOperationException(result.Error.Message);
        await cache.InvalidateAsync(CatalogCache.Event(order.EventId));   // what the event page shows as left
        if (result.IsSuccess) return (Settled(order, outcome, now), true);

        await using var read = await dbFactory.CreateDbContextAsync(ct);
        return (await read.Orders.AsNoTracking().FirstAsync(o => o.Id == order.Id, ct), false);
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

    private static readonly Error AlreadySettled = new("already_settled", "The order was settled by another worker.");

    private static async Task Deliver(TicketHubDbContext db, Order order, DateTime now, CancellationToken ct)
    {
        // One holding per buyer, lot and price paid: the price paid is what caps a later resale.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Holdings" ("Id", "UserId", "TicketLotId", "EventId", "Count", "PricePaidCents", "PurchasedAtUtc")
            VALUES ({Ids.New()}, {order.BuyerId}, {order.TicketLotId}, {order.EventId}, {order.Count}, {order.UnitPriceCents}, {now})
            ON CONFLICT ("UserId", "TicketLotId", "PricePaidCents")
            DO UPDATE SET "Count" = "Holdings"."Count" + excluded."Count", "PurchasedAtUtc" = excluded."PurchasedAtUtc"
            """, ct);
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

    private static async Task Release(TicketHubDbContext db, Order order, CancellationToken ct)
    {
        if (order.ListingId is not { } listingId)
        {
            await db.TicketLots.Where(t => t.Id == order.TicketLotId)
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
    }

    private Result<OrderSummary> Replay(Order earlier, BuyCommand cmd)
    {
        if (earlier.TicketLotId != cmd.TicketId || earlier.Count != cmd.Count || earlier.ListingId != (string.IsNullOrWhiteSpace(cmd.ListingId) ? null : cmd.ListingId))
            return PurchaseErrors.KeyReused;
        return earlier.Status == OrderStatus.Failed ? PurchaseErrors.PaymentDeclined(earlier.FailureCode) : ToSummary(earlier);
    }

    private static Task<Order?> FindByKeyAsync(TicketHubDbContext db, string buyerId, string key, CancellationToken ct) =>
        db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.BuyerId == buyerId && o.IdempotencyKey == key, ct);

    private async Task<Order?> FindByKeyAsync(string buyerId, string key)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await FindByKeyAsync(db, buyerId, key, CancellationToken.None);
    }

    internal static OrderSummary ToSummary(Order o) => new(
        o.Id, o.TicketLotId, o.ListingId, o.Count, Money.ToDecimal(o.AmountCents, o.Currency), o.Currency, StatusName(o.Status));

    /// <summary>The lower-case word the API and pages show: pending, paid or failed.</summary>
    public static string StatusName(OrderStatus status) => status.ToString().ToLowerInvariant();
}
