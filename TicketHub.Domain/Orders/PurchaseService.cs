using TicketHub.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;
using TicketHub.Domain.Events;
using TicketHub.Domain.Orders.Reservation;
using TicketHub.Domain.Payments;
using TicketHub.Domain.Resale;
using TicketHub.Domain.Tickets;
using TicketHub.Domain.WaitingRooms;

namespace TicketHub.Domain.Orders;

/// <summary>
/// Buying from vendor stock or a resale listing: checks the request, reserves the tickets with a Pending order
/// (<see cref="IStockReservation"/>, one per database provider), charges outside any transaction, then settles the
/// order (<see cref="OrderSettlement"/>). A crash between charge and settlement is repaired by
/// <see cref="PendingOrderReconciliation"/>.
/// </summary>
public sealed class PurchaseService(
    IDbContextFactory<TicketHubDbContext> dbFactory,
    IPaymentGateway payments,
    IStockReservation reservation,
    OrderSettlement settlement,
    EventFigures figures,
    IActionRateLimiter limits,
    AuditTrail audit,
    WaitingRoomService waitingRooms,
    TimeProvider clock,
    ILogger<PurchaseService> logger)
{
    public const string DefaultPaymentMethod = "pm_card_visa";
    public const int IdempotencyKeyMaxLength = 128;

    /// <summary>
    /// An individual buys tickets. Errors: validation_failed, not_found, event_in_past, sold_out,
    /// insufficient_quantity, purchase_limit_exceeded (10 per event over all purchases), payment_declined,
    /// not_owner (403, not an individual), queue_pass_required (403, the on-sale is queued and cmd.QueuePass is not this
    /// buyer's valid pass), payment_unavailable (503, the order stays pending). Also rate_limited (429) past the
    /// per-user limit.
    /// </summary>
    public async Task<Result<OrderSummary>> BuyAsync(string buyerId, BuyCommand cmd, CancellationToken ct = default)
    {
        if (limits.Refuse(LimitedAction.Trading, buyerId) is { } limited) return audit.Outcome<OrderSummary>(AuditActions.Purchase, buyerId, "lot", limited, cmd.TicketId);
        return audit.Outcome(AuditActions.Purchase, buyerId, "order", await BuyCoreAsync(buyerId, cmd, ct), cmd.ListingId ?? cmd.TicketId,
            o => o.OrderId, o => $"{(o.ListingId is null ? "lot " + o.TicketId : "listing " + o.ListingId)}: {o.Count} for {o.Amount} {o.Currency}, {o.Status.ToString().ToLowerInvariant()}");
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
            var reads = PerModel<PurchaseReads>.For(db);
            var lot = await reads.LotForSale(db, cmd.TicketId!, buyerId, ct);
            if (!(lot?.BuyerIsIndividual ?? await reads.IsIndividual(db, buyerId, ct))) return PurchaseErrors.OnlyIndividuals;
            if (lot is null) return TicketErrors.NotFound(cmd.TicketId!);
            if (lot.StartUtc <= clock.GetUtcNow().UtcDateTime) return EventErrors.InPast(lot.EventId);
            // A fast answer for a count that can never pass the cap; the reservation enforces the cap itself.
            if (count > PurchaseCounter.MaxPerEvent)
                return PurchaseErrors.LimitExceeded(await db.PurchaseCounters.Where(c => c.UserId == buyerId && c.EventId == lot.EventId)
                    .Select(c => c.Bought).FirstOrDefaultAsync(ct));
            if (await waitingRooms.RefuseWithoutPassAsync(buyerId, lot.EventId, cmd.QueuePass, ct) is { } queued) return queued;

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

        var reserved = await reservation.ReserveAsync(order, ct);
        if (!reserved.IsSuccess)
        {
            if (reserved.Error == StockReservations.DuplicateKey && await FindByKeyAsync(buyerId, key!) is { } winner) return Replay(winner, cmd);
            return reserved.Error;
        }
        figures.MarkChanged(order.EventId);   // browsing shows fewer left within a refresh tick; no cache entry is evicted

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

        var (settled, _) = await settlement.SettleAsync(order, outcome, CancellationToken.None);
        return settled.Status == OrderStatus.Paid
            ? ToSummary(settled)
            : PurchaseErrors.PaymentDeclined(settled.FailureCode);
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
        o.Id, o.TicketLotId, o.ListingId, o.Count, Money.ToDecimal(o.AmountCents, o.Currency), o.Currency, o.Status);
}
