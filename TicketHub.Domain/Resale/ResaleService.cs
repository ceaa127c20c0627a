using TicketHub.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;
using TicketHub.Domain.ETickets;
using TicketHub.Domain.Events;
using TicketHub.Domain.Orders;
using TicketHub.Domain.Tickets;

namespace TicketHub.Domain.Resale;

public sealed class ResaleService(
    IDbContextFactory<TicketHubDbContext> dbFactory, IWriteUnits writes, CatalogCache cache, EventFigures figures, IActionRateLimiter limits, AuditTrail audit,
    TimeProvider clock)
{
    /// <summary>
    /// An individual lists tickets they hold (so: bought here) at no more than they paid. Tickets come from the
    /// holding with the highest price paid that has enough of them. Errors: validation_failed, not_found,
    /// event_in_past, not_owner (403: holds none of the lot, or not an individual), insufficient_quantity,
    /// price_above_purchase. Also rate_limited (429) past the
    /// per-user limit.
    /// </summary>
    public async Task<Result<ListingCreated>> SellAsync(string sellerId, SellCommand cmd, CancellationToken ct = default)
    {
        if (limits.Refuse(LimitedAction.Trading, sellerId) is { } limited) return audit.Outcome<ListingCreated>(AuditActions.ListingCreated, sellerId, "lot", limited, cmd.TicketId);
        return audit.Outcome(AuditActions.ListingCreated, sellerId, "listing", await SellCoreAsync(sellerId, cmd, ct), cmd.TicketId,
            l => l.ListingId, l => $"lot {l.TicketId}: {l.Count} at {l.Price}");
    }

    private async Task<Result<ListingCreated>> SellCoreAsync(string sellerId, SellCommand cmd, CancellationToken ct = default)
    {
        var v = new Validator()
            .Required("ticketId", cmd.TicketId, Ids.MaxLength)
            .Check(cmd.Count is >= 1, "count", "count must be 1 or more.")
            .Check(cmd.Price is null or >= 0, "price", "price must be 0 or more.");
        if (v.ToError() is { } invalid) return invalid;
        var count = cmd.Count!.Value;

        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (!await db.UserRoles.AnyAsync(r => r.UserId == sellerId && r.RoleId == RoleIds.Individual, ct))
                return PurchaseErrors.OnlyIndividuals;
        }

        var created = await writes.RunAsync<ListingCreated>(async db =>
        {
            var lot = await db.TicketLots.Where(t => t.Id == cmd.TicketId)
                .Join(db.Events, t => t.EventId, e => e.Id, (t, e) => new { t.Id, t.EventId, e.StartUtc, e.Currency })
                .FirstOrDefaultAsync(ct);
            if (lot is null) return TicketErrors.NotFound(cmd.TicketId!);
            if (lot.StartUtc <= clock.GetUtcNow().UtcDateTime) return EventErrors.InPast(lot.EventId);

            var holdings = await db.Holdings.AsNoTracking()
                .Where(h => h.UserId == sellerId && h.TicketLotId == lot.Id && h.Count > 0)
                .OrderByDescending(h => h.PricePaidCents).ToListAsync(ct);
            if (holdings.Count == 0) return ResaleErrors.NothingHeld;
            var holding = holdings.FirstOrDefault(h => h.Count >= count);
            if (holding is null) return ResaleErrors.InsufficientQuantity(holdings.Max(h => h.Count));

            var priceCents = holding.PricePaidCents;
            if (cmd.Price is { } price)
            {
                if (price > Money.ToDecimal(holding.PricePaidCents, lot.Currency))
                    return ResaleErrors.PriceAbovePurchase(Money.ToDecimal(holding.PricePaidCents, lot.Currency), lot.Currency);
                if (!Money.TryToMinorUnits(price, lot.Currency, out priceCents)) return TicketInventoryService.PriceError(lot.Currency);
            }

            // Conditional, like a purchase: two listings racing for the same held tickets cannot both take them.
            var moved = await db.Holdings.Where(h => h.Id == holding.Id && h.Count >= count)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.Count, h => h.Count - count), ct);
            if (moved == 0) return ResaleErrors.InsufficientQuantity(0);

            var listing = new ResaleListing
            {
                Id = Ids.New(clock),
                SellerId = sellerId,
                HoldingId = holding.Id,
                TicketLotId = lot.Id,
                EventId = lot.EventId,
                Count = count,
                PriceCents = priceCents,
                SellerPaidCents = holding.PricePaidCents,
                Status = ListingStatus.Active,
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            db.ResaleListings.Add(listing);
            await db.SaveChangesAsync(ct);
            // Listing hides the tickets' codes; tickets already used at the door cannot be listed.
            if (await TicketUnitLedger.ListAsync(db, holding.Id, listing.Id, count, ct) is var listable && listable < count)
                return ResaleErrors.InsufficientQuantity(listable);
            return new ListingCreated(listing.Id, lot.Id, count, Money.ToDecimal(priceCents, lot.Currency)) { EventId = lot.EventId };
        }, ct);
        if (created.IsSuccess) await ListingsChangedAsync(created.Value.EventId, ct);
        return created;
    }

    /// <summary>
    /// The seller takes a listing off sale; its unsold tickets go back to the holding they came from.
    /// Errors: validation_failed, not_found (also an already cancelled listing), not_owner (403). Also rate_limited (429) past the
    /// per-user limit.
    /// </summary>
    public async Task<Result<ListingCancelled>> CancelAsync(string sellerId, string? listingId, CancellationToken ct = default)
    {
        if (limits.Refuse(LimitedAction.Trading, sellerId) is { } limited) return audit.Outcome<ListingCancelled>(AuditActions.ListingCancelled, sellerId, "listing", limited, listingId);
        return audit.Outcome(AuditActions.ListingCancelled, sellerId, "listing", await CancelCoreAsync(sellerId, listingId, ct), listingId,
            detail: c => $"{c.Returned} returned to the holding");
    }

    private async Task<Result<ListingCancelled>> CancelCoreAsync(string sellerId, string? listingId, CancellationToken ct = default)
    {
        if (new Validator().Required("listing-id", listingId, Ids.MaxLength).ToError() is { } invalid) return invalid;

        var cancelled = await writes.RunAsync<ListingCancelled>(async db =>
        {
            var listing = await db.ResaleListings.AsNoTracking().FirstOrDefaultAsync(l => l.Id == listingId, ct);
            if (listing is null || listing.Status != ListingStatus.Active) return ResaleErrors.NotFound(listingId!);
            if (listing.SellerId != sellerId) return ResaleErrors.NotOwner;

            // Conditional on the count just read: a purchase reserving from this listing meanwhile makes this miss,
            // and the transaction is simply run again on fresh figures.
            var rows = await db.ResaleListings
                .Where(l => l.Id == listingId && l.Status == ListingStatus.Active && l.Count == listing.Count)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Status, ListingStatus.Cancelled).SetProperty(l => l.Count, 0), ct);
            if (rows == 0) throw new ConcurrentChangeException();
            await db.Holdings.Where(h => h.Id == listing.HoldingId)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.Count, h => h.Count + listing.Count), ct);
            await TicketUnitLedger.ReturnAsync(db, listing.Id, listing.Count, ct);
            return new ListingCancelled(listing.Id, listing.Count) { EventId = listing.EventId };
        }, ct);
        if (cancelled.IsSuccess) await ListingsChangedAsync(cancelled.Value.EventId, ct);
        return cancelled;
    }

    // The seller sees the change at once on the event's page; searches show the new figures as their entries expire.
    private async Task ListingsChangedAsync(string eventId, CancellationToken ct)
    {
        await figures.RefreshAsync(eventId, ct);
        await cache.InvalidateAsync(CatalogCache.Event(eventId));
    }

    /// <summary>The seller's listings, active first.</summary>
    public async Task<IReadOnlyList<MyListing>> ListingsAsync(string sellerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.ResaleListings.AsNoTracking().Where(l => l.SellerId == sellerId)
            .Join(db.TicketLots, l => l.TicketLotId, t => t.Id, (l, t) => new { l, t.Section, t.Seat })
            .Join(db.Events, x => x.l.EventId, e => e.Id, (x, e) => new { x.l, x.Section, x.Seat, e.Name, e.StartUtc, e.Currency, e.Venue.TimeZone })
            .ToListAsync(ct);
        return rows.OrderBy(x => x.l.Status).ThenBy(x => x.StartUtc)
            .Select(x => new MyListing(x.l.Id, x.l.TicketLotId, x.l.EventId, x.Name, x.StartUtc, x.Section, x.Seat, x.l.Count, x.l.Sold,
                Money.ToDecimal(x.l.PriceCents, x.Currency), x.Currency, x.l.Status, x.TimeZone))
            .ToList();
    }

    /// <summary>What the seller is owed from resale sales, newest first.</summary>
    public async Task<IReadOnlyList<PayoutView>> PayoutsAsync(string sellerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Payouts.AsNoTracking().Where(p => p.SellerId == sellerId)
            .Join(db.ResaleListings, p => p.ListingId, l => l.Id, (p, l) => new { p, l.EventId })
            .Join(db.Events, x => x.EventId, e => e.Id, (x, e) => new { x.p, e.Name, e.Venue.TimeZone })
            .ToListAsync(ct);
        return rows.OrderByDescending(x => x.p.CreatedAtUtc)
            .Select(x => new PayoutView(x.p.ListingId, x.p.OrderId, x.Name, x.p.Count, Money.ToDecimal(x.p.AmountCents, x.p.Currency), x.p.Currency, x.p.CreatedAtUtc, x.TimeZone))
            .ToList();
    }
}
