using TicketHub.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;
using TicketHub.Domain.Events;
using TicketHub.Domain.Resale;

namespace TicketHub.Domain.Tickets;

public sealed class TicketInventoryService(
    IDbContextFactory<TicketHubDbContext> dbFactory, IWriteUnits writes, ReadOnlyDb readDb, CatalogCache cache, EventFigures figures, IActionRateLimiter limits,
    AuditTrail audit, TimeProvider clock)
{
    public const int MaxUploadCount = 100_000;
    public const int SectionMaxLength = 15;
    public const int SeatMaxLength = 15;

    /// <summary>
    /// The vendor that created an event uploads a lot of tickets for it. Errors: validation_failed (count 1–100000,
    /// price ≥ 0 in the event's currency, seat required), not_found, not_owner (403), event_in_past. Also rate_limited (429) past the
    /// per-user limit.
    /// </summary>
    public async Task<Result<string>> UploadAsync(string vendorId, UploadTicketCommand cmd, CancellationToken ct = default)
    {
        if (limits.Refuse(LimitedAction.CatalogWrite, vendorId) is { } limited) return audit.Outcome<string>(AuditActions.TicketsUploaded, vendorId, "event", limited, cmd.EventId);
        return audit.Outcome(AuditActions.TicketsUploaded, vendorId, "lot", await UploadCoreAsync(vendorId, cmd, ct), cmd.EventId, id => id,
            _ => $"event {cmd.EventId}: {cmd.Count} x {cmd.Price}");
    }

    private async Task<Result<string>> UploadCoreAsync(string vendorId, UploadTicketCommand cmd, CancellationToken ct = default)
    {
        var v = new Validator()
            .Required("eventId", cmd.EventId, Ids.MaxLength)
            .Check(cmd.Count is >= 1 and <= MaxUploadCount, "count", $"count must be between 1 and {MaxUploadCount}.")
            .MaxLength("section", cmd.Section, SectionMaxLength)
            .Required("seat", cmd.Seat, SeatMaxLength)
            .Check(cmd.Price is >= 0, "price", "price is required and must be 0 or more.");
        if (v.ToError() is { } invalid) return invalid;

        var lots = await BuildLotsAsync(vendorId, cmd.EventId!, cmd.Section, [cmd.Seat!], cmd.Count!.Value, cmd.Price!.Value, ct);
        return lots.IsSuccess ? lots.Value[0] : lots.Error;
    }

    /// <summary>
    /// Uploads a row block of numbered seats as one lot of one ticket per seat ("B12", "B13", ...), all or nothing,
    /// with the rules of <see cref="UploadAsync"/>. Errors: validation_failed (row, a range of at most 500 seats),
    /// not_found, not_owner (403), event_in_past. Also rate_limited (429) past the
    /// per-user limit.
    /// </summary>
    public async Task<Result<IReadOnlyList<string>>> UploadSeatBlockAsync(string vendorId, UploadSeatBlockCommand cmd, CancellationToken ct = default)
    {
        if (limits.Refuse(LimitedAction.CatalogWrite, vendorId) is { } limited)
            return audit.Outcome<IReadOnlyList<string>>(AuditActions.TicketsUploaded, vendorId, "event", limited, cmd.EventId);
        return audit.Outcome(AuditActions.TicketsUploaded, vendorId, "event", await UploadSeatBlockCoreAsync(vendorId, cmd, ct), cmd.EventId,
            detail: lots => $"seat block: {lots.Count} lot(s)");
    }

    private async Task<Result<IReadOnlyList<string>>> UploadSeatBlockCoreAsync(string vendorId, UploadSeatBlockCommand cmd, CancellationToken ct = default)
    {
        var v = new Validator()
            .Required("eventId", cmd.EventId, Ids.MaxLength)
            .MaxLength("section", cmd.Section, SectionMaxLength)
            .Required("row", cmd.Row, 5)
            .Check(cmd.FirstSeat is >= 1 and <= 9999, "firstSeat", "firstSeat must be between 1 and 9999.")
            .Check(cmd.LastSeat is >= 1 and <= 9999, "lastSeat", "lastSeat must be between 1 and 9999.")
            .Check(cmd.FirstSeat is null || cmd.LastSeat is null || cmd.LastSeat >= cmd.FirstSeat, "lastSeat", "lastSeat must not be before firstSeat.")
            .Check(cmd.FirstSeat is null || cmd.LastSeat is null || cmd.LastSeat - cmd.FirstSeat < UploadSeatBlockCommand.MaxSeats,
                "lastSeat", $"A block has at most {UploadSeatBlockCommand.MaxSeats} seats.")
            .Check(cmd.Price is >= 0, "price", "price is required and must be 0 or more.");
        if (v.ToError() is { } invalid) return invalid;

        var row = cmd.Row!.Trim();
        var seats = Enumerable.Range(cmd.FirstSeat!.Value, cmd.LastSeat!.Value - cmd.FirstSeat.Value + 1).Select(n => $"{row}{n}").ToList();
        return await BuildLotsAsync(vendorId, cmd.EventId!, cmd.Section, seats, 1, cmd.Price!.Value, ct);
    }

    private async Task<Result<IReadOnlyList<string>>> BuildLotsAsync(
        string vendorId, string eventId, string? section, IReadOnlyList<string> seats, int count, decimal price, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().Where(e => e.Id == eventId)
            .Select(e => new { e.VendorId, e.StartUtc, e.Currency }).FirstOrDefaultAsync(ct);
        if (ev is null) return EventErrors.NotFound(eventId);
        if (ev.VendorId != vendorId) return EventErrors.NotOwner;
        if (ev.StartUtc <= clock.GetUtcNow().UtcDateTime) return EventErrors.InPast(eventId);
        if (price > Money.ToDecimal(Money.MaxUnitPrice(ev.Currency), ev.Currency)) return PriceTooHigh(ev.Currency);
        if (!Money.TryToMinorUnits(price, ev.Currency, out var priceCents)) return PriceError(ev.Currency);

        var now = clock.GetUtcNow().UtcDateTime;
        // A block's lots are made within a millisecond, where ids differ only by their 20 random bits: 500 of them
        // would share an id about one time in eight, so each is drawn again until it is new to the block.
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var lots = seats.Select(seat => new TicketLot
        {
            Id = NewId(ids),
            EventId = eventId,
            VendorId = vendorId,
            Section = string.IsNullOrWhiteSpace(section) ? null : section.Trim(),
            Seat = seat.Trim(),
            Uploaded = count,
            PriceCents = priceCents,
            CreatedAtUtc = now,
        }).ToList();
        foreach (var lot in lots) lot.Stock = StockBuckets.Split(lot.Id, count).ToList();
        db.TicketLots.AddRange(lots);
        await db.SaveChangesAsync(ct);
        await figures.RefreshAsync(eventId, ct);
        await cache.InvalidateAsync(CatalogCache.Events, CatalogCache.Event(eventId));
        return lots.Select(l => l.Id).ToList();
    }

    /// <summary>
    /// The vendor that uploaded a lot removes unsold tickets from it: <paramref name="count"/> of them, or all unsold
    /// when null. Sold tickets are never touched. Errors: validation_failed, not_found, not_owner (403),
    /// insufficient_quantity. Also rate_limited (429) past the
    /// per-user limit.
    /// </summary>
    public async Task<Result<RemovedTickets>> RemoveAsync(string vendorId, string? lotId, int? count, CancellationToken ct = default)
    {
        if (limits.Refuse(LimitedAction.CatalogWrite, vendorId) is { } limited) return audit.Outcome<RemovedTickets>(AuditActions.TicketsRemoved, vendorId, "lot", limited, lotId);
        return audit.Outcome(AuditActions.TicketsRemoved, vendorId, "lot", await RemoveCoreAsync(vendorId, lotId, count, ct), lotId,
            detail: r => $"removed {r.Removed}, {r.Remaining} left");
    }

    private async Task<Result<RemovedTickets>> RemoveCoreAsync(string vendorId, string? lotId, int? count, CancellationToken ct = default)
    {
        var v = new Validator()
            .Required("ticket-id", lotId, Ids.MaxLength)
            .Check(count is null or >= 1, "count", "count must be 1 or more.");
        if (v.ToError() is { } invalid) return invalid;

        var result = await writes.RunAsync<RemovedTickets>(async db =>
        {
            var owner = await db.TicketLots.Where(t => t.Id == lotId).Select(t => new { t.VendorId, t.EventId }).FirstOrDefaultAsync(ct);
            if (owner is null) return TicketErrors.NotFound(lotId!);
            if (owner.VendorId != vendorId) return TicketErrors.NotOwner;

            // Only unsold tickets, taken from the buckets by conditional writes, like a purchase: a removal never
            // takes a sold ticket.
            int removed;
            if (count is { } n)
            {
                if (await LotStock.TakeAsync(db, lotId!, n, start: 0, ct) is null)
                    return TicketErrors.InsufficientQuantity(await LotStock.LeftAsync(db, lotId!, ct));
                removed = n;
            }
            else
            {
                removed = await LotStock.TakeAllAsync(db, lotId!, ct);
            }
            await db.TicketLots.Where(t => t.Id == lotId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Removed, t => t.Removed + removed), ct);
            return new RemovedTickets(lotId!, removed, await LotStock.LeftAsync(db, lotId!, ct)) { EventId = owner.EventId };
        }, ct);
        if (result.IsSuccess)
        {
            await figures.RefreshAsync(result.Value.EventId, ct);
            await cache.InvalidateAsync(CatalogCache.Events, CatalogCache.Event(result.Value.EventId));
        }
        return result;
    }

    /// <summary>Every lot the vendor uploaded (of one event, when given), with what is sold, removed and left (view-tickets for vendors).</summary>
    public async Task<IReadOnlyList<VendorLot>> VendorLotsAsync(string vendorId, string? eventId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lots = db.TicketLots.AsNoTracking().Where(t => t.VendorId == vendorId);
        if (eventId is not null) lots = lots.Where(t => t.EventId == eventId);
        var rows = await lots
            .Join(db.Events, t => t.EventId, e => e.Id, (t, e) => new { t, e.Name, e.StartUtc, e.Currency, Remaining = t.Stock.Sum(s => s.Remaining) })
            .OrderBy(x => x.StartUtc).ThenBy(x => x.t.Section).ThenBy(x => x.t.Seat)
            .ToListAsync(ct);
        return rows.Select(x => new VendorLot(
            x.t.Id, x.t.EventId, x.Name, x.StartUtc, x.t.Section, x.t.Seat, x.t.Uploaded, x.Remaining, x.t.Removed,
            x.t.Uploaded - x.t.Removed - x.Remaining, Money.ToDecimal(x.t.PriceCents, x.Currency), x.Currency)).ToList();
    }

    /// <summary>What is on sale for an event: every vendor lot (cheapest first) and every active resale listing. Errors: not_found.</summary>
    public async Task<Result<EventListings>> EventListingsAsync(string? eventId, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(eventId)) return new Validator().Add("event-id", "event-id is required.").ToError()!;
        var listings = await cache.FindAsync($"listings:{eventId}", eventId, token => ListingsUncachedAsync(eventId, token),
            [CatalogCache.Event(eventId)], carriesAvailability: true, ct);
        return listings is null ? EventErrors.NotFound(eventId) : listings;
    }

    /// <summary>
    /// What is on sale for an event as one buyer sees it: <see cref="EventListingsAsync"/> without the buyer's own resale
    /// listings, which a purchase would refuse (validation_failed: nobody buys their own listing). Errors: not_found.
    /// </summary>
    public async Task<Result<EventListings>> EventListingsForBuyerAsync(string? eventId, string buyerId, CancellationToken ct = default)
    {
        var listings = await EventListingsAsync(eventId, ct);
        if (!listings.IsSuccess || listings.Value.Resale.Count == 0) return listings;
        return WithoutOwnListings(listings.Value, await OwnListingIdsAsync(eventId!, buyerId, ct));
    }

    /// <summary>The buyer's own active resale listings of the event, which their pages leave out (own_listing).</summary>
    public async Task<IReadOnlySet<string>> OwnListingIdsAsync(string eventId, string buyerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.ResaleListings.Where(l => l.EventId == eventId && l.SellerId == buyerId && l.Status == ListingStatus.Active)
            .Select(l => l.Id).ToListAsync(ct)).ToHashSet();
    }

    /// <summary>What is on sale less the buyer's own resale listings (a purchase would refuse them: own_listing).</summary>
    public static EventListings WithoutOwnListings(EventListings listings, IReadOnlySet<string> own) =>
        own.Count == 0 ? listings : listings with { Resale = listings.Resale.Where(r => !own.Contains(r.ListingId)).ToList() };

    /// <summary>
    /// What is on sale for an event and its capacity, read from the primary past every cache: the state a live page is
    /// pushed after a change (see <c>AvailabilityFeed</c>). Null for an unknown event.
    /// </summary>
    public async Task<Live.EventAvailability?> AvailabilityNowAsync(string eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ListingsAsync(db, eventId, ct) is not { } listings) return null;
        var capacity = await db.TicketLots.Where(t => t.EventId == eventId).SumAsync(t => (int?)(t.Uploaded - t.Removed), ct) ?? 0;
        return new Live.EventAvailability(listings, capacity);
    }

    private async ValueTask<EventListings?> ListingsUncachedAsync(string eventId, CancellationToken ct)
    {
        await using var db = await readDb.CreateAsync(ct);
        return await ListingsAsync(db, eventId, ct);
    }

    private static async Task<EventListings?> ListingsAsync(TicketHubDbContext db, string eventId, CancellationToken ct)
    {
        var currency = await db.Events.Where(e => e.Id == eventId).Select(e => e.Currency).FirstOrDefaultAsync(ct);
        if (currency is null) return null;

        var lots = await db.TicketLots.Where(t => t.EventId == eventId)
            .OrderBy(t => t.PriceCents).ThenBy(t => t.Section).ThenBy(t => t.Seat)
            .Select(t => new { t.Id, t.Section, t.Seat, Remaining = t.Stock.Sum(s => s.Remaining), t.PriceCents })
            .ToListAsync(ct);
        var listings = await db.ResaleListings
            .Where(l => l.EventId == eventId && l.Status == ListingStatus.Active && l.Count > 0)
            .Join(db.TicketLots, l => l.TicketLotId, t => t.Id, (l, t) => new { l.Id, l.TicketLotId, t.Section, t.Seat, l.Count, l.PriceCents })
            .OrderBy(l => l.PriceCents).ThenBy(l => l.Id)
            .ToListAsync(ct);
        return new EventListings(
            eventId, currency,
            lots.Select(t => new PrimaryListing(t.Id, t.Section, t.Seat, t.Remaining, Money.ToDecimal(t.PriceCents, currency))).ToList(),
            listings.Select(l => new ResaleOffer(l.Id, l.TicketLotId, l.Section, l.Seat, l.Count, Money.ToDecimal(l.PriceCents, currency))).ToList());
    }

    /// <summary>A vendor lot, or one of its resale listings, with its event and price. Errors: not_found.</summary>
    public async Task<Result<Offer>> OfferAsync(string? lotId, string? listingId, CancellationToken ct = default)
    {
        if (!Ids.CanBe(lotId)) return TicketErrors.NotFound(lotId ?? "");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lot = await db.TicketLots.AsNoTracking().Where(t => t.Id == lotId)
            .Join(db.Events, t => t.EventId, e => e.Id, (t, e) => new
            {
                t.Id, t.Section, t.Seat, Remaining = t.Stock.Sum(s => s.Remaining), t.PriceCents, t.EventId, e.Name, e.StartUtc, e.Currency, Venue = e.Venue.Name, e.Venue.TimeZone,
            })
            .FirstOrDefaultAsync(ct);
        if (lot is null) return TicketErrors.NotFound(lotId);
        var (available, price) = (lot.Remaining, lot.PriceCents);
        if (!string.IsNullOrWhiteSpace(listingId))
        {
            if (!Ids.CanBe(listingId)) return CommonErrors.NotFound("Listing", listingId);
            var listing = await db.ResaleListings.AsNoTracking()
                .Where(l => l.Id == listingId && l.TicketLotId == lotId && l.Status == ListingStatus.Active)
                .Select(l => new { l.Count, l.PriceCents }).FirstOrDefaultAsync(ct);
            if (listing is null) return CommonErrors.NotFound("Listing", listingId);
            (available, price) = (listing.Count, listing.PriceCents);
        }
        return new Offer(lot.Id, string.IsNullOrWhiteSpace(listingId) ? null : listingId, lot.EventId, lot.Name, lot.StartUtc, lot.Venue,
            lot.TimeZone, lot.Section, lot.Seat, Money.ToDecimal(price, lot.Currency), lot.Currency, available);
    }

    private string NewId(HashSet<string> taken)
    {
        var id = Ids.New(clock);
        while (!taken.Add(id)) id = Ids.New(clock);
        return id;
    }

    internal static Error PriceTooHigh(string currency) => new Validator()
        .Add("price", $"price must be at most {Money.ToDecimal(Money.MaxUnitPrice(currency), currency)} {currency}: " +
                      $"an order of {Orders.PurchaseCounter.MaxPerEvent} tickets must stay within what the payment provider can charge.")
        .ToError()!;

    internal static Error PriceError(string currency) => new Validator()
        .Add("price", Money.Exponent(currency) == 0
            ? $"price must be a whole number of {currency}."
            : $"price must have at most 2 decimals ({currency}).")
        .ToError()!;
}
