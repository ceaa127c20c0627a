using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;
using TicketHub.Domain.Events;
using TicketHub.Domain.Resale;

namespace TicketHub.Domain.Tickets;

public sealed class TicketInventoryService(IDbContextFactory<TicketHubDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxUploadCount = 100_000;
    public const int SectionMaxLength = 15;
    public const int SeatMaxLength = 15;

    /// <summary>
    /// The vendor that created an event uploads a lot of tickets for it. Errors: validation_failed (count 1–100000,
    /// price ≥ 0 in the event's currency, seat required), not_found, not_owner (403), event_in_past.
    /// </summary>
    public async Task<Result<string>> UploadAsync(string vendorId, UploadTicketCommand cmd, CancellationToken ct = default)
    {
        var v = new Validator()
            .Required("eventId", cmd.EventId, Ids.MaxLength)
            .Check(cmd.Count is >= 1 and <= MaxUploadCount, "count", $"count must be between 1 and {MaxUploadCount}.")
            .MaxLength("section", cmd.Section, SectionMaxLength)
            .Required("seat", cmd.Seat, SeatMaxLength)
            .Check(cmd.Price is >= 0, "price", "price is required and must be 0 or more.");
        if (v.ToError() is { } invalid) return invalid;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().Where(e => e.Id == cmd.EventId)
            .Select(e => new { e.VendorId, e.StartUtc, e.Currency }).FirstOrDefaultAsync(ct);
        if (ev is null) return EventErrors.NotFound(cmd.EventId!);
        if (ev.VendorId != vendorId) return EventErrors.NotOwner;
        if (ev.StartUtc <= clock.GetUtcNow().UtcDateTime) return EventErrors.InPast(cmd.EventId!);
        if (!Money.TryToMinorUnits(cmd.Price!.Value, ev.Currency, out var priceCents))
            return PriceError(ev.Currency);

        var lot = new TicketLot
        {
            Id = Ids.New(clock),
            EventId = cmd.EventId!,
            VendorId = vendorId,
            Section = string.IsNullOrWhiteSpace(cmd.Section) ? null : cmd.Section.Trim(),
            Seat = cmd.Seat!.Trim(),
            Uploaded = cmd.Count!.Value,
            Remaining = cmd.Count.Value,
            PriceCents = priceCents,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.TicketLots.Add(lot);
        await db.SaveChangesAsync(ct);
        return lot.Id;
    }

    /// <summary>
    /// The vendor that uploaded a lot removes unsold tickets from it: <paramref name="count"/> of them, or all unsold
    /// when null. Sold tickets are never touched. Errors: validation_failed, not_found, not_owner (403),
    /// insufficient_quantity.
    /// </summary>
    public async Task<Result<RemovedTickets>> RemoveAsync(string vendorId, string? lotId, int? count, CancellationToken ct = default)
    {
        var v = new Validator()
            .Required("ticket-id", lotId, Ids.MaxLength)
            .Check(count is null or >= 1, "count", "count must be 1 or more.");
        if (v.ToError() is { } invalid) return invalid;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var owner = await db.TicketLots.Where(t => t.Id == lotId).Select(t => t.VendorId).FirstOrDefaultAsync(ct);
        if (owner is null) return TicketErrors.NotFound(lotId!);
        if (owner != vendorId) return TicketErrors.NotOwner;

        var lots = db.TicketLots.Where(t => t.Id == lotId);
        int removed;
        if (count is { } n)
        {
            // Conditional on what is unsold at this instant, like a purchase, so a removal never takes a sold ticket.
            var rows = await lots.Where(t => t.Remaining >= n).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Remaining, t => t.Remaining - n)
                .SetProperty(t => t.Removed, t => t.Removed + n), ct);
            if (rows == 0) return TicketErrors.InsufficientQuantity(await lots.Select(t => t.Remaining).FirstAsync(ct));
            removed = n;
        }
        else
        {
            var before = await lots.Select(t => t.Removed).FirstAsync(ct);
            // Both right-hand sides read the row as it was, so this moves exactly the unsold rest.
            await lots.ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Removed, t => t.Removed + t.Remaining)
                .SetProperty(t => t.Remaining, 0), ct);
            removed = await lots.Select(t => t.Removed).FirstAsync(ct) - before;
        }
        var remaining = await lots.Select(t => t.Remaining).FirstAsync(ct);
        return new RemovedTickets(lotId!, removed, remaining);
    }

    /// <summary>Every lot the vendor uploaded, with what is sold, removed and left (view-tickets for vendors).</summary>
    public async Task<IReadOnlyList<VendorLot>> VendorLotsAsync(string vendorId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.TicketLots.AsNoTracking()
            .Where(t => t.VendorId == vendorId)
            .Join(db.Events, t => t.EventId, e => e.Id, (t, e) => new { t, e.Name, e.StartUtc, e.Currency })
            .OrderBy(x => x.StartUtc).ThenBy(x => x.t.Section).ThenBy(x => x.t.Seat)
            .ToListAsync(ct);
        return rows.Select(x => new VendorLot(
            x.t.Id, x.t.EventId, x.Name, x.StartUtc, x.t.Section, x.t.Seat, x.t.Uploaded, x.t.Remaining, x.t.Removed,
            x.t.Uploaded - x.t.Removed - x.t.Remaining, Money.ToDecimal(x.t.PriceCents, x.Currency), x.Currency)).ToList();
    }

    /// <summary>What is on sale for an event: every vendor lot (cheapest first) and every active resale listing. Errors: not_found.</summary>
    public async Task<Result<EventListings>> EventListingsAsync(string? eventId, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(eventId)) return new Validator().Add("event-id", "event-id is required.").ToError()!;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var currency = await db.Events.Where(e => e.Id == eventId).Select(e => e.Currency).FirstOrDefaultAsync(ct);
        if (currency is null) return EventErrors.NotFound(eventId);

        var lots = await db.TicketLots.AsNoTracking().Where(t => t.EventId == eventId)
            .OrderBy(t => t.PriceCents).ThenBy(t => t.Section).ThenBy(t => t.Seat)
            .Select(t => new { t.Id, t.Section, t.Seat, t.Remaining, t.PriceCents })
            .ToListAsync(ct);
        var listings = await db.ResaleListings.AsNoTracking()
            .Where(l => l.EventId == eventId && l.Status == ListingStatus.Active && l.Count > 0)
            .Join(db.TicketLots, l => l.TicketLotId, t => t.Id, (l, t) => new { l.Id, l.TicketLotId, t.Section, t.Seat, l.Count, l.PriceCents })
            .OrderBy(l => l.PriceCents).ThenBy(l => l.Id)
            .ToListAsync(ct);
        return new EventListings(
            eventId, currency,
            lots.Select(t => new PrimaryListing(t.Id, t.Section, t.Seat, t.Remaining, Money.ToDecimal(t.PriceCents, currency))).ToList(),
            listings.Select(l => new ResaleOffer(l.Id, l.TicketLotId, l.Section, l.Seat, l.Count, Money.ToDecimal(l.PriceCents, currency))).ToList());
    }

    internal static Error PriceError(string currency) => new Validator()
        .Add("price", Money.Exponent(currency) == 0
            ? $"price must be a whole number of {currency}."
            : $"price must have at most 2 decimals ({currency}).")
        .ToError()!;
}
